import Foundation
import GRDB
import LeggioModel

/// The subscriptions and their items, on the library's database.
///
/// Every method is one short transaction. Removing a feed leaves a tombstone
/// (`deletedAt`); its items and the articles they became stay in the library.
public final class FeedStore: Sendable {
  public let database: any DatabaseWriter

  public init(database: any DatabaseWriter) {
    self.database = database
  }

  /// Subscribes to `url`; subscribing again to a removed feed brings it back.
  @discardableResult
  public func add(url text: String, tags: [String] = [], full: Bool = false, title: String? = nil)
    throws
    -> FeedRecord
  {
    let url = try Self.validatedURL(text)
    let tags = try tags.map(Library.cleanTag)
    let title = title.map { TerminalSafety.line(TextSanitizer.sanitize($0)) }
    return try database.write { db in
      let now = Date()
      if var existing = try FeedRecord.filter(FeedRecord.Columns.url == url).fetchOne(db) {
        guard existing.deletedAt != nil else {
          throw FeedSubscriptionError.alreadySubscribed(url: url, id: existing.id ?? 0)
        }
        existing.deletedAt = nil
        existing.tags = tags
        existing.full = full
        existing.updatedAt = now
        try existing.update(db)
        return existing
      }
      var feed = FeedRecord(url: url, tags: tags, full: full, now: now)
      feed.title = title
      try feed.insert(db)
      return feed
    }
  }

  /// Moves a feed to the bin; its articles stay in the library.
  public func remove(id: Int64) throws {
    try database.write { db in
      guard
        var feed = try FeedRecord.filter(key: id).filter(FeedRecord.Columns.deletedAt == nil)
          .fetchOne(db)
      else { throw FeedSubscriptionError.unknownFeed(id: id) }
      feed.deletedAt = Date()
      feed.updatedAt = feed.deletedAt!
      try feed.update(db)
    }
  }

  public func feed(id: Int64) throws -> FeedRecord? {
    try database.read { db in
      try FeedRecord.filter(key: id).filter(FeedRecord.Columns.deletedAt == nil).fetchOne(db)
    }
  }

  /// The subscribed feeds (all when `ids` is nil), by id; unknown ids throw.
  public func feeds(ids: [Int64]? = nil) throws -> [FeedRecord] {
    try database.read { db in
      var request = FeedRecord.filter(FeedRecord.Columns.deletedAt == nil).order(
        FeedRecord.Columns.id)
      if let ids { request = request.filter(keys: ids) }
      let feeds = try request.fetchAll(db)
      if let ids, let missing = ids.first(where: { id in !feeds.contains { $0.id == id } }) {
        throw FeedSubscriptionError.unknownFeed(id: missing)
      }
      return feeds
    }
  }

  public func items(feedID: Int64) throws -> [FeedItemRecord] {
    try database.read { db in
      try FeedItemRecord.fetchAll(
        db,
        sql: """
          SELECT i.id, i.feedId, i.identity, \(FeedItemRepeats.readColumns), i.articleID,
            i.createdAt
          FROM feed_items i LEFT JOIN article a ON a.id = i.articleID
          WHERE i.feedId = ? ORDER BY i.id
          """, arguments: [feedID])
    }
  }

  /// The identities (guid, else link) of the items already stored for a feed.
  public func knownIdentities(feedID: Int64) throws -> Set<String> {
    try database.read { db in
      try Set(
        String.fetchAll(
          db, sql: "SELECT identity FROM feed_items WHERE feedId = ?", arguments: [feedID]))
    }
  }

  /// Saves a successful fetch: new items, the validators for the next conditional
  /// request, the feed's title and site; clears the last error. Items already stored
  /// (same identity) are left as they are.
  public func recordFetched(
    feedID: Int64, title: String?, siteURL: String?, etag: String?, lastModified: String?,
    newItems: [FeedItemRecord], at now: Date = Date()
  ) throws {
    try database.write { db in
      guard var feed = try FeedRecord.fetchOne(db, key: feedID) else {
        throw FeedSubscriptionError.unknownFeed(id: feedID)
      }
      try Self.insert(newItems, db)
      feed.title = title ?? feed.title
      feed.siteURL = siteURL ?? feed.siteURL
      feed.etag = etag ?? feed.etag
      feed.lastModified = lastModified ?? feed.lastModified
      feed.lastUpdated = now
      feed.lastError = nil
      feed.updatedAt = now
      try feed.update(db)
    }
  }

  /// Records items stored as articles, in their own transaction: a large update records
  /// each batch as soon as it is stored. Returns how many were new: an item another
  /// update (the TUI's and the command line's at once) recorded first is not counted.
  @discardableResult
  public func recordItems(_ items: [FeedItemRecord]) throws -> Int {
    guard !items.isEmpty else { return 0 }
    return try database.write { db in try Self.insert(items, db) }
  }

  /// Inserts the items not recorded yet; returns how many that was.
  ///
  /// The items are gathered in a temporary table, then stored by one `INSERT … SELECT`:
  /// an insert into `feed_items` (its foreign key) runs in a statement journal, which
  /// copied each page it changed (the table's and two indexes') for every item, a third
  /// of a feed batch's SQL time; one statement copies each page once (`FeedBatchStage`).
  @discardableResult
  static func insert(_ newItems: [FeedItemRecord], _ db: Database) throws -> Int {
    guard !newItems.isEmpty else { return 0 }
    // Columns as `feed_items` declares them, so values keep their affinity.
    try db.execute(
      sql: """
        CREATE TEMP TABLE IF NOT EXISTS stage_feed_item AS
          SELECT feedId, identity, link, title, published, articleID, createdAt
          FROM main.feed_items WHERE 0
        """)
    let stage = try BulkStatement(
      db,
      sql: """
        INSERT INTO temp.stage_feed_item
          (feedId, identity, link, title, published, articleID, createdAt)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """)
    for item in newItems {
      try stage.execute { row in
        row.integer(item.feedId)
        row.text(item.identity)
        row.text(item.link)
        row.text(item.title)
        row.value(DatabaseDate.value(item.published))
        row.integer(item.articleID)
        row.value(DatabaseDate.value(item.createdAt))
      }
    }
    // What the item's article keeps already is not stored again (`FeedItemRepeats`).
    try db.execute(
      sql: """
        INSERT OR IGNORE INTO main.feed_items
          (feedId, identity, link, title, published, repeats, articleID, createdAt)
        SELECT s.feedId, s.identity,
          \(FeedItemRepeats.storedColumns(link: "s.link", title: "s.title", published: "s.published")),
          s.articleID, s.createdAt
        FROM temp.stage_feed_item s LEFT JOIN main.article a ON a.id = s.articleID
        ORDER BY s.rowid
        """)
    let inserted = db.changesCount
    try db.execute(sql: "DELETE FROM temp.stage_feed_item")
    return inserted
  }

  /// Records why an update failed; everything already stored is kept.
  public func recordError(feedID: Int64, message: String, at now: Date = Date()) throws {
    try database.write { db in
      try db.execute(
        sql: "UPDATE feeds SET lastError = ?, updatedAt = ? WHERE id = ?",
        arguments: [message, DatabaseDate.value(now), feedID])
    }
  }

  static func validatedURL(_ text: String) throws -> String {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
      ["http", "https", "file"].contains(scheme), scheme == "file" || url.host?.isEmpty == false
    else { throw FeedSubscriptionError.invalidURL(text) }
    return trimmed
  }
}
