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
    // Wide enough for the largest counts on screen ("12345/67890"), at least "999/9999".
    let shown = state.feeds.dropFirst(state.top).prefix(rows)
    let countsWidth = max(9, shown.map { counts(of: $0).count }.max() ?? 0)
    for line in 0..<rows {
      let index = state.top + line
      guard index < state.feeds.count else { break }
      drawRow(
        state.feeds[index], selected: index == state.selected, row: line + 1,
        countsWidth: countsWidth, into: &grid)
    }
    if state.isLoaded && state.feeds.isEmpty {
      grid.putCentered(
        "No feeds yet: leggio feeds add URL", row: min(grid.height - 2, 3),
        style: CellStyle(.notice))
    }
    drawStatus(state, into: &grid)
  }

  private static func counts(of feed: FeedListing) -> String {
    "\(feed.unread ?? 0)/\(feed.items)"
  }

  private static func drawRow(
    _ feed: FeedListing, selected: Bool, row: Int, countsWidth: Int, into grid: inout CellGrid
  ) {
    let base: UIRole = selected ? .selectedRow : .listRow
    grid.fill(row: row, style: CellStyle(base))
    let unread = feed.unread ?? 0
    if unread > 0 {
      grid.put("●", column: 1, row: row, style: CellStyle(selected ? .selectedRow : .unreadMark))
    }
    let counts = counts(of: feed)
    let padded = String(repeating: " ", count: max(0, countsWidth - counts.count)) + counts
    grid.put(padded, column: 3, row: row, style: CellStyle(selected ? .selectedRow : .secondary))
    let title = TerminalSafety.line(feed.title ?? feed.url)
    let start = 3 + countsWidth + 2
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
      " " + TextWidth.truncate(TerminalSafety.line(text), to: room), column: 0, row: row, style: bar
    )
    if !position.isEmpty {
      grid.put(position, column: grid.width - TextWidth.cells(position), row: row, style: bar)
    }
  }
}
