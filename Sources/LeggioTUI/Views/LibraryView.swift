import Foundation
import LeggioModel

/// The library screen: a header with the counts, one row per article, the status line.
enum LibraryView {
  static func draw(_ state: AppState, into grid: inout CellGrid) {
    let library = state.library
    drawHeader(
      library, sync: state.sync?.label(timeZone: state.timeZone),
      readOnly: state.libraryIsReadOnly, into: &grid)
    let rows = state.listRows
    for line in 0..<rows {
      let index = library.top + line
      guard index < library.rowCount else { break }
      RowView.draw(
        library.row(at: index), selected: index == library.selected, row: line + 1, into: &grid)
    }
    if library.countsLoaded && library.rowCount == 0 {
      let message = library.counts.total == 0 ? "Nothing here yet" : "No article matches"
      grid.putCentered(message, row: min(grid.height - 2, 3), style: CellStyle(.notice))
    }
    let hints = StatusLine.hints(
      [
        (.open, "read"), (.search, "filter"), (.sort, "sort"), (.filterTag, "tag"),
        (.toggleUnread, "unread"), (.feeds, "feeds"), (.help, "help"), (.quit, "quit"),
      ], keymap: state.keymap, screen: .library)
    let position = library.rowCount == 0 ? "" : "\(library.selected + 1)/\(library.rowCount)"
    StatusLine.draw(left: hints, right: position, state: state, into: &grid, leftIsHints: true)
  }

  /// "Leggio · 12 articles · 3 unread · 5 shown" and the order and filters on the right,
  /// after the sync state when sync is set up ("synced 4 Dec 14:05 · 3 to sync").
  private static func drawHeader(
    _ library: LibraryState, sync: String?, readOnly: Bool, into grid: inout CellGrid
  ) {
    let style = CellStyle(.header)
    grid.fill(row: 0, style: style)
    if library.showsGuide {
      grid.put(
        " Leggio · your library is empty: add articles with `leggio add FILE` · the guide:",
        column: 0, row: 0, style: style)
      return
    }
    let counts = library.counts
    var left =
      " Leggio · \(plural(counts.total, "article")) · \(counts.unread) unread"
      + " · \(library.matching)\(library.matchingIsExact ? "" : "+") shown"
      + (readOnly ? " · read-only" : "")
    if TextWidth.cells(left) > grid.width { left = " " + left.dropFirst(" Leggio · ".count) }
    var filters = ["by \(library.query.sort.label)"]
    if let tag = library.query.tag { filters.append("tag: \(TerminalSafety.line(tag))") }
    if let feedID = library.query.feedID {
      filters.append("feed: \(TerminalSafety.line(library.feedTitle ?? "\(feedID)"))")
    }
    if library.query.unreadOnly { filters.append("unread only") }
    if library.query.starredOnly { filters.append("starred") }
    if let search = library.query.search { filters.append("“\(TerminalSafety.line(search))”") }
    let end = grid.put(left, column: 0, row: 0, style: style)
    // The sync state and the filters; the sync state alone when both do not fit.
    let candidates = [(sync.map { [$0] } ?? []) + filters, sync.map { [$0] } ?? []]
    for parts in candidates where !parts.isEmpty {
      let right = parts.joined(separator: " · ") + " "
      let rightCells = TextWidth.cells(right)
      if end + 2 + rightCells <= grid.width {
        grid.put(right, column: grid.width - rightCells, row: 0, style: style)
        break
      }
    }
  }

  static func plural(_ n: Int, _ word: String) -> String {
    "\(n) \(word)\(n == 1 ? "" : "s")"
  }
}
