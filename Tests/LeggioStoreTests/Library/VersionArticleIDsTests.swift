import Foundation
import GRDB
import LeggioModel
import Synchronization
import Testing

@testable import LeggioStore
import LeggioTestSupport

/// Text versions name their article by its integer id and store `updatedAt` only where it
/// is not `createdAt` (issue 17): a library of the schema before migrates keeping every
/// version, its text and its JSON, and every way of writing and reading versions works
/// after.
@Suite struct VersionArticleIDsTests {
  /// A web page with its original HTML and a second text, a book with its contents, a
  /// feed item, a tagged article, one in the bin.
  func fill(_ library: Library) throws {
    for n in 1...5 {
      var page = imported(
        "Cronaca \(n)", ["Quel ramo del lago, parola\(n)."], source: "https://example.org/\(n)")
      page.originalHTML = Data("<p>Quel ramo del lago, parola\(n).</p>".utf8)
      let id = try library.add(page).id
      try library.tag(id: id, ["lago"])
    }
    var second = imported(
      "Cronaca 1", ["Un altro testo, seconda stesura."], source: "https://example.org/1")
    second.originalHTML = Data("<p>Un altro testo, seconda stesura.</p>".utf8)
    #expect(try library.add(second) == .updated(1))
    var book = imported("Il libro", ["Capitolo primo.", "Capitolo secondo."])
    book.contents = BookContents(entries: [.init(title: "Primo", level: 1, block: 0)])
    try library.add(book)
    _ = try library.addFeedArticles([imported("Dal feed", ["Renzo."], source: "https://e.org/f")])
    try library.remove(ids: [5])
  }

  /// What every reader of versions gives: each live article as the reader opens it, its
  /// versions, original page and contents, searches, and the sync export.
  func reading(_ library: Library) throws -> [String] {
    var seen: [String] = []
    for id in try library.listedArticles().map(\.id) {
      let article = try #require(try library.article(id: id))
      seen.append("\(id) \(CanonicalText(article.document).text) \(article.contents as Any)")
      seen += try library.versions(of: id).map {
        "\(id) \($0.uuid) \($0.contentHash) \($0.words) \($0.createdAt)"
      }
      seen.append(
        "\(id) \(try library.originalHTML(of: id).map { String(decoding: $0, as: UTF8.self) } ?? "-")"
      )
    }
    seen += try library.search("lago").map { "lago \($0.id)" }
    seen += try library.search("seconda").map { "seconda \($0.id)" }
    let changes = try library.syncChanges()
    seen += changes.articles.map { article in
      "\(article.identity) \(article.versions.map { "\($0.textHash) \($0.createdAt) \($0.body) \($0.original ?? "-")" })"
    }.sorted()
    seen.append("bodies \(changes.bodies.count)")
    seen += try library.integrityProblems()
    return seen
  }

  /// Takes `db`'s versions back to the table of the schema before, naming their article
  /// by its UUID and storing `updatedAt` in every row, with the search index's view and
  /// triggers of then.
  static func downgrade(_ db: Database) throws {
    let schema = try EarlierSchema.statements(
      of: "article_version", upTo: TagLinkArticleIDs.migrationName)
    // The rows are kept aside and the table made again under its own name (a renamed
    // table's statement is not the one it was made with). With foreign keys on,
    // dropping it takes the rows that point to its versions too: they are kept as well.
    try db.execute(
      sql: """
        CREATE TEMP TABLE kept_versions AS
          SELECT v.rowid AS position, v.uuid, a.uuid AS articleUUID, v.document, v.text,
            v.contentHash, v.words, v.createdAt, \(VersionArticleIDs.updatedAt("v")) AS updatedAt,
            v.deletedAt
          FROM article_version v JOIN article a ON a.id = v.articleId;
        CREATE TEMP TABLE kept_original AS SELECT * FROM article_original;
        CREATE TEMP TABLE kept_contents AS SELECT * FROM article_contents;
        DROP VIEW article_search;
        """)
    for name in SearchIndex.triggerNames { try db.execute(sql: "DROP TRIGGER \(name)") }
    try db.execute(sql: "DROP TABLE article_version")
    try db.execute(sql: schema[0])
    try db.execute(
      sql: """
        INSERT INTO article_version (rowid, uuid, articleUUID, document, text, contentHash,
            words, createdAt, updatedAt, deletedAt)
          SELECT position, uuid, articleUUID, document, text, contentHash, words, createdAt,
            updatedAt, deletedAt
          FROM temp.kept_versions ORDER BY position;
        INSERT INTO article_original SELECT * FROM temp.kept_original;
        INSERT INTO article_contents SELECT * FROM temp.kept_contents;
        DROP TABLE temp.kept_versions; DROP TABLE temp.kept_original;
        DROP TABLE temp.kept_contents;
        """)
    // Its indexes and sync's triggers as they were; the search index's view and triggers
    // as they were made for versions named by UUID.
    for sql in schema.dropFirst() where !sql.contains("article_search_") {
      try db.execute(sql: sql)
    }
    try SearchIndex.replaceView(db)
    try db.execute(
      sql: "DELETE FROM grdb_migrations WHERE identifier = ?",
      arguments: [VersionArticleIDs.migrationName])
  }

