import LeggioModel
import LeggioLayout

/// The reader: the current page line by line, search matches marked, and a status line
/// with the title, `page N/M` (`≈M` while counting) and the percent read.
enum ReaderView {
  static func draw(_ reader: ReaderState, _ state: AppState, into grid: inout CellGrid) {
    let lines = reader.page?.lines ?? []
    let spans = reader.page.map { Self.spans(reader, on: $0) } ?? []
    for (row, line) in lines.prefix(max(0, grid.height - 1)).enumerated() {
      if let picture = line.picture {
        drawPicture(picture, row: row, reader: reader, display: state.pictures, into: &grid)
      }
      for run in line.runs {
        let style = CellStyle(UIRole(run.role), inline: run.inline, isLink: run.link != nil)
        grid.put(run.text, column: run.column, row: row, style: style)
        if let source = run.source, !spans.isEmpty {
          mark(run, source: source, spans: spans, row: row, into: &grid)
        }
      }
    }
    drawNoteMarks(reader, lines: lines, into: &grid)
    let count = reader.pageCount
    let total = count.isExact ? "\(count.value)" : "≈\(count.value)"
    let percent = "\(Int((reader.progress * 100).rounded(.down)))%"
    let typed = reader.count.isEmpty ? "" : "\(reader.count)  "
    let right = "\(typed)page \(reader.pageIndex + 1)/\(total)  \(percent)"
    if reader.selection != nil {
      let hints = StatusLine.hints(
        [
          (.wordForward, "word"), (.sentenceForward, "sentence"), (.paragraphForward, "paragraph"),
          (.highlight, "highlight"), (.note, "note"), (.back, "cancel"),
        ], keymap: state.keymap, screen: .selection)
      StatusLine.draw(left: hints, right: right, state: state, into: &grid, leftIsHints: true)
      return
    }
    // A book names the chapter being read; an article its title.
    let left =
      reader.chapter.map { "\($0.title) · \(reader.article.metadata.title)" }
      ?? reader.article.metadata.title
    let star = reader.article.summary.isStarred ? "★ " : ""
    StatusLine.draw(
      left: star + TerminalSafety.line(left), right: right, state: state, into: &grid)
  }
}
