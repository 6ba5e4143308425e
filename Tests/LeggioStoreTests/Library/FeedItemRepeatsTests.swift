import Foundation
import GRDB
import LeggioModel
import Synchronization
import Testing

@testable import LeggioStore
import LeggioTestSupport

/// Feed items store only the title, link and date their article does not keep already
/// (issue 17), yet read back exactly as they were recorded, before and after their article
/// changes, and a library of the schema before migrates keeping every item.
@Suite struct FeedItemRepeatsTests {
  static let published = Date(timeIntervalSince1970: 1_700_000_000)

  /// A feed and items of every kind: one its article repeats wholly, one whose title and
  /// date are its own, one without a link, one with no article.
  func fill(_ library: Library) throws -> (feedID: Int64, items: [FeedItemRecord]) {
    let feed = try library.feedStore.add(url: "https://example.org/feed.xml")
    let ids = try library.addFeedArticles([
      imported(
        "Renzo", ["Quel ramo del lago."], source: "https://e.org/1", published: Self.published),
      imported("Lucia (the full page)", ["Il lago."], source: "https://e.org/2"),
      imported("Senza link", ["Solo testo."]),
    ])
    let items = [
      FeedItemRecord(
        feedId: feed.id!, identity: "https://e.org/1", link: "https://e.org/1", title: "Renzo",
        published: Self.published, articleID: ids[0]),
      FeedItemRecord(
        feedId: feed.id!, identity: "guid-2", link: "https://e.org/2", title: "Lucia",
        published: Self.published, articleID: ids[1]),
      FeedItemRecord(
        feedId: feed.id!, identity: "guid-3", link: nil, title: "Senza link", published: nil,
        articleID: ids[2]),
      FeedItemRecord(
        feedId: feed.id!, identity: "guid-4", link: "https://e.org/4", title: "Non salvato",
        published: nil, articleID: nil),
    ]
    #expect(try library.feedStore.recordItems(items) == items.count)
    return (feed.id!, items)
  }

  /// What an item reads as, its id aside (the records given had none yet).
  func facts(_ items: [FeedItemRecord]) -> [String] {
    items.map {
      "\($0.feedId) \($0.identity) \($0.link ?? "-") \($0.title ?? "-") "
        + "\($0.published.map { "\($0.timeIntervalSince1970)" } ?? "-") "
        + "\($0.articleID.map(String.init) ?? "-")"
    }
  }

