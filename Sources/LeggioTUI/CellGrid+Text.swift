import LeggioModel

/// Putting text into a grid with cell widths.
extension CellGrid {
  /// Writes `text` from `column` on `row`, one cell per narrow character and two per
  /// wide one, stopping before `limit` cells (or the edge). A wide character that would
  /// be cut in half becomes a space. Unsafe characters are shown by `TerminalSafety.standIn(for:)`.
  /// Returns the column after the last cell written.
  @discardableResult
  public mutating func put(
    _ text: some StringProtocol, column: Int, row: Int, style: CellStyle, limit: Int? = nil
  ) -> Int {
    guard row >= 0, row < height else { return column }
    let end = min(width, limit.map { column + max(0, $0) } ?? width)
    var x = column
    for original in text {
      if x >= end { break }
      guard
        let character = TerminalSafety.isUnsafe(original)
          ? TerminalSafety.standIn(for: original) : original
      else { continue }
      let cells = TextWidth.cells(character)
      if cells == 0 { continue }
      if x < 0 {
        x += cells
        continue
      }
      if x + cells > end {
        place(Cell(" ", style: style), column: x, row: row)
        x += 1
        break
      }
      place(Cell(character, width: cells, style: style), column: x, row: row)
      if cells == 2 { place(.continuation(style), column: x + 1, row: row) }
      x += cells
    }
    return x
  }

  /// Fills `columns` of `row` with blanks of `style`.
  public mutating func fill(row: Int, columns: Range<Int>? = nil, style: CellStyle) {
    guard row >= 0, row < height else { return }
    let range = (columns ?? 0..<width).clamped(to: 0..<width)
    for x in range {
      place(Cell(" ", style: style), column: x, row: row)
    }
  }

  /// Sets one cell without leaving half a wide character behind: overwriting either
  /// half of a wide character blanks the other half.
  mutating func place(_ cell: Cell, column: Int, row: Int) {
    let old = self[column, row]
    if old.width == 0, cell.width != 0, column > 0, self[column - 1, row].width == 2 {
      self[column - 1, row] = Cell(" ", style: self[column - 1, row].style)
    }
    if old.width == 2, cell.width != 2, column + 1 < width, self[column + 1, row].width == 0 {
      self[column + 1, row] = Cell(" ", style: old.style)
    }
    self[column, row] = cell
  }

  /// Writes `text` centred on `row`, cut to the width.
  public mutating func putCentered(_ text: String, row: Int, style: CellStyle) {
    let line = TextWidth.truncate(text, to: width)
    let start = max(0, (width - TextWidth.cells(line)) / 2)
    put(line, column: start, row: row, style: style)
  }

  /// Lays `overlay` over the cells `columns` of `row`, keeping their text.
  public mutating func mark(row: Int, columns: Range<Int>, overlay: UIRole) {
    guard row >= 0, row < height else { return }
    for x in columns.clamped(to: 0..<width) {
      self[x, row].style.overlay = overlay
    }
  }

  /// The style roles of row `row`, one per cell: what a test checks colours against.
  public func roles(_ row: Int) -> [UIRole] {
    (0..<width).map { self[$0, row].style.role }
  }
}
