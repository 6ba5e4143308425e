import Foundation
import GRDB
import LeggioModel
import Synchronization
import Testing

@testable import LeggioStore
import LeggioTestSupport

/// Issue 17's schema changes for a large library (the kept counts, no change rows before
/// the first export, no duplicate index): a library made by the schema before them
/// migrates in place keeping every record.
@Suite struct ScaleMigrationTests {
  /// The last migration of the schema before these changes.
  static let before = SearchIndex.batchMigrationName
  static let mine = [
    ArticleCounts.migrationName, SyncChangeTracking.migrationName, UnusedIndexes.migrationName,
    SearchIndex.tuningMigrationName, NarrowIndexes.migrationName, TagLinkKeys.migrationName,
    FeedItemRepeats.migrationName,
    SearchIndex.columnsMigrationName, DerivedGlobalIdentity.migrationName,
    TagLinkArticleIDs.migrationName, VersionArticleIDs.migrationName,
    DocumentDictionary.migrationName,
  ]

  /// Every row of every table but the ones these migrations change, as text.
  func records(_ db: Database) throws -> [String: [String]] {
    let tables = try String.fetchAll(
      db,
      sql: """
        SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'article_fts%'
          AND name NOT IN ('grdb_migrations', 'sync_dirty', 'sync_state', 'article_counts',
            'search_pending', 'document_dictionary')
        """)
    var records: [String: [String]] = [:]
    for table in tables {
      // Tag links change their key (`TagLinkKeys`), and keep the rest.
      records[table] = try StoredRecords.rows(
        db, table: table, dropping: table == "article_tag" ? ["id", "uuid"] : [])
    }
    return records
  }

  func schema(_ db: Database) throws -> Set<String> {
    Set(
      try String.fetchAll(
        db,
        sql: """
          SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master
          WHERE name NOT LIKE 'sqlite_%'
          """))
  }

  /// A library holding a bit of everything: articles with a second version, tags, one in
  /// the bin, one read, an annotation, feed items.
  func fill(_ library: Library) throws {
    for n in 1...30 {
      let id = try library.add(
        imported(
          "Cronaca \(n)", ["Quel ramo del lago di Como, parola\(n)."],
          source: "https://example.org/\(n)")
      ).id
      try library.tag(id: id, ["lago", "n\(n % 3)"])
    }
    try library.add(imported("Cronaca 1", ["Un altro testo."], source: "https://example.org/1"))
    try library.remove(ids: [30])
    try library.saveReadingPosition(articleID: 2, offset: 5, progress: 0.5)
    let uuid = try #require(try library.articleUUID(forSource: "https://example.org/3"))
    let article = try #require(try library.annotationArticle(uuid: uuid))
    try library.annotations.bookmark(article, offset: 4, name: "qui")
    _ = try library.addFeedArticles([
      imported("Dal feed", ["Renzo e Lucia."], source: "https://e.org/f")
    ])
  }

  /// Takes `db` back to the schema before these migrations, as that Leggio left it: every
  /// record listed as changed (or, `synced`, the rows given), no counts, the old index.
  func downgrade(_ db: Database, syncRows: [(String, String)]? = nil) throws {
    // The changes after these first, latest first.
    try db.execute(sql: "DROP TABLE document_dictionary")
    try VersionArticleIDsTests.downgrade(db)
    try TagLinkArticleIDsTests.downgrade(db)
    try DerivedGlobalIdentityTests.downgrade(db)
    // Feed items with every value in the row (`FeedItemRepeats`).
    try FeedItemRepeatsTests.downgrade(db)
    // Tag links keyed by a UUID (`link-` and the id), as the schema before made them.
    let tagSchema = try EarlierSchema.statements(of: "article_tag", upTo: Self.before)
    try db.execute(
      sql: """
        ALTER TABLE article_tag RENAME TO article_tag_by_id;
        DROP INDEX article_tag_by_article; DROP INDEX article_tag_by_tag;
        DROP TRIGGER sync_dirty_article_tag_insert; DROP TRIGGER sync_dirty_article_tag_update;
        """)
    for sql in tagSchema { try db.execute(sql: sql) }
    try db.execute(
      sql: """
        INSERT INTO article_tag (uuid, articleUUID, tag, createdAt, updatedAt, deletedAt)
          SELECT 'link-' || id, articleUUID, tag, createdAt, updatedAt, deletedAt
          FROM article_tag_by_id ORDER BY id;
        DROP TABLE article_tag_by_id;
        """)
    // Feed batches indexed their articles before they committed: none waited.
    _ = try SearchIndex.catchUp(limit: 1_000_000, db)
    try db.execute(sql: "DROP TABLE search_pending")
    // The index with the positions of words.
    try db.execute(sql: "DROP TABLE article_fts")
    try db.execute(sql: SearchIndex.tableWithPositions + SearchIndex.indexAll)
    try db.execute(
      sql: """
        DROP TRIGGER article_counts_insert; DROP TRIGGER article_counts_update;
        DROP TRIGGER article_counts_delete; DROP TABLE article_counts;
        CREATE INDEX "feed_items_on_feedId" ON "feed_items"("feedId");
        DROP INDEX article_by_hash; CREATE INDEX article_by_hash ON article(contentHash);
        DROP INDEX article_version_by_hash;
        CREATE INDEX article_version_by_hash ON article_version(contentHash);
        DROP INDEX article_by_starred;
        CREATE INDEX article_by_starred ON article(deletedAt, starred);
        DELETE FROM sync_state WHERE key = 'changes';
        """)
    for row in try Row.fetchAll(
      db,
      sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_dirty_%'"
    ) {
      let sql: String = row["sql"]
      try db.execute(sql: "DROP TRIGGER \(row["name"] as String)")
      try db.execute(
        sql: sql.replacingOccurrences(of: " WHEN \(SyncChangeTracking.recording) ", with: " "))
    }
    try db.execute(sql: "DELETE FROM sync_dirty")
    for (kind, key) in try syncRows ?? SyncChangeTracking.everyRecord(db) {
      try db.execute(
        sql: "INSERT INTO sync_dirty (kind, key) VALUES (?, ?)", arguments: [kind, key])
    }
    let placeholders = Self.mine.map { _ in "?" }.joined(separator: ", ")
    try db.execute(
      sql: "DELETE FROM grdb_migrations WHERE identifier IN (\(placeholders))",
      arguments: StatementArguments(Self.mine))
  }

