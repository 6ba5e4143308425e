import Foundation
import GRDB
import LeggioModel
import Synchronization
import Testing

@testable import LeggioStore
import LeggioTestSupport

/// Tag links name their article by its integer id (issue 17): every way of reading and
/// writing tags does what it did, and a library of the schema before migrates keeping
/// every link and every change sync has still to export.
@Suite struct TagLinkArticleIDsTests {
  /// Tags added every way: by hand, by a feed, by an import; one taken off again (a
  /// tombstone); one on an article in the bin.
  func fill(_ library: Library) throws {
    for n in 1...6 {
      let id = try library.add(
        imported("Cronaca \(n)", ["Testo \(n)."], source: "https://example.org/\(n)")
      ).id
      try library.tag(id: id, ["Lago", "n\(n % 2)"])
    }
    try library.untag(id: 2, ["lago"])
    try library.remove(ids: [6])
    var tagged = imported("Dal feed", ["Renzo."], source: "https://e.org/f")
    tagged.metadata.tags = ["Feed", "lago"]
    _ = try library.addFeedArticles([tagged])
  }

  /// What every reader of tags gives.
  func reading(_ library: Library) throws -> [String] {
    var seen = [try library.allTags().joined(separator: ",")]
    seen += try library.summaries(ArticleQuery(), offset: 0, limit: 100).map {
      "\($0.id) \($0.tags.joined(separator: ","))"
    }
    seen += try library.entries(ArticleQuery(tag: "LAGO")).map { "lago \($0.summary.id)" }
    seen += try library.listedArticles().map { "\($0.id) \($0.tags.joined(separator: ","))" }
    seen.append("count \(try library.count(ArticleQuery(tag: "n1")))")
    let changes = try library.syncChanges()
    seen += changes.tags.map { "\($0.article) \($0.tag) \($0.deleted)" }.sorted()
    return seen
  }

  /// Takes `db`'s tag links back to the table of the schema before, naming their article
  /// by its UUID, with the index of tags' bytes.
  static func downgrade(_ db: Database) throws {
    let schema = try EarlierSchema.statements(
      of: "article_tag", upTo: DerivedGlobalIdentity.migrationName)
    try db.execute(
      sql: """
        DROP INDEX article_tag_by_article;
        DROP TRIGGER sync_dirty_article_tag_insert; DROP TRIGGER sync_dirty_article_tag_update;
        ALTER TABLE article_tag RENAME TO article_tag_by_article_id;
        """)
    // The table, its rows, then its indexes and triggers (which would list every row as
    // changed for sync).
    try db.execute(sql: schema[0])
    try db.execute(
      sql: """
        INSERT INTO article_tag (id, articleUUID, tag, createdAt, updatedAt, deletedAt)
          SELECT t.id, a.uuid, t.tag, t.createdAt, t.updatedAt, t.deletedAt
          FROM article_tag_by_article_id t JOIN article a ON a.id = t.articleId ORDER BY t.id;
        """)
    for sql in schema.dropFirst() { try db.execute(sql: sql) }
    try db.execute(
      sql: """
        DROP TABLE article_tag_by_article_id;
        DELETE FROM grdb_migrations WHERE identifier = ?;
        """, arguments: [TagLinkArticleIDs.migrationName])
  }

  @Test func aLibraryOfTheSchemaBeforeKeepsEveryLinkAndReadsItsTagsAlike() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("library.sqlite").path
    var kept: [String: [String]] = [:]
    var read: [String] = []
    var pending: [String] = []
    do {
      let library = try Library(path: path, deviceID: "test")
      try fill(library)
      // Exported once, so that the links changed next have their row to keep.
      try library.markExported(through: library.syncChanges().watermark)
      try library.tag(id: 3, ["nuovo"])
      try library.untag(id: 4, ["n0"])
      read = try reading(library)
      try library.writer.write { db in
        try Self.downgrade(db)
        kept = try StoredRecords.all(db, except: ["grdb_migrations"])
        pending = try Row.fetchAll(db, sql: "SELECT kind, key FROM sync_dirty ORDER BY 1, 2")
          .map(\.description)
      }
      #expect(kept["article_tag"]?.count == 15)
      // The two links changed since the export, and nothing else.
      #expect(pending.count == 2 && pending.allSatisfy { $0.contains("tag") })
    }
    let steps = Mutex<[String]>([])
    let library = try Library(path: path, deviceID: "test") { step, done, total in
      if done == total { steps.withLock { $0.append(step) } }
    }
    #expect(steps.withLock { $0 } == ["Linking tags by article id"])
    try library.writer.read { db in
      let records = try StoredRecords.all(db, except: ["grdb_migrations"])
      #expect(records == kept)
      #expect(
        try Row.fetchAll(db, sql: "SELECT kind, key FROM sync_dirty ORDER BY 1, 2")
          .map(\.description) == pending)
      #expect(
        try String.fetchAll(
          db, sql: "SELECT name FROM sqlite_master WHERE tbl_name = 'article_tag' ORDER BY name")
          == [
            "article_tag", "article_tag_by_article", "sync_dirty_article_tag_insert",
            "sync_dirty_article_tag_update",
          ])
    }
    #expect(try reading(library) == read)
    // Writing still works every way, and the triggers record it.
    try library.tag(id: 1, ["altro"])
    try library.untag(id: 1, ["lago"])
    try library.tag(id: 2, ["LAGO"])
    let tags = try library.writer.read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT t.tag FROM article_tag t JOIN article a ON a.id = t.articleId
          WHERE a.id IN (1, 2) AND t.deletedAt IS NULL ORDER BY a.id, t.tag
          """)
    }
    // Taken off and put back, a link comes back as it was named first.
    #expect(tags == ["altro", "n1", "Lago", "n0"])
    #expect(try library.pendingSyncChanges() == pending.count + 3)
  }

  /// A hard delete of an article takes its links with it (the foreign key's cascade).
  @Test func removingAnArticleForGoodTakesItsLinks() throws {
    let library = try Library.inMemory()
    try fill(library)
    try library.writer.write { db in
      try db.execute(sql: "DELETE FROM article WHERE id = 1")
      #expect(
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article_tag WHERE articleId = 1") == 0)
      #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
    }
  }

  /// Each tag query reads the index by article, not the whole table of links.
  @Test func theTagQueriesReadTheIndexByArticle() throws {
    let library = try Library.inMemory()
    try fill(library)
    let plans = try library.writer.read { db in
      try [
        """
        SELECT id FROM article_tag WHERE articleId = \(TagLinkArticleIDs.articleID)
          AND tag = 'x' COLLATE NOCASE
        """,
        """
        SELECT a.id FROM article a WHERE a.deletedAt IS NULL AND EXISTS (SELECT 1
          FROM article_tag t WHERE t.articleId = a.id AND t.tag = 'x' COLLATE NOCASE
          AND t.deletedAt IS NULL)
        """,
      ].map { sql in
        try Row.fetchAll(
          db, sql: "EXPLAIN QUERY PLAN " + sql,
          arguments: StatementArguments(sql.contains("?") ? ["u"] : [])
        )
        .map { $0["detail"] as String }.joined(separator: "; ")
      }
    }
    for plan in plans {
      #expect(plan.contains("article_tag_by_article"))
      #expect(!plan.contains("SCAN t") && !plan.contains("SCAN article_tag"))
    }
  }
}
