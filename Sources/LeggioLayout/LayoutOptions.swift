/// How an article is laid out: the screen area and the typographic choices.
public struct LayoutOptions: Hashable, Sendable {
  /// Cells available across (the whole terminal width for the reader).
  public var width: Int
  /// Lines per page (the terminal height less the status line for the reader).
  public var height: Int
  /// The widest text column, in cells; wider screens centre a column this wide.
  public var measure: Int
  /// Justify paragraph text (the last line of a paragraph stays ragged).
  public var justify: Bool
  /// Hyphenate words at line ends, with the dictionary of the article's language when one
  /// is installed (`hyphen-it`, `hyphen-en-us`...); the hyphens are drawn, never part of
  /// the text.
  public var hyphenate: Bool
  /// Cells kept free on each side when the screen is narrower than the measure.
  public var margin: Int
  /// Japanese strict line breaking (CSS `line-break: strict`): small kana (っ, ゃ, ァ...)
  /// never start a line, as closing punctuation never does. Off by default, as in browsers.
  public var strictLineBreaks = false
  /// Whether prose gets the total-fit breaker (else the greedy one it replaced; kept for
  /// `leggio-bench layout`, which prints both).
  package var totalFit = true
  /// The pictures that are drawn, by their address in the document, with their size: each
  /// gets rows of its own on the page (an unbreakable block with its caption and credit).
  /// A picture not listed keeps its `[Image: …]` placeholder.
  public var pictures: [String: PictureSize] = [:]
  /// Set a page's footnotes at its foot, under a short rule, as books do (`FootNote`);
  /// else they are only shown on demand, when their reference is followed.
  public var notesAtFoot = true
  /// Draw table borders and the notes' rule with ASCII (`+-|=`) instead of box-drawing
  /// characters, for terminals and fonts without them.
  public var asciiBorders = false

  public init(
    width: Int,
    height: Int = .max,
    measure: Int = 72,
    justify: Bool = true,
    hyphenate: Bool = true,
    margin: Int = 1
  ) {
    self.width = width
    self.height = height
    self.measure = measure
    self.justify = justify
    self.hyphenate = hyphenate
    self.margin = margin
  }
}
