import LeggioCore
import LeggioLayout

/// The reader: the current page line by line, search matches marked, and a status line
/// with the title, `page N/M` (`≈M` while counting) and the percent read.
enum ReaderView {
  static func draw(_ reader: ReaderState, _ state: AppState, into grid: inout CellGrid) {
    let lines = reader.page?.lines ?? []
    let matches = matchesOnPage(reader)
    for (row, line) in lines.prefix(max(0, grid.height - 1)).enumerated() {
      for run in line.runs {
        let style = CellStyle(UIRole(run.role), inline: run.inline, isLink: run.link != nil)
        grid.put(run.text, column: run.column, row: row, style: style)
        if let source = run.source, !matches.isEmpty {
          mark(run, source: source, matches: matches, row: row, into: &grid)
        }
      }
    }
    let count = reader.pageCount
    let total = count.isExact ? "\(count.value)" : "≈\(count.value)"
    let percent = "\(Int((reader.progress * 100).rounded(.down)))%"
    let typed = reader.count.isEmpty ? "" : "\(reader.count)  "
    let right = "\(typed)page \(reader.pageIndex + 1)/\(total)  \(percent)"
    StatusLine.draw(
      left: TextSanitizer.line(reader.article.metadata.title), right: right, state: state,
      into: &grid)
  }

  /// The matches that touch the current page.
  private static func matchesOnPage(_ reader: ReaderState) -> [Range<Int>] {
    guard let page = reader.page, !reader.matches.isEmpty else { return [] }
    return reader.matches.filter {
      $0.overlaps(page.source) || page.source.isEmpty && page.source.lowerBound == $0.lowerBound
    }
  }

  /// Lays `.searchMatch` over the cells of `run` whose characters fall in a match,
  /// mapping canonical offsets to cells through the run's source range.
  private static func mark(
    _ run: Run, source: Range<Int>, matches: [Range<Int>], row: Int, into grid: inout CellGrid
  ) {
    var offset = source.lowerBound
    var column = run.column
    for character in run.text {
      let scalars = character.unicodeScalars.count
      let span = offset..<(offset + scalars)
      let cells = TextWidth.cells(character)
      if matches.contains(where: { $0.overlaps(span) }) {
        grid.mark(row: row, columns: column..<(column + cells), overlay: .searchMatch)
      }
      offset += scalars
      column += cells
      if offset >= source.upperBound { break }
    }
  }
}
