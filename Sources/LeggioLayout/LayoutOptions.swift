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
  /// Hyphenate long words at line ends (reserved; off by default).
  public var hyphenate: Bool
  /// Cells kept free on each side when the screen is narrower than the measure.
  public var margin: Int

  public init(
    width: Int,
    height: Int = .max,
    measure: Int = 72,
    justify: Bool = true,
    hyphenate: Bool = false,
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