  @Test func anItemReadsAsRecordedAndStoresOnlyWhatItsArticleDoesNotKeep() throws {
    let library = try Library.inMemory()
    let (feedID, items) = try fill(library)
    #expect(try facts(library.feedStore.items(feedID: feedID)) == facts(items))
    let stored = try library.writer.read { db in
      try Row.fetchAll(
        db, sql: "SELECT link, title, published, repeats FROM feed_items ORDER BY id"
      ).map(\.description)
    }
    #expect(
      stored == [
        "[link:NULL title:NULL published:NULL repeats:7]",
        "[link:NULL title:\"Lucia\" published:\"2023-11-14 22:13:20.000\" repeats:2]",
        "[link:NULL title:NULL published:NULL repeats:7]",
        "[link:\"https://e.org/4\" title:\"Non salvato\" published:NULL repeats:0]",
      ])
  }

  @Test func anItemKeepsWhatItRepeatedWhenItsArticleChangesOrGoes() throws {
    let library = try Library.inMemory()
    let (feedID, items) = try fill(library)
    // The article is added again with a new title, text and date.
    try library.add(
      imported("Renzo, rivisto", ["Quel ramo, rivisto."], source: "https://e.org/1"))
    try library.writer.write { db in
      try db.execute(sql: "DELETE FROM article WHERE id = ?", arguments: [items[2].articleID])
    }
    #expect(try facts(library.feedStore.items(feedID: feedID)) == facts(items))
    let repeats = try library.writer.read { db in
      try Int.fetchAll(db, sql: "SELECT repeats FROM feed_items ORDER BY id")
    }
    #expect(repeats == [0, 2, 0, 0])
  }

  /// Takes `db`'s feed items back to the table of the schema before, as that Leggio
  /// stored them (a UUID and an `updatedAt` each, every value in the row).
  static func downgrade(_ db: Database) throws {
    let schema = try EarlierSchema.statements(
      of: "feed_items", upTo: TagLinkKeys.migrationName)
    try db.execute(
      sql: """
        DROP TRIGGER feed_items_keep_before_article_update;
        DROP TRIGGER feed_items_keep_before_article_delete;
        DROP INDEX feed_items_on_articleID;
        ALTER TABLE feed_items RENAME TO feed_items_slim;
        """)
    for sql in schema { try db.execute(sql: sql) }
    try db.execute(
      sql: """
        INSERT INTO feed_items (id, uuid, feedId, identity, link, title, published, articleID,
          createdAt, updatedAt)
        SELECT i.id, 'item-' || i.id, i.feedId, i.identity, \(FeedItemRepeats.readColumns),
          i.articleID, i.createdAt, i.createdAt
        FROM feed_items_slim i LEFT JOIN article a ON a.id = i.articleID ORDER BY i.id;
        DROP TABLE feed_items_slim;
        DELETE FROM grdb_migrations WHERE identifier = ?;
        """, arguments: [FeedItemRepeats.migrationName])
  }

  func schema(_ db: Database) throws -> [String] {
    try String.fetchAll(
      db,
      sql: """
        SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master
        WHERE tbl_name = 'feed_items' OR name LIKE 'feed_items%' ORDER BY name
        """)
  }

  @Test func aLibraryOfTheSchemaBeforeKeepsEveryItemAndItsDates() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("library.sqlite").path
    var before: [String] = []
    var feedID: Int64 = 0
    do {
      let library = try Library(path: path, deviceID: "test")
      feedID = try fill(library).feedID
      try library.writer.write(Self.downgrade)
      before = try library.writer.read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT id, feedId, identity, link, title, published, articleID, createdAt
            FROM feed_items ORDER BY id
            """
        ).map(\.description)
      }
      #expect(
        try library.writer.read {
          try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM feed_items WHERE title IS NULL")
        } == 0)
    }
    let steps = Mutex<[String]>([])
    let library = try Library(path: path, deviceID: "test") { step, done, total in
      if done == total { steps.withLock { $0.append(step) } }
    }
    #expect(steps.withLock { $0 } == ["Slimming feed items"])
    let after = try library.writer.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT i.id, i.feedId, i.identity, \(FeedItemRepeats.readColumns), i.articleID,
            i.createdAt
          FROM feed_items i LEFT JOIN article a ON a.id = i.articleID ORDER BY i.id
          """
      ).map(\.description)
    }
    #expect(after == before)
    #expect(try library.feedStore.items(feedID: feedID).count == 4)
    // The schema is the one a new library gets.
    let fresh = try Library.inMemory()
    #expect(try library.writer.read(schema) == fresh.writer.read(schema))
    // A new item still takes the next id.
    let next = FeedItemRecord(
      feedId: feedID, identity: "guid-5", link: nil, title: "Quinto", published: nil,
      articleID: nil)
    #expect(try library.feedStore.recordItems([next]) == 1)
    #expect(try library.feedStore.items(feedID: feedID).last?.id == 5)
  }

  /// The triggers find an article's items through the index on `articleID`.
  @Test func theTriggersFindAnArticlesItemsThroughItsIndex() throws {
    let library = try Library.inMemory()
    let plan = try library.writer.read { db in
      try Row.fetchAll(
        db, sql: "EXPLAIN QUERY PLAN UPDATE feed_items SET repeats = 0 WHERE articleID = 1"
      ).map { $0["detail"] as String }
    }
    #expect(plan.contains { $0.contains("feed_items_on_articleID") })
  }
}
