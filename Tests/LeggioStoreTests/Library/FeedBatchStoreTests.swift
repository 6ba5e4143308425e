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

  @Test func aBatchNeverGivesANewArticleTheIdOfOneDeletedForGood() throws {
    let library = try Library.inMemory()
    let first = try library.addFeedArticles([
      imported("Uno", ["Il primo."], source: "https://e.org/1"),
      imported("Due", ["Il secondo."], source: "https://e.org/2"),
    ])
    // The newest article leaves the library for good, as the emptied bin takes it.
    try library.writer.write { db in
      try db.execute(sql: "DELETE FROM article WHERE id = ?", arguments: [first[1]])
    }
    let ids = try library.addFeedArticles([
      imported("Tre", ["Il terzo."], source: "https://e.org/3"),
      imported("Uno di nuovo", ["Il primo."], source: "https://e.org/1"),
      imported("Quattro", ["Il quarto."], source: "https://e.org/4"),
    ])
    #expect(ids[0] > first[1])
    #expect(ids[1] == first[0])
    #expect(ids[2] == ids[0] + 1)
    // Each id names the article stored for its item, with its version and tags.
    try library.writer.read { db in
      let titles = try String.fetchAll(
        db,
        sql: """
          SELECT a.title FROM article a JOIN article_version v ON v.articleId = a.id
          WHERE a.id IN (?, ?) ORDER BY a.id
          """, arguments: [ids[0], ids[2]])
      #expect(titles == ["Tre", "Quattro"])
    }
  }

  @Test func aFeedsItemsAreRecordedWithTheirArticlesOrNotAtAll() throws {
    let library = try Library.inMemory()
    let feed = try library.feedStore.add(url: "https://e.org/feed.xml")
    let articles = [
      imported("Lago", ["Il lago."], source: "https://e.org/lago"),
      imported("Monte", ["Il monte."], source: "https://e.org/monte"),
    ]
    func records(feedID: Int64) -> ([Int64]) -> [FeedItemRecord] {
      { ids in
        zip(["lago", "monte"], ids).map {
          FeedItemRecord(
            feedId: feedID, identity: $0, link: nil, title: nil, published: nil, articleID: $1)
        }
      }
    }
    // Records that cannot be stored (no such feed) take their articles with them.
    #expect(throws: (any Error).self) {
      try library.addFeedArticles(
        PreparedFeedArticles(articles, for: library), recording: records(feedID: 999))
    }
    #expect(
      try library.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM article") } == 0)
    let stored = try library.addFeedArticles(
      PreparedFeedArticles(articles, for: library), recording: records(feedID: feed.id!))
    #expect(stored.recorded == 2)
    let kept = try library.writer.read { db in
      try Int64.fetchAll(
        db, sql: "SELECT articleID FROM feed_items WHERE feedId = ? ORDER BY identity",
        arguments: [feed.id!])
    }
    #expect(kept == stored.ids)
    // Items recorded before are not counted again.
    let again = try library.addFeedArticles(
      PreparedFeedArticles(articles, for: library), recording: records(feedID: feed.id!))
    #expect(again.ids == stored.ids && again.recorded == 0)
    #expect(library.holds(library.feedStore))
    #expect(!library.holds(try Library.inMemory().feedStore))
  }
}
