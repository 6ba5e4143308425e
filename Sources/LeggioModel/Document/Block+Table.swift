extension Block {
  /// A table's cells: rows of cells, each cell its runs. The block's runs hold the cells in
  /// reading order with `"\t"` between cells and `"\n"` between rows (the table's plain
  /// text, where positions count); this splits them back. Empty for other blocks.
  public var tableRows: [[[Inline]]] {
    guard case .table = kind else { return [] }
    var rows: [[[Inline]]] = []
    var row: [[Inline]] = []
    var cell: [Inline] = []
    for run in inlines {
      var piece = ""
      for character in run.text {
        guard character == "\t" || character == "\n" else {
          piece.append(character)
          continue
        }
        if !piece.isEmpty {
          var part = run
          part.text = piece
          cell.append(part)
        }
        piece = ""
        row.append(cell)
        cell = []
        if character == "\n" {
          rows.append(row)
          row = []
        }
      }
      if !piece.isEmpty {
        var rest = run
        rest.text = piece
        cell.append(rest)
      }
    }
    row.append(cell)
    rows.append(row)
    return rows
  }

  /// A table block made of rows of cells (each cell its runs); tabs and line breaks
  /// inside a cell become spaces, since they separate cells and rows.
  public static func table(
    _ rows: [[[Inline]]], alignments: [TableAlignment], headerRows: Int
  ) -> Block {
    var inlines: [Inline] = []
    for (rowIndex, row) in rows.enumerated() {
      if rowIndex > 0 { inlines.append(Inline("\n")) }
      for (cellIndex, cell) in row.enumerated() {
        if cellIndex > 0 { inlines.append(Inline("\t")) }
        for var run in cell {
          run.text = String(run.text.map { $0 == "\t" || $0 == "\n" ? " " : $0 })
          inlines.append(run)
        }
      }
    }
    return Block(.table(alignments: alignments, headerRows: headerRows), inlines)
  }
}
