import Foundation
import LeggioStore

extension FeedsCommand {
  /// A feed as `leggio feeds list --json` prints it; every key is always present.
  static func json(_ feed: FeedListing) -> JSONValue {
    .object([
      "id": .int(feed.id),
      "url": .string(feed.url),
      "title": feed.title.map(JSONValue.string) ?? .null,
      "tags": .array(feed.tags.map(JSONValue.string)),
      "full": .bool(feed.full),
      "items": .int(Int64(feed.items)),
      "unread": .int(Int64(feed.unread ?? 0)),
      "lastUpdated": feed.lastUpdated.map { .string(ArticleJSON.iso8601($0)) } ?? .null,
      "lastError": feed.lastError.map(JSONValue.string) ?? .null,
    ])
  }

  /// Aligned columns: id, unread, items, last update, then the title and the last error
  /// in what is left of `width` (nothing is cut when `width` is nil).
  static func table(_ feeds: [FeedListing], width: Int?) -> [String] {
    let idWidth = max(2, feeds.map { String($0.id).count }.max() ?? 2)
    let header = [
      "ID".padded(toCells: idWidth, alignRight: true), "UNREAD", " ITEMS", "UPDATED         ",
      "TITLE",
    ]
    let prefixWidth = header.dropLast().joined(separator: "  ").cellWidth + 2
    let titleWidth = width.map { max(10, $0 - prefixWidth) } ?? .max
    var lines = [header.joined(separator: "  ")]
    for feed in feeds {
      var title = (feed.title ?? feed.url).terminalSafe()
      if !feed.tags.isEmpty { title += "  " + feed.tags.map { "#" + $0.terminalSafe() }.joined(separator: " ") }
      if let error = feed.lastError { title += "  ! " + error.terminalSafe() }
      let columns = [
        String(feed.id).padded(toCells: idWidth, alignRight: true),
        String(feed.unread ?? 0).padded(toCells: 6, alignRight: true),
        String(feed.items).padded(toCells: 6, alignRight: true),
        feed.lastUpdated.map(updatedText) ?? "never".padded(toCells: 16),
        titleWidth == .max ? title : title.truncated(toCells: titleWidth),
      ]
      lines.append(columns.joined(separator: "  "))
    }
    return lines
  }

  /// `2026-11-27 09:30` in the local time zone.
  private static func updatedText(_ date: Date) -> String {
    let iso = ArticleJSON.iso8601(date)
    return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5))
  }
}
