/// A framed box centred over the screen, for help and lists.
struct BoxView {
  var left: Int
  var top: Int
  var width: Int
  var height: Int

  /// A box for `contentWidth` x `contentHeight`, shrunk to fit the screen.
  init(contentWidth: Int, contentHeight: Int, in grid: CellGrid) {
    width = max(4, min(grid.width - 2, contentWidth + 4))
    height = max(3, min(grid.height - 2, contentHeight + 2))
    left = max(0, (grid.width - width) / 2)
    top = max(0, (grid.height - height) / 2)
  }

  /// Cells inside the frame and its padding.
  var innerWidth: Int { max(0, width - 4) }
  var innerHeight: Int { max(0, height - 2) }

  /// Draws the frame with `title` on its top edge and clears the inside.
  func drawFrame(title: String, into grid: inout CellGrid) {
    let style = CellStyle(.help)
    for row in top..<(top + height) {
      grid.fill(row: row, columns: left..<(left + width), style: style)
      let edge = row == top || row == top + height - 1
      if edge {
        let (l, r) = row == top ? ("┌", "┐") : ("└", "┘")
        grid.put(
          l + String(repeating: "─", count: width - 2) + r, column: left, row: row, style: style)
      } else {
        grid.put("│", column: left, row: row, style: style)
        grid.put("│", column: left + width - 1, row: row, style: style)
      }
    }
    let label = " " + TextWidth.truncate(title, to: max(0, width - 6)) + " "
    grid.put(label, column: left + 2, row: top, style: CellStyle(.help, inline: .strong))
  }

  /// Writes line `index` of the content.
  func put(_ text: String, line index: Int, style: CellStyle, into grid: inout CellGrid) {
    guard index < innerHeight else { return }
    let row = top + 1 + index
    if style.role != .help {
      grid.fill(row: row, columns: (left + 1)..<(left + width - 1), style: style)
    }
    grid.put(
      TextWidth.truncate(text, to: innerWidth), column: left + 2, row: row, style: style,
      limit: innerWidth)
  }
}
