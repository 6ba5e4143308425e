import LeggioModel
/// A list in a box over the screen (links, tags), the selected row highlighted.
enum ListBox {
  static func draw(title: String, rows: [String], selected: Int, into grid: inout CellGrid) {
    let safe = rows.map { TerminalSafety.line($0) }
    let box = BoxView(
      contentWidth: max(TextWidth.cells(title) + 2, safe.map { TextWidth.cells($0) }.max() ?? 0),
      contentHeight: safe.count, in: grid)
    box.drawFrame(title: title, into: &grid)
    let visible = max(1, box.innerHeight)
    let top = max(0, min(selected - visible + 1, safe.count - visible))
    for index in top..<min(safe.count, top + visible) {
      let style = CellStyle(index == selected ? .selectedRow : .help)
      box.put(safe[index], line: index - top, style: style, into: &grid)
    }
  }
}
