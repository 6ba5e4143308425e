import Foundation
import GRDB

/// A feed as `leggio feeds list` and the feeds screen show it.
public struct FeedListing: Codable, Hashable, Sendable {
  public var id: Int64
  public var url: String
  public var title: String?
  public var tags: [String]
  public var full: Bool
  public var items: Int
  /// Items whose article has not been read; nil when no read-state counter is given.
  public var unread: Int?
  public var lastUpdated: Date?
  public var lastError: String?

  public init(
    id: Int64, url: String, title: String?, tags: [String] = [], full: Bool = false, items: Int,
    unread: Int?, lastUpdated: Date?, lastError: String?
  ) {
    self.id = id
    self.url = url
    self.title = title
    self.tags = tags
    self.full = full
    self.items = items
    self.unread = unread
    self.lastUpdated = lastUpdated
    self.lastError = lastError
  }
}

extension FeedStore {
  /// Counts the unread articles among `articleIDs`. The read flag is the library's
  /// (the article's); the integrator passes a query on the library's tables.
  public typealias UnreadCounter = @Sendable (Database, [Int64]) throws -> Int

  public func listing(unread counter: UnreadCounter? = nil) throws -> [FeedListing] {
    try database.read { db in
      let feeds = try FeedRecord.filter(FeedRecord.Columns.deletedAt == nil)
        .order(FeedRecord.Columns.id).fetchAll(db)
      return try feeds.map { feed in
        let id = feed.id ?? 0
        let articleIDs = try Int64.fetchAll(
          db, sql: "SELECT articleID FROM feed_items WHERE feedId = ? AND articleID IS NOT NULL",
          arguments: [id])
        let items =
          try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM feed_items WHERE feedId = ?", arguments: [id]) ?? 0
        return FeedListing(
          id: id, url: feed.url, title: feed.title, tags: feed.tags, full: feed.full, items: items,
          unread: try counter?(db, articleIDs), lastUpdated: feed.lastUpdated,
          lastError: feed.lastError)
      }
    }
  }
}
