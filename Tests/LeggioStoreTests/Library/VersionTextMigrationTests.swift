import Foundation
import GRDB
import LeggioModel
import Synchronization
import Testing

@testable import LeggioStore
import LeggioTestSupport

/// Versions keep their text inside the compressed document (issue 17); an older library
/// is moved to that form in place, keeping every record, and an interrupted move leaves
/// it as it was.
@Suite struct VersionTextMigrationTests {
  struct Version: Equatable {
    var uuid: String
    var articleUUID: String
    var hash: String
    var created: String
    var json: String
    var text: String
  }

  func versions(_ db: Database) throws -> [Version] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT uuid, (SELECT uuid FROM article WHERE id = articleId) AS articleUUID,
          contentHash, createdAt, document,
          leggio_text(document, text) AS text
        FROM article_version ORDER BY uuid
        """
    ).map {
      Version(
        uuid: $0["uuid"], articleUUID: $0["articleUUID"], hash: $0["contentHash"],
        created: $0["createdAt"], json: (try? StoredDocument.json(from: $0["document"])) ?? "?",
        text: $0["text"])
    }
  }

  func counts(_ db: Database) throws -> [Int] {
    try ["article", "article_version", "article_tag", "feed_items", "sync_dirty"].map {
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1
    }
  }

  func triggers(_ db: Database) throws -> [String] {
    try String.fetchAll(
      db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
  }

  /// A library as Leggio left it before this change: versions hold their text in the
  /// `text` column and their document alone (compressed, or JSON as TEXT), the view reads
  /// the column; returns what it holds.
  func makeOldLibrary(at path: String) throws -> (versions: [Version], triggers: [String]) {
    let library = try Library(path: path, deviceID: "test")
    for n in 1...40 {
      let article = try library.add(
        imported(
          "Cronaca \(n)", ["Quel ramo del lago di Como, parola\(n).", "Secondo paragrafo \(n)."],
          source: "https://example.org/\(n)"))
      try library.tag(id: article.id, ["lago", "n\(n % 3)"])
    }
    // A second version of one article, and one article in the bin.
    try library.add(
      imported("Cronaca 1", ["Un altro testo, nebbia."], source: "https://example.org/1"))
    try library.remove(ids: [40])
    _ = try library.addFeedArticles([
      imported("Dal feed", ["Renzo e Lucia."], source: "https://e.org/f")
    ])
    return try library.writer.write { db in
      for (index, row) in try Row.fetchAll(
        db, sql: "SELECT rowid, document, leggio_text(document, text) AS text FROM article_version"
      ).enumerated() {
        let json = try StoredDocument.json(from: row["document"])!
        let old: DatabaseValue =
          index % 2 == 0 ? StoredDocument.compress(json).databaseValue : json.databaseValue
        try db.execute(
          sql: "UPDATE article_version SET document = ?, text = ? WHERE rowid = ?",
          arguments: [old, row["text"] as String, row["rowid"] as Int64])
      }
      try db.execute(
        sql: "DELETE FROM grdb_migrations WHERE identifier = ?",
        arguments: [VersionTextMigration.name])
      try db.execute(sql: "DELETE FROM sync_dirty")
      #expect(
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article_version WHERE text = ''") == 0)
      return (try versions(db), try triggers(db))
    }
  }

  @Test func aStoredDocumentCarriesItsTextAndReadsBackWhole() throws {
    let json = DocumentJSON.encode(Document(blocks: [Block(.paragraph, text: "È così, già.")]))
    let stored = StoredDocument.compress(json, text: "È così, già.")
    #expect(try StoredDocument.json(from: stored.databaseValue) == json)
    #expect(try StoredDocument.text(from: stored.databaseValue) == "È così, già.")
    #expect(try StoredDocument.text(from: StoredDocument.compress(json).databaseValue) == nil)
    #expect(try StoredDocument.text(from: json.databaseValue) == nil)
  }

  @Test func newVersionsKeepNoSecondCopyOfTheirText() throws {
    let library = try Library.inMemory()
    let id = try library.add(imported("Titolo", ["La nebbia sul lago."])).id
    _ = try library.addFeedArticles([
      imported("Feed", ["Il sole sul mare."], source: "https://e.org/1")
    ])
    let columns = try library.writer.read { db in
      try String.fetchAll(db, sql: "SELECT text FROM article_version")
    }
    #expect(columns == ["", ""])
    #expect(try library.search("nebbia").map(\.id) == [id])
    #expect(try library.search("mare").count == 1)
    let uuid = try library.writer.read { db in
      try String.fetchOne(db, sql: "SELECT uuid FROM article WHERE id = ?", arguments: [id])
    }
    #expect(try library.annotationArticle(uuid: uuid ?? "")?.text == "La nebbia sul lago.")
  }

  @Test func anOlderLibraryKeepsEveryRecordWhenItsVersionsAreMoved() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("library.sqlite").path
    let before = try makeOldLibrary(at: path)
    let beforeCounts = try DatabaseQueue(path: path).read { try counts($0) }

    let calls = Mutex<[(String, Int, Int)]>([])
    let library = try Library(path: path, deviceID: "test") { step, done, total in
      calls.withLock { $0.append((step, done, total)) }
    }
    let after = try library.writer.read { db in
      (
        try versions(db), try counts(db), try triggers(db),
        try Int.fetchOne(
          db,
          sql: "SELECT COUNT(*) FROM article_version WHERE text != '' OR typeof(document) != 'blob'"
        )
      )
    }
    #expect(after.0 == before.versions)
    #expect(after.1 == beforeCounts, "no record lost, none marked for sync")
    #expect(after.2 == before.triggers)
    #expect(after.3 == 0, "every version moved")
    let last = calls.withLock { $0.last }
    #expect(last?.1 == before.versions.count && last?.2 == before.versions.count)
    #expect(try library.search("parola7").map(\.title) == ["Cronaca 7"])
    #expect(try library.search("nebbia").map(\.title) == ["Cronaca 1"])
    #expect(
      try !library.search("parola1").map(\.title).contains("Cronaca 1"),
      "only the current text is indexed")
    #expect(try library.search("parola40").isEmpty, "the removed article stays out")
    try library.writer.write { db in
      try db.execute(
        sql: "INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 1)")
    }
    #expect(try library.integrityProblems().isEmpty)
  }

  @Test func aMoveStoppedHalfwayLeavesTheLibraryAsItWas() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("library.sqlite").path
    let before = try makeOldLibrary(at: path)
    struct Stopped: Error {}
    let queue = try DatabaseQueue(path: path, configuration: Library.configuration())
    #expect(throws: Stopped.self) {
      try queue.write { db in
        try VersionTextMigration.migrate(db, progress: nil)
        throw Stopped()
      }
    }
    let after = try queue.read { db in
      (
        try versions(db), try triggers(db),
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article_version WHERE text = ''")
      )
    }
    #expect(after.0 == before.versions)
    #expect(after.1 == before.triggers)
    #expect(after.2 == 0, "nothing moved")
    try queue.close()
    // The next open moves it.
    let library = try Library(path: path, deviceID: "test")
    #expect(try library.writer.read { try versions($0) } == before.versions)
    #expect(try library.search("parola7").map(\.title) == ["Cronaca 7"])
  }
}
