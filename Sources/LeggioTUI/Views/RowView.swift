import Foundation
import LeggioModel
import LeggioStore

/// One article in the list: star and unread marks, title, kicker or site, byline, date,
/// progress (`wait` for an article whose page is still to be fetched). Narrow screens
/// drop the byline, then the source, then the date.
enum RowView {
  static func draw(_ summary: ArticleSummary?, selected: Bool, row: Int, into grid: inout CellGrid)
  {
    let base: UIRole = selected ? .selectedRow : .listRow
    let secondary = CellStyle(selected ? .selectedRow : .secondary)
    grid.fill(row: row, style: CellStyle(base))
    guard let summary else {
      grid.put("   …", column: 0, row: row, style: secondary)
      return
    }
    let width = grid.width
    if summary.isStarred {
      grid.put("★", column: 0, row: row, style: CellStyle(selected ? .selectedRow : .unreadMark))
    }
    if summary.isUnread {
      grid.put("●", column: 1, row: row, style: CellStyle(selected ? .selectedRow : .unreadMark))
    }
    // The right-hand columns: date and progress.
    let percent = summary.isPending ? "wait" : "\(Int((summary.progress * 100).rounded(.down)))%"
    let progress = String(repeating: " ", count: max(0, 4 - percent.count)) + percent
    let showsDate = width >= 50
    // A page's date is its own calendar day (kept as UTC); the day it was added is local.
    let shown =
      summary.published.map { date($0, timeZone: TimeZone(identifier: "UTC")) }
      ?? date(summary.addedAt)
    let right = (showsDate ? shown + "  " : "") + progress
    let rightStart = width - right.count - 1
    grid.put(right, column: rightStart, row: row, style: secondary)
    // The middle: title, source, byline.
    let available = rightStart - 2 - 3
    var sourceWidth = 0
    var bylineWidth = 0
    if available >= 64 {
      sourceWidth = min(20, available / 5)
      bylineWidth = min(20, available / 5)
    } else if available >= 40 {
      sourceWidth = min(16, available / 4)
    }
    let titleWidth =
      available - (sourceWidth > 0 ? sourceWidth + 2 : 0)
      - (bylineWidth > 0 ? bylineWidth + 2 : 0)
    let title = TerminalSafety.line(summary.title)
    let titleStyle = CellStyle(base, inline: summary.isUnread ? .strong : [])
    grid.put(TextWidth.truncate(title, to: titleWidth), column: 3, row: row, style: titleStyle)
    var column = 3 + titleWidth + 2
    if sourceWidth > 0 {
      let source = TerminalSafety.line(summary.kicker ?? summary.siteName ?? "")
      grid.put(
        TextWidth.truncate(source, to: sourceWidth), column: column, row: row, style: secondary)
      column += sourceWidth + 2
    }
    if bylineWidth > 0 {
      let byline = TerminalSafety.line(summary.byline ?? "")
      grid.put(
        TextWidth.truncate(byline, to: bylineWidth), column: column, row: row, style: secondary)
    }
  }

  /// A date as `2023-08-16`, in the local calendar (or in `timeZone`).
  static func date(_ date: Date, timeZone: TimeZone? = nil) -> String {
    var calendar = Calendar.current
    if let timeZone { calendar.timeZone = timeZone }
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    let y = parts.year ?? 0
    let m = parts.month ?? 0
    let d = parts.day ?? 0
    return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
  }
}
