import Foundation
import GRDB
import LeggioModel
import Testing

@testable import LeggioStore
import LeggioTestSupport

/// The search index without a copy of the text (issue 17): it follows every write, and an
/// old library's index is rebuilt in place without losing a record.
@Suite struct SearchIndexTests {
  /// FTS5's check of the index against the view it indexes: any word indexed with values
  /// the view no longer shows makes it fail.
  func expectConsistent(_ library: Library) throws {
    try library.writer.write { db in
      try db.execute(
        sql: "INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 1)")
      let (missing, stray) = try SearchIndex.problems(db)
      #expect(missing.isEmpty)
      #expect(stray.isEmpty)
    }
  }

  @Test func theIndexFollowsNewTextsRemovalsAndReturns() throws {
    let library = try Library.inMemory()
    let source = "https://example.org/a"
    let id = try library.add(imported("Primo titolo", ["La nebbia sul lago."], source: source)).id
    try library.add(imported("Altro", ["Il sole sul mare."], source: "https://example.org/b"))
    #expect(try library.search("nebbia").map(\.id) == [id])
    try expectConsistent(library)

    // A new text and title: the old words are gone, the new ones are found.
    try library.add(imported("Secondo titolo", ["La neve sul monte."], source: source))
    #expect(try library.search("nebbia").isEmpty)
    #expect(try library.search("primo").isEmpty)
    #expect(try library.search("neve").map(\.id) == [id])
    #expect(try library.search("secondo").map(\.id) == [id])
    try expectConsistent(library)

    // Into the bin and back.
    try library.remove(ids: [id])
    #expect(try library.search("neve").isEmpty)
    try expectConsistent(library)
    try library.add(imported("Secondo titolo", ["La neve sul monte."], source: source))
    #expect(try library.search("neve").map(\.id) == [id])
    try expectConsistent(library)
  }

  @Test func feedArticlesAreIndexedOnceWithTitleAndText() throws {
    let library = try Library.inMemory()
    let ids = try library.addFeedArticles([
      imported("Cronaca di Lecco", ["Quel ramo del lago di Como."], source: "https://e.org/1"),
      imported("Renzo", ["Don Abbondio tornava bel bello."], byline: "Manzoni"),
    ])
    #expect(try library.search("lecco").map(\.id) == [ids[0]])
    #expect(try library.search("abbondio").map(\.id) == [ids[1]])
    #expect(try library.search("manzoni").map(\.id) == [ids[1]])
    try expectConsistent(library)
  }

  @Test func theIndexKeepsNoCopyOfTheText() throws {
    let library = try Library.inMemory()
    try library.add(imported("Titolo", ["Testo."]))
    let tables = try library.writer.read { db in
      try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE 'article_fts%'")
    }
    #expect(!tables.isEmpty)
    #expect(!tables.contains("article_fts_content"))
  }

  @Test func anOldLibraryKeepsEveryRecordAndItsSearchWhenMigrated() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("library.sqlite").path
    // A library as the schema before issue 17 left it, written through that schema.
    let old = try DatabaseQueue(path: path)
    try LibraryMigrations.migrator.migrate(old, upTo: "sync-v2: device names")
    try old.write { db in
      #expect(try db.tableExists("article_fts_content"))
      for n in 1...30 {
        let uuid = "00000000-0000-7000-8000-\(String(format: "%012d", n))"
        try db.execute(
          sql: """
            INSERT INTO article (uuid, identity, title, sortTitle, byline, contentHash, words,
              createdAt, updatedAt, deletedAt)
            VALUES (?, ?, ?, ?, ?, ?, 3, ?, ?, ?)
            """,
          arguments: [
            uuid, "id-\(n)", "Titolo \(n)", "titolo \(n)", "Autore\(n)", "hash\(n)", Date(),
            Date(), n == 30 ? Date() : nil,
          ])
        try db.execute(
          sql: """
            INSERT INTO article_version (uuid, articleUUID, document, text, contentHash, words,
              createdAt, updatedAt) VALUES (?, ?, '{}', ?, ?, 3, ?, ?)
            """, arguments: [uuid + "v", uuid, "parola\(n) comune", "hash\(n)", Date(), Date()])
        if n < 30 {
          try db.execute(
            sql: "INSERT INTO article_fts (rowid, title, byline, text) VALUES (?, ?, ?, ?)",
            arguments: [db.lastInsertedRowID, "Titolo \(n)", "Autore\(n)", "parola\(n) comune"])
        }
      }
    }
    try old.close()

    let library = try Library(path: path, deviceID: "test")
    let counts = try library.writer.read { db in
      (
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article") ?? 0,
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article_version") ?? 0,
        try db.tableExists("article_fts_content")
      )
    }
    #expect(counts.0 == 30)
    #expect(counts.1 == 30)
    #expect(!counts.2)
    #expect(try library.search("comune", limit: 100).count == 29)
    #expect(try library.search("parola7").map(\.title) == ["Titolo 7"])
    #expect(try library.search("autore12").map(\.title) == ["Titolo 12"])
    #expect(try library.search("parola30").isEmpty, "the removed article stays out")
    try expectConsistent(library)
    #expect(try library.integrityProblems().isEmpty)
  }
}
