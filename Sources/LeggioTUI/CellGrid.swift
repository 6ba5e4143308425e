import LeggioModel
import LeggioLayout

/// How one cell is drawn, in semantic terms the theme resolves to colours.
public struct CellStyle: Hashable, Sendable {
  public var role: UIRole
  /// Emphasis, strong and code from the document.
  public var inline: InlineStyle
  /// A mark laid over the cell: a search match, the selection or a highlight colour.
  public var overlay: UIRole?
  public var isLink: Bool
  /// A picture's own colours, drawn as they are whatever the theme (symbols mode).
  public var picture: PictureInk? = nil

  public init(
    _ role: UIRole = .text, inline: InlineStyle = [], overlay: UIRole? = nil, isLink: Bool = false
  ) {
    self.role = role
    self.inline = inline
    self.overlay = overlay
    self.isLink = isLink
  }
}

/// One terminal cell. A wide character fills its cell and the next, which holds
/// `Cell.continuation`.
public struct Cell: Hashable, Sendable {
  public var character: Character
  /// 1 for most characters, 2 for wide ones, 0 for the cell after a wide character.
  public var width: Int
  public var style: CellStyle

  public init(_ character: Character, width: Int = 1, style: CellStyle = CellStyle()) {
    self.character = character
    self.width = width
    self.style = style
  }

  public static let blank = Cell(" ")
  public static func continuation(_ style: CellStyle) -> Cell { Cell(" ", width: 0, style: style) }
}

/// A screen's worth of cells that views draw into; only `LeggioTerminal` puts it on a
/// terminal, and tests read it back as rows of text.
public struct CellGrid: Hashable, Sendable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]

  public init(width: Int, height: Int, fill: CellStyle = CellStyle(.background)) {
    self.width = max(0, width)
    self.height = max(0, height)
    self.cells = Array(repeating: Cell(" ", style: fill), count: self.width * self.height)
  }

  public subscript(column: Int, row: Int) -> Cell {
    get { cells[row * width + column] }
    set { cells[row * width + column] = newValue }
  }

  /// The text of row `row`, wide characters once, trailing spaces removed.
  public func rowText(_ row: Int) -> String {
    var text = ""
    for column in 0..<width {
      let cell = self[column, row]
      if cell.width > 0 { text.append(cell.character) }
    }
    while text.last == " " { text.removeLast() }
    return text
  }

  /// Every row as text: what a test compares with literal rows.
  public var rows: [String] { (0..<height).map(rowText) }
}
