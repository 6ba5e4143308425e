import LeggioLayout
import LeggioPictures

/// The user's settings from `config.toml` (see `ConfigurationParser` for the file):
/// the theme, how the reader lays out text, and key bindings.
public struct Configuration: Hashable, Sendable {
  /// The theme's name, nil for the default theme.
  public var theme: String?
  public var reader: ReaderSettings
  /// Keys the user binds to an action, in place of that action's default keys; an empty
  /// list unbinds the action.
  public var keyOverrides: [Action: [Key]]
  /// Whether feed updates keep their items' pictures (`[feeds] images`).
  public var feedPictures = true

  public init(
    theme: String? = nil, reader: ReaderSettings = ReaderSettings(),
    keyOverrides: [Action: [Key]] = [:]
  ) {
    self.theme = theme
    self.reader = reader
    self.keyOverrides = keyOverrides
  }

  /// What Leggio uses without a configuration file.
  public static let defaults = Configuration()
}

/// The `[reader]` table: how articles are laid out.
public struct ReaderSettings: Hashable, Sendable {
  /// The widest text column, in cells (`LayoutOptions.measure`).
  public var width: Int
  /// Justify paragraphs.
  public var justify: Bool
  /// Hyphenate words at line ends (`LayoutOptions.hyphenate`).
  public var hyphenate: Bool
  /// Cells kept free on each side when the screen is narrower than `width`.
  public var margin: Int
  /// Japanese strict line breaking (`LayoutOptions.strictLineBreaks`).
  public var strictLineBreaks = false
  /// How pictures are shown (`images = "auto"`); see `PictureDisplay`.
  public var images: PictureMode = .auto
  /// Table borders in ASCII rather than box drawing (`LayoutOptions.asciiBorders`); nil
  /// lets the terminal decide: ASCII when its locale's character set is not UTF-8.
  public var asciiBorders: Bool?
  /// Footnotes at the foot of the page that refers to them (`LayoutOptions.notesAtFoot`);
  /// else only over the page, when their reference is followed.
  public var notesAtFoot = true

  public static let widthRange = 20...400
  public static let marginRange = 0...20

  public init(width: Int = 72, justify: Bool = true, hyphenate: Bool = true, margin: Int = 1) {
    self.width = width
    self.justify = justify
    self.hyphenate = hyphenate
    self.margin = margin
  }

  /// `options` with these settings applied.
  public func applied(to options: LayoutOptions) -> LayoutOptions {
    var options = options
    options.measure = width
    options.justify = justify
    options.hyphenate = hyphenate
    options.margin = margin
    options.strictLineBreaks = strictLineBreaks
    options.asciiBorders = asciiBorders ?? false
    options.notesAtFoot = notesAtFoot
    return options
  }
}
