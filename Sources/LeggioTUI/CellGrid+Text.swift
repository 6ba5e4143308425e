/// Putting text into a grid with cell widths.
extension CellGrid {
  /// Writes `text` from `column` on `row`, one cell per narrow character and two per
  /// wide one, stopping before `limit` cells (or the edge). A wide character that would
  /// be cut in half becomes a space. Unsafe characters become `TextSanitizer.replacement`.
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
      let character = TextSanitizer.isUnsafe(original) ? TextSanitizer.replacement : original
      let cells = TextWidth.cells(character)
      if cells == 0 { continue }
      if x < 0 {
        x += cells
        continue
      }
      if x + cells > end {
        self[x, row] = Cell(" ", style: style)
        x += 1
        break
      }
      self[x, row] = Cell(character, width: cells, style: style)
      if cells == 2 { self[x + 1, row] = .continuation(style) }
      x += cells
    }
    return x
  }

  /// Fills `columns` of `row` with blanks of `style`.
  public mutating func fill(row: Int, columns: Range<Int>? = nil, style: CellStyle) {
    guard row >= 0, row < height else { return }
    let range = (columns ?? 0..<width).clamped(to: 0..<width)
    for x in range {
      self[x, row] = Cell(" ", style: style)
    }
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
