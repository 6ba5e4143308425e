import LeggioModel
import LeggioStore

/// The feeds screen: a header with the totals, one row per feed (unread/items, title,
/// last error), and the status line with the keys or the update's progress.
public enum FeedsView {
  public static func draw(_ state: FeedsScreenState, into grid: inout CellGrid) {
    guard grid.height >= 3 else { return }
    let header = CellStyle(.header)
    grid.fill(row: 0, style: header)
    let unread = state.feeds.reduce(0) { $0 + ($1.unread ?? 0) }
    let count = state.feeds.count
    grid.put(
      " Feeds · \(count) feed\(count == 1 ? "" : "s") · \(unread) unread", column: 0, row: 0,
      style: header)
    let rows = grid.height - 2
    for line in 0..<rows {
      let index = state.top + line
      guard index < state.feeds.count else { break }
      drawRow(state.feeds[index], selected: index == state.selected, row: line + 1, into: &grid)
    }
    if state.isLoaded && state.feeds.isEmpty {
      grid.putCentered(
        "No feeds yet: leggio feeds add URL", row: min(grid.height - 2, 3),
        style: CellStyle(.notice))
    }
    drawStatus(state, into: &grid)
  }

  private static func drawRow(
    _ feed: FeedListing, selected: Bool, row: Int, into grid: inout CellGrid
  ) {
    let base: UIRole = selected ? .selectedRow : .listRow
    grid.fill(row: row, style: CellStyle(base))
    let unread = feed.unread ?? 0
    if unread > 0 {
      grid.put("●", column: 1, row: row, style: CellStyle(selected ? .selectedRow : .unreadMark))
    }
    let counts = "\(unread)/\(feed.items)"
    let padded = String(repeating: " ", count: max(0, 9 - counts.count)) + counts
    grid.put(padded, column: 3, row: row, style: CellStyle(selected ? .selectedRow : .secondary))
    let title = TerminalSafety.line(feed.title ?? feed.url)
    let start = 14
    let room = max(0, grid.width - start - 1)
    let titleStyle = CellStyle(base, inline: unread > 0 ? .strong : [])
    guard let error = feed.lastError else {
      grid.put(TextWidth.truncate(title, to: room), column: start, row: row, style: titleStyle)
      return
    }
    let titleRoom = min(TextWidth.cells(title), max(10, room / 2))
    let end = grid.put(
      TextWidth.truncate(title, to: titleRoom), column: start, row: row, style: titleStyle)
    let message = "  ! " + TerminalSafety.line(error)
    grid.put(
      TextWidth.truncate(message, to: max(0, grid.width - end - 1)), column: end, row: row,
      style: CellStyle(selected ? .selectedRow : .error))
  }

  private static func drawStatus(_ state: FeedsScreenState, into grid: inout CellGrid) {
    let row = grid.height - 1
    let bar = CellStyle(.statusBar)
    grid.fill(row: row, style: bar)
    let text =
      state.progressLine ?? state.lastReport.map { $0 + " · Enter items  u update  q back" }
      ?? "Enter items  u update  q back"
    let position = state.feeds.isEmpty ? "" : "\(state.selected + 1)/\(state.feeds.count) "
    let room = max(0, grid.width - TextWidth.cells(position) - 2)
    grid.put(
      " " + TextWidth.truncate(TerminalSafety.line(text), to: room), column: 0, row: row, style: bar)
    if !position.isEmpty {
      grid.put(position, column: grid.width - TextWidth.cells(position), row: row, style: bar)
    }
  }
}
