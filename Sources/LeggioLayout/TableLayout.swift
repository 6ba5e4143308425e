import LeggioModel

/// A table set in a column of text: columns sized to their content within the width, cell
/// text wrapped inside its column, aligned as the source says, borders in box-drawing
/// characters (ASCII when asked), the header rows set apart by a double rule. A table whose columns cannot
/// fit even at their longest word's width is shown transposed instead: one record per
/// row, each value after its column's header. Cell text keeps its place in the block's
/// plain text (`Piece.source`), so that highlights, the selection and search matches
/// are drawn in the cells.
struct TableLayout {
  /// One line of the table: pieces of border and cell text.
  struct Line: Equatable {
    var pieces: [Piece] = []
  }

  struct Piece: Equatable {
    var text: String
    var isBorder: Bool
    var isHeader: Bool
    /// The scalar offset in the block's plain text where `text` starts when it is the
    /// cell's own text, exactly as written there; nil for borders, padding and the space
    /// that stands for a run of white space.
    var source: Int? = nil
  }

  /// A word of a cell and where it starts in the block's plain text.
  struct Word: Equatable {
    var text: String
    var source: Int
    /// One plain space comes before it in the source, so it can be drawn with the word
    /// before as one piece of the text.
    var followsOneSpace = false
  }

  /// The cells' words, row by row (short rows padded with empty cells).
  let rows: [[[Word]]]
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
    let cells = Self.words(block.plainText)
    let columns = cells.map(\.count).max() ?? 0
    rows = cells.map { $0 + Array(repeating: [], count: columns - $0.count) }
    self.alignments = alignments
    self.headerRows = min(headerRows, rows.count)
  }

  /// The words of each cell of a table's plain text (`"\t"` between cells, `"\n"` between
  /// rows), with their scalar offsets.
  static func words(_ plain: String) -> [[[Word]]] {
    var rows: [[[Word]]] = []
    var row: [[Word]] = []
    var cell: [Word] = []
    var word: Word?
    var offset = 0
    var spaces = 0
    var spaceIsPlain = true
    func endWord() {
      if let word { cell.append(word) }
      word = nil
    }
    for character in plain {
      let scalars = character.unicodeScalars.count
      defer { offset += scalars }
      if character == "\t" || character == "\n" {
        endWord()
        row.append(cell)
        cell = []
        if character == "\n" {
          rows.append(row)
          row = []
        }
        spaces = 0
      } else if character.isWhitespace {
        endWord()
        spaces += 1
        spaceIsPlain = spaces == 1 && character == " "
      } else if word != nil {
        word?.text.append(character)
      } else {
        word = Word(
          text: String(character), source: offset,
          followsOneSpace: !cell.isEmpty && spaces == 1 && spaceIsPlain)
        spaces = 0
      }
    }
    endWord()
    row.append(cell)
    rows.append(row)
    return rows
  }

  /// A cell's text as shown: its words, one space between them.
  static func text(_ words: [Word]) -> String {
    words.map(\.text).joined(separator: " ")
  }

  /// A line of a cell as pieces: runs of words joined by the source's own single spaces,
  /// padded to `width` as `alignment` says.
  static func pieces(
    _ words: [Word], width: Int, _ alignment: TableAlignment, isHeader: Bool, indent: String = ""
  ) -> [Piece] {
    let gap = max(0, width - CellWidth.of(text(words)))
    let before =
      switch alignment {
      case .right: gap
      case .center: gap / 2
      case .left, .none: 0
      }
    var pieces: [Piece] = []
    func plain(_ text: String) {
      guard !text.isEmpty else { return }
      if let last = pieces.last, last.source == nil {
        pieces[pieces.count - 1].text += text
      } else {
        pieces.append(Piece(text: text, isBorder: false, isHeader: isHeader))
      }
    }
    plain(indent + String(repeating: " ", count: before))
    for (index, word) in words.enumerated() {
      if index > 0 && word.followsOneSpace, let last = pieces.last, last.source != nil {
        pieces[pieces.count - 1].text += " " + word.text
        continue
      }
      if index > 0 { plain(" ") }
      pieces.append(
        Piece(text: word.text, isBorder: false, isHeader: isHeader, source: word.source))
    }
    plain(String(repeating: " ", count: gap - before))
    return pieces
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
          let words = lineIndex < row[column].count ? row[column][lineIndex] : []
          let alignment = isHeader && alignment(column) == .none ? .center : alignment(column)
          line.pieces += Self.pieces(
            words, width: widths[column], alignment, isHeader: isHeader)
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
      max(1, rows.map { CellWidth.of(Self.text($0[column])) }.max() ?? 1)
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
    let headers =
      headerRows > 0
      ? rows[0] : rows[0].indices.map { [Word(text: "\($0 + 1)", source: 0)] }
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
        lines.append(
          headerRows > 0
            ? Line(pieces: Self.pieces(headers[column], width: 0, .left, isHeader: true))
            : Line(pieces: [Piece(text: "\(column + 1)", isBorder: false, isHeader: true)]))
        for words in Self.wrap(row[column], width: max(1, width - 2)) {
          lines.append(
            Line(pieces: Self.pieces(words, width: 0, .left, isHeader: false, indent: "  ")))
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

  static func longestWord(_ words: [Word]) -> Int {
    words.map { CellWidth.of($0.text) }.max() ?? 0
  }

  /// `words` in lines of at most `width` cells, broken between words, a word longer than
  /// the width broken between characters (each piece keeping its place in the source).
  static func wrap(_ words: [Word], width: Int) -> [[Word]] {
    var lines: [[Word]] = []
    var line: [Word] = []
    var lineCells = 0
    for var word in words {
      var cells = CellWidth.of(word.text)
      if lineCells > 0 && lineCells + 1 + cells <= width {
        line.append(word)
        lineCells += 1 + cells
        continue
      }
      if lineCells > 0 { lines.append(line) }
      while cells > width {
        var head = ""
        var headCells = 0
        for character in word.text {
          let characterCells = CellWidth.of(String(character))
          if headCells + characterCells > width { break }
          head.append(character)
          headCells += characterCells
        }
        if head.isEmpty { head = String(word.text.first!) }
        lines.append([Word(text: head, source: word.source, followsOneSpace: word.followsOneSpace)])
        word = Word(
          text: String(word.text.dropFirst(head.count)),
          source: word.source + head.unicodeScalars.count)
        cells = CellWidth.of(word.text)
      }
      line = word.text.isEmpty ? [] : [word]
      lineCells = cells
    }
    if lineCells > 0 || lines.isEmpty { lines.append(line) }
    return lines
  }
}
