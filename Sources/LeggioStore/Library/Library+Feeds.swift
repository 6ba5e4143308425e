import Foundation
import GRDB
import LeggioModel

/// The library's side of feeds: the subscriptions live in the library's database, and
/// each new item is stored as a library article by `addFeedArticles`.
extension Library {
  /// The subscriptions and their items, on this library's database.
  public var feedStore: FeedStore { FeedStore(database: writer) }

  /// Counts the live, never-read articles among `ids`: read state belongs to the
  /// article, so the feeds list and the library list agree.
  public var feedUnreadCounter: FeedStore.UnreadCounter {
    { db, ids in
      guard !ids.isEmpty else { return 0 }
      let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
      return try Int.fetchOne(
        db,
        sql: """
          SELECT COUNT(*) FROM article WHERE readAt IS NULL AND deletedAt IS NULL
            AND id IN (SELECT value FROM json_each(?))
          """, arguments: [list]) ?? 0
    }
  }

  /// The feeds with their item and unread counts, for `leggio feeds list` and the
  /// feeds screen.
  public func feedListings() throws -> [FeedListing] {
    try feedStore.listing(unread: feedUnreadCounter)
  }

  /// Stores feed items as articles in one transaction and returns their ids, in order.
  ///
  /// An item whose source URL is already an article (saved by hand, or carried by another
  /// feed) is linked to that article, which is left as it is: a feed's summary never
  /// replaces a page saved whole, and an article the reader removed stays removed.
  /// Items without a source are known by their text's hash. Text, hash, JSON and
  /// compression are done on every core before the database is taken.
  public func addFeedArticles(_ articles: [ImportedArticle], addedAt now: Date = Date()) throws
    -> [Int64]
  {
    guard !articles.isEmpty else { return [] }
    return try addFeedArticles(PreparedFeedArticles(articles, for: self), addedAt: now)
  }

  /// `addFeedArticles` of articles prepared before (while the feed was being read).
  public func addFeedArticles(_ prepared: PreparedFeedArticles, addedAt now: Date = Date()) throws
    -> [Int64]
  {
    try addFeedArticles(prepared, addedAt: now, recording: { _ in [] }).ids
  }

  /// Whether `store` keeps its feeds in this library's database, so that a feed's items
  /// can be recorded in the transaction that stores their articles.
  public func holds(_ store: FeedStore) -> Bool {
    store.database === writer
  }

  /// `addFeedArticles` of prepared articles, with the feed's records of their items
  /// (`records`, made from the articles' ids) stored in the same transaction: one commit
  /// a group of items instead of two, and never articles stored without their items'
  /// records. Returns the ids and how many records were new (`FeedStore.recordItems`).
  public func addFeedArticles(
    _ prepared: PreparedFeedArticles, addedAt now: Date = Date(),
    recording records: ([Int64]) -> [FeedItemRecord]
  ) throws -> (ids: [Int64], recorded: Int) {
    guard prepared.count > 0 else { return ([], 0) }
    let articles = prepared.articles
    // The articles' and versions' identifiers are made now, in the batch's order, so that
    // they sort as the articles are stored.
    let minted = Date()
    // The library's dictionary, once it holds enough documents (`DocumentDictionary`).
    defer { trainDocumentDictionaryIfDue() }
    return try writer.writeWithoutTransaction { db in
      // The staged batch and the statement journals stay in memory (`FeedBatchStage`).
      try db.execute(sql: "PRAGMA temp_store = MEMORY")
      // The log is folded into the file less often once feeds are stored: each fold
      // reads and writes again every page changed since the last, and a batch changes
      // the same index pages as the one before. At most 128 MB of log, folded in by the
      // commit that passes it; left so for the connection, as the feed's own row is
      // committed between its batches. Closing the library folds in the rest.
      try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.feedCheckpointPages)")
      var ids: [Int64] = []
      var recorded = 0
      try db.inTransaction {
        ids = try Self.storeFeedArticles(articles, addedAt: now, minted: minted, db)
        recorded = try FeedStore.insert(records(ids), db)
        return .commit
      }
      return (ids, recorded)
    }
  }

  /// `wal_autocheckpoint` while a feed batch is stored (16 KiB pages).
  static let feedCheckpointPages = 8192

  /// The page cache of a feed batch's transaction, in KiB, for a library whose last
  /// article id is `lastID`. A batch adds entries all over the indexes on hashes, titles
  /// and identities, about 400 bytes of their pages an article: with SQLite's default
  /// 2 MB, or a fixed 8 MB, a library of 100,000 articles read its index pages back from
  /// the file for every batch (1.7 GB read for a ten-feed update of 10,000 items each).
  /// Held to 32 MB: 40 MB at 100,000 articles took a ten-feed update of 10,000 items to
  /// newsboat's peak memory (221 MB against 222) for 0.8 s less CPU of 17.8. At least
  /// SQLite's default 2 MB: a floor of 8 MB held 2–3 MB more at the peak of a ten-feed
  /// update of 1,000 items each (the 10,000 articles' index pages fit in 4 MB) for no less
  /// CPU time.
  static func feedCacheKiB(lastID: Int64) -> Int {
    min(32 * 1024, max(2 * 1024, Int(lastID) * 400 / 1024))
  }

  /// `addFeedArticles` inside its transaction; new articles' identifiers are made
  /// `minted`.
  private static func storeFeedArticles(
    _ articles: [PreparedFeedArticle], addedAt now: Date, minted: Date, _ db: Database
  ) throws -> [Int64] {
    // Written without GRDB's DateFormatter (`DatabaseDate`), whose first use loads ICU's
    // calendars, number formats and time zones: 6 MB of its data more at the peak.
    let stamp = DatabaseDate.value(now)
    // The batch's new articles are queued for the search index (`SearchIndex`);
    // AUTOINCREMENT gives each of them an id above every id so far.
    let lastID = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM article") ?? 0
    // A batch is several MB: with SQLite's default 2 MB page cache the transaction
    // spills pages to the WAL and writes them again later, and a large library's index
    // pages need more (`feedCacheKiB`). (Its search index is written later, by
    // `catchUpSearchIndex`.)
    try db.execute(sql: "PRAGMA cache_size = -\(feedCacheKiB(lastID: lastID))")
    try SearchIndex.deferRowIndexing(db)
    let find = try BulkStatement(
      db, sql: "SELECT id, uuid, deletedAt IS NOT NULL FROM article WHERE identity = ?")
    var stage = try FeedBatchStage(db)
    // The id the next new article is staged under (`FeedBatchStage`).
    var nextID = try FeedBatchStage.nextArticleID(db)
    var ids: [Int64] = []
    ids.reserveCapacity(articles.count)
    for article in articles {
      // A second item of this batch with one identity: store what is staged, and the
      // item then finds its article like any other.
      if stage.identities.contains(article.identity) { try stage.flush(db) }
      let existing = try find.step({ $0.text(article.identity) }) {
        (id: $0.integer(0), uuid: $0.text(1), isRemoved: $0.integer(2) != 0)
      }
      if let existing {
        if !existing.isRemoved {
          try Self.link(db, articleUUID: existing.uuid, tags: article.tags, now: now)
        }
        ids.append(existing.id)
        continue
      }
      try stage.add(
        article, id: nextID, uuid: UUIDv7.string(at: minted),
        versionUUID: UUIDv7.string(at: minted), stamp: stamp)
      ids.append(nextID)
      nextID += 1
    }
    try stage.flush(db)
    try SearchIndex.queueArticles(after: lastID, db)
    return ids
  }
}
