import LeggioModel

/// A table set in a column of text: columns sized to their content within the width, cell
/// text wrapped inside its column, aligned as the source says, borders in box-drawing
/// characters (ASCII when asked), the header rows set apart by a double rule. A table whose columns cannot
/// fit even at their longest word's width is shown transposed instead: one record per
/// row, each value after its column's header.
struct TableLayout {
  /// One line of the table: pieces of border and cell text.
  struct Line: Equatable {
    var pieces: [Piece] = []
  }

  struct Piece: Equatable {
    var text: String
    var isBorder: Bool
    var isHeader: Bool
  }

  let rows: [[String]]
  let alignments: [TableAlignment]
  let headerRows: Int
  /// Borders in ASCII (`+`, `-`, `|`, `=`) for terminals without box drawing.
  var ascii = false

  init(_ block: Block, ascii: Bool = false) {
    self.ascii = ascii
    guard case .table(let alignments, let headerRows) = block.kind else {
      (rows, self.alignments, self.headerRows) = ([], [], 0)
      return
    }
    let cells = block.tableRows.map { row in
      row.map { cell in
        cell.reduce(into: "") { $0 += $1.text }.split(whereSeparator: \.isWhitespace)
          .joined(separator: " ")
      }
    }
    let columns = cells.map(\.count).max() ?? 0
    rows = cells.map { $0 + Array(repeating: "", count: columns - $0.count) }
    self.alignments = alignments
    self.headerRows = min(headerRows, rows.count)
  }

  var columnCount: Int { rows.first?.count ?? 0 }

  /// The table's lines for a column `width` cells wide.
  func lines(width: Int) -> [Line] {
    guard columnCount > 0 else { return [] }
    guard let widths = columnWidths(width: width) else { return transposed(width: width) }
    let wraps = rows.map { row in row.indices.map { Self.wrap(row[$0], width: widths[$0]) } }
    let ruled = wraps.contains { $0.contains { $0.count > 1 } }
    let bar = ascii ? "|" : "│"
    var lines = [border("┌", "┬", "┐", widths)]
    for (index, row) in wraps.enumerated() {
      if index > 0 && index == headerRows {
        lines.append(border("╞", "╪", "╡", widths, fill: "═"))
      } else if index > 0 && ruled {
        lines.append(border("├", "┼", "┤", widths))
      }
      let isHeader = index < headerRows
      for lineIndex in 0..<(row.map(\.count).max() ?? 1) {
        var line = Line(pieces: [Piece(text: bar + " ", isBorder: true, isHeader: false)])
        for column in row.indices {
          if column > 0 {
            line.pieces.append(Piece(text: " \(bar) ", isBorder: true, isHeader: false))
          }
          let text = lineIndex < row[column].count ? row[column][lineIndex] : ""
          let alignment = isHeader && alignment(column) == .none ? .center : alignment(column)
          line.pieces.append(
            Piece(
              text: Self.pad(text, to: widths[column], alignment), isBorder: false,
              isHeader: isHeader))
        }
        line.pieces.append(Piece(text: " " + bar, isBorder: true, isHeader: false))
        lines.append(line)
      }
    }
    lines.append(border("└", "┴", "┘", widths))
    return lines
  }

  private func alignment(_ column: Int) -> TableAlignment {
    column < alignments.count ? alignments[column] : .none
  }

  /// Each column's width: its widest cell when all fit, else at least its longest word
  /// with the room left shared out where cells are widest; nil when even the longest
  /// words do not fit (or a column would be under 3 cells).
  func columnWidths(width: Int) -> [Int]? {
    let room = width - (3 * columnCount + 1)
    let natural = (0..<columnCount).map { column in
      max(1, rows.map { CellWidth.of($0[column]) }.max() ?? 1)
    }
    if natural.reduce(0, +) <= room { return natural }
    var widths = (0..<columnCount).map { column in
      max(3, rows.map { Self.longestWord($0[column]) }.max() ?? 1)
    }
    var spare = room - widths.reduce(0, +)
    guard spare >= 0 else { return nil }
    while spare > 0 {
      // One cell at a time to the column that lacks the most, relative to its content.
      let column = widths.indices.max { a, b in
        Double(natural[a] - widths[a]) / Double(natural[a])
          < Double(natural[b] - widths[b]) / Double(natural[b])
      }!
      guard widths[column] < natural[column] else { break }
      widths[column] += 1
      spare -= 1
    }
    return widths
  }

  /// One record per body row: each header, then its value wrapped under it, indented;
  /// records separated by a rule.
  private func transposed(width: Int) -> [Line] {
    let headers = headerRows > 0 ? rows[0] : rows[0].indices.map { "\($0 + 1)" }
    var lines: [Line] = []
    for (index, row) in rows.dropFirst(headerRows).enumerated() {
      if index > 0 {
        lines.append(
          Line(pieces: [
            Piece(
              text: String(repeating: ascii ? "-" : "─", count: min(width, 20)), isBorder: true,
              isHeader: false)
          ]))
      }
      for column in row.indices where !row[column].isEmpty {
        lines.append(Line(pieces: [Piece(text: headers[column], isBorder: false, isHeader: true)]))
        for text in Self.wrap(row[column], width: max(1, width - 2)) {
          lines.append(Line(pieces: [Piece(text: "  " + text, isBorder: false, isHeader: false)]))
        }
      }
    }
    return lines
  }

  private func border(
    _ left: String, _ middle: String, _ right: String, _ widths: [Int], fill: String = "─"
  ) -> Line {
    if ascii {
      // Every corner and joint a `+`, rules `-`, the header's double rule `=`.
      let fill = fill == "═" ? "=" : "-"
      let text =
        "+" + widths.map { String(repeating: fill, count: $0 + 2) }.joined(separator: "+") + "+"
      return Line(pieces: [Piece(text: text, isBorder: true, isHeader: false)])
    }
    let text =
      left + widths.map { String(repeating: fill, count: $0 + 2) }.joined(separator: middle)
      + right
    return Line(pieces: [Piece(text: text, isBorder: true, isHeader: false)])
  }

  static func longestWord(_ text: String) -> Int {
    text.split(separator: " ").map { CellWidth.of(String($0)) }.max() ?? 0
  }

  /// `text` in lines of at most `width` cells, broken between words, a word longer than
  /// the width broken between characters.
  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    var lineCells = 0
    for word in text.split(separator: " ") {
      var word = String(word)
      var cells = CellWidth.of(word)
      if lineCells > 0 && lineCells + 1 + cells <= width {
        line += " " + word
        lineCells += 1 + cells
        continue
      }
      if lineCells > 0 { lines.append(line) }
      while cells > width {
        var head = ""
        var headCells = 0
        for character in word {
          let characterCells = CellWidth.of(String(character))
          if headCells + characterCells > width { break }
          head.append(character)
          headCells += characterCells
        }
        if head.isEmpty { head = String(word.first!) }
        lines.append(head)
        word = String(word.dropFirst(head.count))
        cells = CellWidth.of(word)
      }
      line = word
      lineCells = cells
    }
    if lineCells > 0 || lines.isEmpty { lines.append(line) }
    return lines
  }

  static func pad(_ text: String, to width: Int, _ alignment: TableAlignment) -> String {
    let gap = max(0, width - CellWidth.of(text))
    switch alignment {
    case .right: return String(repeating: " ", count: gap) + text
    case .center:
      return String(repeating: " ", count: gap / 2) + text
        + String(repeating: " ", count: gap - gap / 2)
    case .left, .none: return text + String(repeating: " ", count: gap)
    }
  }
}
