import Foundation
import GRDB
import LeggioModel
import Synchronization
import Testing

@testable import LeggioStore
import LeggioTestSupport

/// A global identity that is the article's web address is not stored a second time
/// (issue 17): sync, annotations and lookups read the same identities as before, and a
/// library of the schema before migrates keeping every record.
@Suite struct DerivedGlobalIdentityTests {
  /// Articles known every way: by web address (added alone and by a feed), by the hash
  /// of their first text (one with a second version since), by another library's
  /// identity; with a tag, a reading position and a bookmark.
  func fill(_ library: Library) throws {
    let web = try library.add(
      imported("Dal web", ["Quel ramo del lago di Como."], source: "https://example.org/1")
    ).id
    try library.tag(id: web, ["lago"])
    try library.saveReadingPosition(articleID: web, offset: 3, progress: 0.25)
    let uuid = try #require(try library.articleUUID(forSource: "https://example.org/1"))
    let article = try #require(try library.annotationArticle(uuid: uuid))
    try library.annotations.bookmark(article, offset: 4, name: "qui")
    let local = try library.add(imported("Senza fonte", ["Una riga sola."])).id
    try library.tag(id: local, ["appunti"])
    _ = try library.addFeedArticles([
      imported("Dal feed", ["Renzo e Lucia."], source: "https://e.org/f"),
      imported("Dal feed senza link", ["Solo testo del feed."]),
    ])
    // Another library's identity, as sync stores an article whose address was taken.
    try library.writer.write { db in
      try db.execute(
        sql: """
          INSERT INTO article (uuid, identity, globalIdentity, title, sortTitle, contentHash,
            createdAt, updatedAt)
          SELECT '01900000-0000-7000-8000-000000000001', 'sync:https://elsewhere.example/2',
            'https://elsewhere.example/2', 'Arrivato', 'arrivato', contentHash, createdAt,
            updatedAt FROM article WHERE id = ?
          """, arguments: [web])
    }
  }

  /// Takes `db` back to the schema before: every global identity stored, the whole-column
  /// index, the trigger that stored the web address.
  static func downgrade(_ db: Database) throws {
    try db.execute(
      sql: """
        DROP TRIGGER article_global_identity;
        \(SyncMigrations.firstGlobalIdentityTrigger)
        UPDATE article SET globalIdentity = identity WHERE globalIdentity IS NULL;
        DROP INDEX article_by_global_identity;
        CREATE INDEX article_by_global_identity ON article(globalIdentity);
        DELETE FROM grdb_migrations WHERE identifier = ?;
        """, arguments: [DerivedGlobalIdentity.migrationName])
  }

  /// Every row of every table, as every schema reads it (`StoredRecords`).
  static func records(_ db: Database) throws -> [String: [String]] {
    try StoredRecords.all(db, except: ["grdb_migrations"])
  }

  /// The identities an export gives each kind of record.
  func exported(_ library: Library) throws -> [String] {
    let changes = try library.syncChanges()
    return
      (changes.articles.map { "article \($0.title) \($0.identity)" }
      + changes.tags.map { "tag \($0.tag) \($0.article)" }
      + changes.annotations.map { "annotation \($0.article)" }
      + changes.positions.map { "position \($0.article)" }).sorted()
  }

  @Test func aLibraryOfTheSchemaBeforeKeepsEveryRecordAndEveryIdentity() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("library.sqlite").path
    var kept: [String: [String]] = [:]
    var identities: [String: String] = [:]
    var export: [String] = []
    do {
      let library = try Library(path: path, deviceID: "test")
      try fill(library)
      // What an export sends (it marks the library as exporting: read before the records).
      export = try exported(library)
      try library.writer.write { db in
        try Self.downgrade(db)
        kept = try Self.records(db)
        for row in try Row.fetchAll(db, sql: "SELECT uuid, globalIdentity FROM article") {
          identities[row["uuid"]] = row["globalIdentity"]
        }
      }
      #expect(identities.count == 5 && identities.values.allSatisfy { !$0.isEmpty })
    }
    let steps = Mutex<[String]>([])
    let library = try Library(path: path, deviceID: "test") { step, done, total in
      if done == total { steps.withLock { $0.append(step) } }
    }
    #expect(steps.withLock { $0 } == ["Deriving global identities"])
    #expect(try library.writer.read(Self.records) == kept)
    #expect(try exported(library) == export)
    try library.writer.read { db in
      // Only the global identities that are the article's identity went.
      let stored = try Row.fetchAll(
        db, sql: "SELECT uuid, identity, globalIdentity FROM article ORDER BY id")
      let derived = stored.map { ($0["globalIdentity"] as String?) == nil }
      let equal = stored.map { identities[$0["uuid"] as String] == ($0["identity"] as String) }
      #expect(derived == equal)
      #expect(derived.filter { $0 }.count == 4)
      for (uuid, identity) in identities {
        // Each article is found by its identity, and gives it back.
        #expect(try Library.localArticleUUID(db, identity: identity) == uuid)
        #expect(
          try String.fetchOne(
            db,
            sql: "SELECT \(DerivedGlobalIdentity.column("article")) FROM article WHERE uuid = ?",
            arguments: [uuid]) == identity)
      }
    }
    for (uuid, identity) in identities {
      #expect(try library.globalIdentity(ofArticle: uuid) == identity)
    }
  }

  @Test func aNewArticleStoresOnlyAnIdentityThatIsNotItsAddress() throws {
    let library = try Library.inMemory()
    try library.add(imported("Dal web", ["Testo."], source: "https://example.org/a"))
    try library.add(imported("Senza fonte", ["Altro testo."]))
    let stored = try library.writer.read { db in
      try Row.fetchAll(db, sql: "SELECT identity, globalIdentity, contentHash FROM article")
    }
    #expect(stored[0]["globalIdentity"] == nil)
    #expect(
      stored[1]["globalIdentity"] as String? == "sha256:" + (stored[1]["contentHash"] as String))
    // A second text keeps the identity of the first.
    let first: String = try #require(stored[1]["globalIdentity"])
    let uuid = try #require(
      try library.writer.read { db in
        try String.fetchOne(db, sql: "SELECT uuid FROM article WHERE id = 2")
      })
    #expect(try library.globalIdentity(ofArticle: uuid) == first)
  }

  /// The lookup by global identity reads indexes, not the whole table.
  @Test func theLookupByGlobalIdentityUsesIndexes() throws {
    let library = try Library.inMemory()
    try fill(library)
    let plan = try library.writer.read { db in
      try Row.fetchAll(
        db,
        sql: "EXPLAIN QUERY PLAN SELECT uuid FROM article WHERE \(DerivedGlobalIdentity.lookup)",
        arguments: ["https://example.org/1"]
      ).map { $0["detail"] as String }.joined(separator: "; ")
    }
    #expect(plan.contains("article_by_global_identity"))
    #expect(plan.contains("sqlite_autoindex_article_2"))
    #expect(!plan.contains("SCAN"))
  }
}