  @Test func aLibraryOfTheSchemaBeforeKeepsEveryVersionWithItsTextAndJSON() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("library.sqlite").path
    var kept: [String: [String]] = [:]
    var read: [String] = []
    var schemaBefore: [String] = []
    do {
      let library = try Library(path: path, deviceID: "test")
      try fill(library)
      read = try reading(library)
      schemaBefore = try library.writer.read { db in
        try String.fetchAll(
          db, sql: "SELECT name FROM sqlite_master WHERE tbl_name = 'article_version' ORDER BY 1")
      }
      try library.writer.write { db in
        try Self.downgrade(db)
        // One version changed after it was made keeps its own date.
        try db.execute(
          sql: "UPDATE article_version SET updatedAt = '2030-01-01 00:00:00.000' WHERE rowid = 2")
        kept = try StoredRecords.all(db, except: ["grdb_migrations"])
        #expect(
          try String.fetchOne(db, sql: "SELECT typeof(articleUUID) FROM article_version") == "text")
      }
      #expect(kept["article_version"]?.count == 8)
      #expect(kept["article_original"]?.count == 6)
      #expect(kept["article_contents"]?.count == 1)
    }
    let steps = Mutex<[String]>([])
    let library = try Library(path: path, deviceID: "test") { step, done, total in
      if done == total { steps.withLock { $0.append(step) } }
    }
    #expect(steps.withLock { $0 } == ["Linking versions by article id"])
    try library.writer.read { db in
      // Every row of every table as it was: each version's document (its text and JSON),
      // hash, dates and article, the pages and contents that point to it.
      let records = try StoredRecords.all(db, except: ["grdb_migrations"])
      #expect(records == kept)
      #expect(
        try String.fetchAll(
          db, sql: "SELECT name FROM sqlite_master WHERE tbl_name = 'article_version' ORDER BY 1")
          == schemaBefore)
      #expect(
        try String.fetchAll(
          db, sql: "SELECT quote(updatedAt) FROM article_version ORDER BY rowid")
          == ["NULL", "'2030-01-01 00:00:00.000'"] + Array(repeating: "NULL", count: 6))
      #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
    }
    #expect(try reading(library) == read)
  }

  /// A version whose article is gone (foreign keys were off when it was left) stops the
  /// migration before anything changed: the library keeps the schema and rows it had.
  @Test func aVersionWithoutItsArticleStopsTheMigrationAndChangesNothing() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("library.sqlite").path
    var kept: [String: [String]] = [:]
    do {
      let library = try Library(path: path, deviceID: "test")
      try fill(library)
      try library.writer.write { db in try Self.downgrade(db) }
      try library.writer.writeWithoutTransaction { db in
        try db.execute(
          sql: """
            PRAGMA foreign_keys = OFF;
            UPDATE article_version SET articleUUID = 'gone' WHERE rowid = 3;
            PRAGMA foreign_keys = ON;
            """)
        kept = try StoredRecords.all(db, except: [])
      }
    }
    let error = #expect(throws: (any Error).self) { try Library(path: path, deviceID: "test") }
    #expect("\(error as Any)".contains("1 text versions name no article"))
    let records = try DatabaseQueue(path: path, configuration: Library.configuration()).read {
      try StoredRecords.all($0, except: [])
    }
    #expect(records == kept)
    #expect(records["article_version"]?.contains { $0.contains("articleUUID:\"gone\"") } == true)
  }

  /// After the migration (which a new library runs too), every write of versions works:
  /// add, a second text, a feed batch, the bin and its emptying, a delete for good.
  @Test func everyWriteOfVersionsWorksAfterTheMigration() throws {
    let library = try Library.inMemory()
    try fill(library)
    #expect(try library.versions(of: 1).count == 2)
    #expect(try library.versions(of: 2).count == 1)
    let article = try #require(try library.article(id: 1))
    #expect(CanonicalText(article.document).text == "Un altro testo, seconda stesura.")
    #expect(try library.search("seconda").map(\.id) == [1])
    // A feed batch brings a new article and finds one it holds already.
    let ids = try library.addFeedArticles([
      imported("Di nuovo", ["Lucia."], source: "https://e.org/g"),
      imported("Dal feed", ["Renzo."], source: "https://e.org/f"),
    ])
    #expect(try library.versions(of: ids[0]).count == 1)
    #expect(ids[1] == 7)
    #expect(try library.search("Lucia").map(\.id) == [ids[0]])
    #expect(try library.integrityProblems().isEmpty)
    // Each new version's `updatedAt` is its creation date, left NULL.
    let changed = try library.writer.read { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article_version WHERE updatedAt IS NOT NULL")
    }
    #expect(changed == 0)
    // The bin keeps an article's versions until it is emptied.
    try library.remove(ids: [1])
    let report = try library.vacuum(emptyingBin: true)
    #expect(report.emptied == 2)
    try library.writer.write { db in
      #expect(
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article_version WHERE articleId IN (1, 5)")
          == 0)
      #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article_original") == 3)
      // A delete for good takes the versions, and what points to them, with it.
      try db.execute(sql: "DELETE FROM article WHERE id = 6")
      #expect(
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article_version WHERE articleId = 6") == 0)
      #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article_contents") == 0)
      #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
    }
    #expect(try library.integrityProblems().isEmpty)
  }

  /// Exported by one library and imported by another, an article keeps each version, its
  /// date, text and original page; a later version imported adds to the ones there.
  @Test func aSyncRoundTripCarriesEveryVersion() throws {
    let first = try Library.inMemory()
    try fill(first)
    let second = try Library.inMemory()
    func send() throws {
      let changes = try first.syncChanges()
      var incoming = SyncIncoming()
      incoming.articles = changes.articles
      incoming.tags = changes.tags
      _ = try second.importSync(incoming) { changes.bodies[$0] }
      try first.markExported(through: changes.watermark)
    }
    try send()
    func versions(_ library: Library, _ source: String) throws -> [String] {
      let id = try #require(try library.listedArticles().first { $0.source == source }).id
      let article = try #require(try library.article(id: id))
      return try library.versions(of: id).map { "\($0.contentHash) \($0.words) \($0.createdAt)" }
        + [
          "\(CanonicalText(article.document).text)",
          String(decoding: try library.originalHTML(of: id) ?? Data(), as: UTF8.self),
        ]
    }
    #expect(
      try versions(second, "https://example.org/1") == versions(first, "https://example.org/1"))
    #expect(try versions(second, "https://example.org/1").count == 4)
    var third = imported("Cronaca 2", ["Terza stesura."], source: "https://example.org/2")
    third.originalHTML = Data("<p>Terza stesura.</p>".utf8)
    try first.add(third)
    try send()
    #expect(
      try versions(second, "https://example.org/2") == versions(first, "https://example.org/2"))
    #expect(try versions(second, "https://example.org/2").count == 4)
    #expect(try second.search("Terza").count == 1)
    #expect(try second.integrityProblems().isEmpty)
  }

  /// Each lookup of an article's versions reads the index by article, not the table.
  @Test func theVersionLookupsReadTheIndexByArticle() throws {
    let library = try Library.inMemory()
    try fill(library)
    let plans = try library.writer.read { db in
      try [
        """
        SELECT document FROM article_version WHERE articleId = 1 AND deletedAt IS NULL
          ORDER BY createdAt DESC, rowid DESC LIMIT 1
        """,
        """
        SELECT contentHash FROM article_version
          WHERE articleId = \(VersionArticleIDs.articleID) AND deletedAt IS NULL
        """,
        "SELECT text FROM article_search WHERE id = 1",
        """
        SELECT a.id FROM article a WHERE a.deletedAt IS NULL AND NOT EXISTS (
          SELECT 1 FROM article_version v WHERE v.articleId = a.id AND v.deletedAt IS NULL)
        """,
        """
        DELETE FROM article_version WHERE articleId IN
          (SELECT id FROM article WHERE deletedAt IS NOT NULL)
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
      #expect(plan.contains("article_version_by_article"), "\(plan)")
      #expect(!plan.contains("SCAN v") && !plan.contains("SCAN article_version"), "\(plan)")
    }
  }
}