  /// The schema the migrator makes up to `before`.
  func schemaBefore() throws -> Set<String> {
    let queue = try DatabaseQueue(configuration: Library.configuration())
    try LibraryMigrations.migrator.migrate(queue, upTo: Self.before)
    return try queue.read(schema)
  }

  @Test func aLibraryOfTheSchemaBeforeKeepsEveryRecordAndEveryChangeToExport() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("library.sqlite").path
    var kept: [String: [String]] = [:]
    var pending: [String] = []
    let queries = ["\"lago di Como\"", "\"Como parola1\"", "\"lago di\" parola2", "testo"]
    var found: [[Int64]] = []
    do {
      let library = try Library(path: path, deviceID: "test")
      try fill(library)
      try library.writer.write { db in
        try downgrade(db)
        kept = try records(db)
        // What the index with positions finds.
        found = try queries.map { query in
          try Int64.fetchAll(
            db, sql: "SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rowid",
            arguments: [FTSQuery.match(query, prefixLast: true)])
        }
        pending = try Row.fetchAll(db, sql: "SELECT kind, key FROM sync_dirty ORDER BY 1, 2")
          .map(\.description)
      }
      // What the downgrade left is the old schema exactly.
      #expect(try library.writer.read(schema) == schemaBefore())
    }
    let steps = Mutex<[String]>([])
    let library = try Library(path: path, deviceID: "test") { step, done, total in
      if done == total { steps.withLock { $0.append(step) } }
    }
    // The long steps tell the bar how far they got, to the end.
    #expect(
      steps.withLock { $0 } == [
        "Counting articles", "Forgetting sync's list of changes", "Renumbering tag links",
        "Slimming feed items",
        "Indexing articles for search", "Deriving global identities",
        "Linking tags by article id", "Linking versions by article id",
      ])
    // The index without positions finds what the one with positions found.
    #expect(try queries.map { try library.search($0).map(\.id).sorted() } == found)
    let holding = try library.writer.read {
      try Int64.fetchAll(
        $0, sql: "SELECT id FROM article_search WHERE instr(text, 'lago di Como') > 0 ORDER BY id")
    }
    #expect(!holding.isEmpty && found[0] == holding)
    #expect(
      try library.writer.read {
        try String.fetchOne($0, sql: "SELECT sql FROM sqlite_master WHERE name = 'article_fts'")
      }?.contains("detail = none") == true)
    let after = try library.writer.read(records)
    #expect(after == kept)
    #expect(try library.counts() == LibraryCounts(total: 30, unread: 29))
    // No rows kept, yet the first export still reads every record the rows listed.
    #expect(
      try library.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sync_dirty") } == 0)
    #expect(try library.pendingSyncChanges() == pending.count)
    let changes = try library.syncChanges()
    #expect(changes.articles.count == 31)
    #expect(changes.tags.count == 60)
    #expect(changes.annotations.count == 1)
    #expect(changes.positions.count == 1)
    #expect(
      try library.writer.read {
        try String.fetchAll(
          $0, sql: "SELECT name FROM sqlite_master WHERE name = 'feed_items_on_feedId'")
      }.isEmpty)
    // The narrowed indexes, and the lookups by hash still find their articles.
    #expect(
      try library.writer.read {
        try String.fetchOne($0, sql: "SELECT sql FROM sqlite_master WHERE name = 'article_by_hash'")
      } == "CREATE INDEX article_by_hash ON article(substr(contentHash, 1, 16))")
    try library.writer.read { db in
      let hash = try #require(
        try String.fetchOne(db, sql: "SELECT contentHash FROM article WHERE id = 5"))
      #expect(
        try Library.articleUUID(db, holdingText: hash)
          == String.fetchOne(db, sql: "SELECT uuid FROM article WHERE id = 5"))
    }
  }

  /// Each lookup by content hash reads its narrowed index, not the whole table.
  @Test func theLookupsByHashUseTheNarrowedIndexes() throws {
    let library = try Library.inMemory()
    try fill(library)
    let plans = try library.writer.read { db in
      try [
        "SELECT * FROM article WHERE \(NarrowIndexes.hashMatch("contentHash")) "
          + "AND deletedAt IS NULL",
        "SELECT uuid FROM article_version WHERE \(NarrowIndexes.hashMatch("contentHash"))",
        "SELECT COUNT(*) FROM article a WHERE a.deletedAt IS NULL AND a.starred AND ?1 != ''",
      ].map { sql in
        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: ["abc"])
          .map { $0["detail"] as String }.joined(separator: "; ")
      }
    }
    #expect(plans[0].contains("USING INDEX article_by_hash"))
    #expect(plans[1].contains("USING INDEX article_version_by_hash"))
    #expect(plans[2].contains("article_by_starred"))
  }

  @Test func aSyncedLibraryKeepsTheChangesItHasNotExported() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("library.sqlite").path
    do {
      let library = try Library(path: path, deviceID: "test")
      try fill(library)
      let uuid = try #require(try library.articleUUID(forSource: "https://example.org/5"))
      try library.setSyncState("mirror", "/somewhere")
      try library.writer.write { db in
        // A tag link changed before: its row names it by the UUID the downgrade gives it.
        let link = try #require(
          try String.fetchOne(
            db,
            sql: "SELECT 'link-' || id FROM article_tag WHERE articleId = "
              + "(SELECT id FROM article WHERE uuid = ?) AND tag = 'n2'",
            arguments: [uuid]))
        try downgrade(db, syncRows: [("article", uuid), ("tag", link)])
      }
    }
    let library = try Library(path: path, deviceID: "test")
    #expect(try library.pendingSyncChanges() == 2)
    let changes = try library.syncChanges()
    #expect(changes.articles.map(\.identity) == ["https://example.org/5"])
    #expect(changes.tags.map(\.tag) == ["n2"])
    #expect(changes.tags.map(\.article) == ["https://example.org/5"])
    // The triggers still record.
    try library.tag(id: 7, ["nuovo"])
    #expect(try library.pendingSyncChanges() == 3)
  }

  @Test func theFirstExportReadsEverythingAndOnlyChangesAfterIt() throws {
    let library = try Library.inMemory(deviceID: "test")
    try fill(library)
    #expect(
      try library.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sync_dirty") } == 0)
    let first = try library.syncChanges()
    #expect(first.articles.count == 31)
    // An export that never finished: the next one reads everything again.
    #expect(try library.syncChanges().articles.count == 31)
    let second = try library.syncChanges()
    // A change made while the files were written is not lost.
    try library.tag(id: 4, ["durante"])
    try library.markExported(through: second.watermark)
    let third = try library.syncChanges()
    #expect(third.articles.isEmpty)
    #expect(third.tags.map(\.tag) == ["durante"])
    try library.markExported(through: third.watermark)
    #expect(try library.pendingSyncChanges() == 0)
    try library.saveReadingPosition(articleID: 5, offset: 1, progress: 0.1)
    #expect(try library.syncChanges().positions.count == 1)
  }

  @Test func theKeptCountsFollowEveryWrite() throws {
    let library = try Library.inMemory()
    func check() throws {
      let counted = try library.writer.read { db in
        try Row.fetchOne(
          db,
          sql: """
            SELECT COUNT(*), COUNT(*) FILTER (WHERE readAt IS NULL) FROM article
            WHERE deletedAt IS NULL
            """)
      }
      #expect(try library.counts() == LibraryCounts(total: counted![0], unread: counted![1]))
    }
    try fill(library)
    try check()
    try library.saveReadingPosition(articleID: 3, offset: 0, progress: 0.2)
    try library.saveReadingPosition(articleID: 3, offset: 9, progress: 0.9)
    try check()
    try library.remove(ids: [3, 4])
    try check()
    // Added again from the bin.
    try library.add(imported("Cronaca 4", ["Di nuovo."], source: "https://example.org/4"))
    try check()
    _ = try library.addFeedArticles(
      (0..<20).map { imported("Voce \($0)", ["Testo \($0)."], source: "https://e.org/\($0)") })
    try check()
    #expect(try library.count(ArticleQuery()) == library.counts().total)
    #expect(try library.count(ArticleQuery(unreadOnly: true)) == library.counts().unread)
  }
}
