import Foundation
import GRDB
import LeggioModel
import Testing

@testable import LeggioStore
import LeggioTestSupport

/// A feed batch stores its articles through staging tables and indexes them at once
/// (issue 17): every record is the one a single add makes, and every other write is
/// still indexed row by row.
@Suite struct FeedBatchStoreTests {
  @Test func aBatchStoresEveryArticleVersionAndTagAsASingleAddWould() throws {
    let library = try Library.inMemory()
    // Exported once, so that changes are recorded row by row (before the first export
    // every record counts as changed and none is listed: `SyncChangeTracking`).
    try library.markExported(through: library.syncChanges().watermark)
    var tagged = imported("Con etichette", ["Il lago."], source: "HTTPS://Example.org/tag")
    tagged.metadata.tags = ["Lago", "Como"]
    let ids = try library.addFeedArticles(
      [tagged, imported("Senza fonte", ["Una riga sola."]), imported("Terzo", ["Altro testo."])])
    #expect(Set(ids).count == 3)
    let single = try library.add(imported("Senza fonte", ["Un'altra riga."])).id
    try library.writer.read { db in
      // Each article has its version and the global identity the trigger would give it.
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT a.id, a.identity, \(DerivedGlobalIdentity.column("a")) AS globalIdentity,
            a.globalIdentity AS stored, a.contentHash, v.contentHash AS versionHash
          FROM article a JOIN article_version v ON v.articleId = a.id ORDER BY a.id
          """)
      #expect(rows.map { $0["id"] as Int64 } == ids + [single])
      for row in rows {
        #expect(row["contentHash"] as String == row["versionHash"] as String)
        let identity: String = row["identity"]
        let expected =
          identity.lowercased().hasPrefix("https://")
          ? identity : "sha256:" + (row["contentHash"] as String)
        #expect(row["globalIdentity"] as String == expected)
        // A web address is not stored a second time (`DerivedGlobalIdentity`).
        let stored: String? = row["stored"]
        let storedExpected: String? = expected.hasPrefix("https://") ? nil : expected
        #expect(stored == storedExpected)
      }
      let tags = try String.fetchAll(
        db,
        sql: "SELECT tag FROM article_tag WHERE articleId = ? ORDER BY tag", arguments: [ids[0]])
      #expect(tags == ["Como", "Lago"])
      // Sync sees every new article and tag.
      let dirty = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sync_dirty") ?? 0
      #expect(dirty == 4 + 2)
      // Nothing is left staged, and the insert triggers are on again.
      for table in [
        "temp.stage_article", "temp.stage_version", "temp.stage_tag", "article_search_batch",
      ] {
        #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") == 0)
      }
    }
  }

  @Test func writesAfterABatchAreStillIndexedOneByOne() throws {
    let library = try Library.inMemory()
    let ids = try library.addFeedArticles([
      imported("Nebbia", ["La nebbia sul lago."], source: "https://e.org/1"),
      imported("Sole", ["Il sole sul mare."], source: "https://e.org/2"),
    ])
    let added = try library.add(imported("Neve", ["La neve sul monte."])).id
    #expect(try library.search("neve").map(\.id) == [added])
    // A new text for a batch's article replaces its words in the index.
    try library.add(imported("Nebbia", ["Il vento sul lago."], source: "https://e.org/1"))
    #expect(try library.search("nebbia").map(\.id) == [ids[0]])
    #expect(try library.search("vento").map(\.id) == [ids[0]])
    #expect(try library.search("\"nebbia sul\"").isEmpty)
    try library.remove(ids: [ids[1]])
    #expect(try library.search("sole").isEmpty)
    try library.writer.write { db in
      try db.execute(
        sql: "INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 1)")
      let (missing, stray) = try SearchIndex.problems(db)
      #expect(missing.isEmpty && stray.isEmpty)
    }
  }

  @Test func aBatchOfManyChunksKeepsTheItemsOrderAndRepeats() throws {
    let library = try Library.inMemory()
    // 250 items over three prepared chunks, the same link in the first and the last.
    var articles = (0..<250).map {
      imported("Voce \($0)", ["Testo \($0) del lago."], source: "https://e.org/\($0)")
    }
    articles.append(imported("Voce 0 ancora", ["Altro."], source: "https://e.org/0"))
    let ids = try library.addFeedArticles(articles)
    #expect(ids.count == 251)
    #expect(ids.last == ids.first)
    #expect(Array(ids.dropLast()) == Array(ids.dropLast()).sorted())
    #expect(Set(ids).count == 250)
    #expect(try library.search("voce", limit: 1000).count == 250)
  }
}
