import Foundation
import GRDB

@testable import LeggioStore
@testable import LeggioFeeds

/// An in-memory database with the feeds' migrations and a tiny articles table that the
/// test sink writes to, standing in for the library (and an empty `article` table).
struct FeedTestLibrary {
  let database: DatabaseQueue
  let store: FeedStore

  init() throws {
    database = try DatabaseQueue()
    var migrator = DatabaseMigrator()
    FeedMigrations.register(in: &migrator)
    migrator.registerMigration("test-articles") { db in
      try db.create(table: "test_articles") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("title", .text).notNull()
        table.column("source", .text)
        table.column("feedURL", .text).notNull()
        table.column("body", .text).notNull()
        table.column("isRead", .boolean).notNull().defaults(to: false)
      }
      // The library's feed items read their article's title, link and date
      // (`FeedItemRepeats`); here no item has a library article, so each keeps its own.
      try db.execute(
        sql: "CREATE TABLE article (id INTEGER PRIMARY KEY, title TEXT, source TEXT, published)")
      try FeedItemRepeats.migrate(db, progress: nil)
    }
    try migrator.migrate(database)
    store = FeedStore(database: database)
  }

  var sink: ArticleSink {
    { [database] article, feedURL in
      try database.write { db in
        try db.execute(
          sql: "INSERT INTO test_articles (title, source, feedURL, body) VALUES (?, ?, ?, ?)",
          arguments: [
            article.metadata.title, article.metadata.source, feedURL.absoluteString,
            article.document.canonicalText.text,
          ])
        return db.lastInsertedRowID
      }
    }
  }

  var unreadCounter: FeedStore.UnreadCounter {
    { db, ids in
      guard !ids.isEmpty else { return 0 }
      return try Int.fetchOne(
        db,
        sql:
          "SELECT COUNT(*) FROM test_articles WHERE isRead = 0 AND id IN (\(ids.map(String.init).joined(separator: ",")))"
      ) ?? 0
    }
  }

  func updater(fetcher: FeedFetcher = FeedFetcher(timeout: 60), extractor: PageExtractor? = nil)
    -> FeedUpdater
  {
    FeedUpdater(store: store, fetcher: fetcher, sink: sink, extractor: extractor)
  }

  func articleTitles() throws -> [String] {
    try database.read {
      try String.fetchAll($0, sql: "SELECT title FROM test_articles ORDER BY id")
    }
  }

  func articleBodies() throws -> [String] {
    try database.read { try String.fetchAll($0, sql: "SELECT body FROM test_articles ORDER BY id") }
  }
}
