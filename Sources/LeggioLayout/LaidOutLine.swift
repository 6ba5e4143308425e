import LeggioModel

/// The semantic role of a run of laid-out text; themes map roles to colours.
public enum StyleRole: String, CaseIterable, Codable, Hashable, Sendable {
  case text
  case kicker
  case title
  case standfirst
  case byline
  case dateline
  case credit
  case heading
  case quote
  case quoteBar
  case listMarker
  case preformatted
  case continuation
  case image
  case rule
  /// A visible stand-in for a control character that must never reach the terminal.
  case controlSymbol
}

/// A run of cells on one line with one style.
public struct Run: Hashable, Sendable {
  /// The text to draw; it never holds a control character.
  public var text: String
  /// The cell column where the run starts, counted from the left edge of the screen.
  public var column: Int
  /// Its width in cells.
  public var cells: Int
  public var role: StyleRole
  /// Inline styles from the document (emphasis, strong, code).
  public var inline: InlineStyle
  /// The link target, for link runs.
  public var link: String?
  /// The canonical-text scalar offsets this run shows, nil for decoration (bullets,
  /// quote bars, justification space, the title block). When `text` is exactly that
  /// range of the canonical text, scalar `i` of the run is offset `lowerBound + i`.
  public var source: Range<Int>?

  public init(
    text: String, column: Int, cells: Int, role: StyleRole, inline: InlineStyle = [],
    link: String? = nil, source: Range<Int>? = nil
  ) {
    self.text = text
    self.column = column
    self.cells = cells
    self.role = role
    self.inline = inline
    self.link = link
    self.source = source
  }
}

/// One line of a page.
public struct LaidOutLine: Hashable, Sendable {
  public var runs: [Run]
  /// The canonical offsets the line shows, nil for a blank or decorative line.
  public var source: Range<Int>?
  /// The row of a picture this (otherwise blank) line shows, nil for text.
  public var picture: PictureRow?

  public init(runs: [Run] = [], source: Range<Int>? = nil, picture: PictureRow? = nil) {
    self.runs = runs
    self.source = source
    self.picture = picture
  }

  /// The line as plain text, runs placed at their columns, trailing spaces removed.
  public var plainText: String {
    var result = ""
    var column = 0
    for run in runs {
      if run.column > column {
        result += String(repeating: " ", count: run.column - column)
        column = run.column
      }
      result += run.text
      column += run.cells
    }
    while result.last == " " { result.removeLast() }
    return result
  }
}

/// One page: exactly `LayoutOptions.height` lines or fewer on the last page.
public struct Page: Hashable, Sendable {
  /// Zero-based.
  public var index: Int
  public var lines: [LaidOutLine]
  /// The canonical offsets the page covers; pages tile the text without gaps.
  public var source: Range<Int>

  public init(index: Int, lines: [LaidOutLine], source: Range<Int>) {
    self.index = index
    self.lines = lines
    self.source = source
  }

  /// The page as text, one line per row ("\n" after each), as `leggio show --page` prints it.
  public var plainText: String { lines.map { $0.plainText + "\n" }.joined() }
}

/// How many pages there are, or an estimate while the layout is still running.
public enum PageCount: Hashable, Sendable {
  case exact(Int)
  case estimated(Int)

  public var value: Int {
    switch self {
    case .exact(let n), .estimated(let n): n
    }
  }

  public var isExact: Bool {
    if case .exact = self { return true }
    return false
  }
}
