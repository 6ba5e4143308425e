import Foundation
import GRDB
import LeggioModel
import Testing

@testable import LeggioStore
import LeggioTestSupport

/// Feed batches leave their articles for the search index (issue 17): whatever reads the
/// index indexes them first, so that no search ever misses one.
@Suite struct SearchPendingTests {
  func pending(_ library: Library) throws -> Int {
    try library.writer.read { try SearchIndex.pendingCount($0) }
  }

  func batch(_ count: Int, word: String = "nebbia") -> [ImportedArticle] {
    (0..<count).map {
      imported(
        "Cronaca \($0)", ["Quel ramo del lago di Como, \(word) numero \($0).", "Renzo e Lucia."],
        source: "https://example.org/cronaca/\($0)", byline: "Autore \($0 % 7)")
    }
  }

  @Test func aFeedBatchIsQueuedAndTheNextSearchFindsEveryArticle() throws {
    let library = try Library.inMemory()
    let ids = try library.addFeedArticles(batch(120))
    #expect(try pending(library) == 120)
    let hits = try library.search("nebbia", limit: 500)
    #expect(Set(hits.map(\.id)) == Set(ids))
    #expect(try pending(library) == 0)
    // Title, byline and a phrase are indexed as for any other article.
    #expect(try library.search("\"cronaca 17\"").map(\.id) == [ids[17]])
    #expect(
      try library.search("\"autore 3\"", limit: 500).count
        == ids.indices.filter { $0 % 7 == 3 }.count)
    try library.writer.write { db in
      try db.execute(
        sql: "INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 1)")
    }
    #expect(try library.integrityProblems().isEmpty)
  }

  @Test func aListFilteredByWordsFindsArticlesNotIndexedYet() throws {
    let library = try Library.inMemory()
    let ids = try library.addFeedArticles(batch(30, word: "ghiaccio"))
    #expect(try pending(library) == 30)
    let query = ArticleQuery(search: "ghiaccio")
    #expect(try library.count(query) == 30)
    #expect(Set(try library.summaries(query, offset: 0, limit: 100).map(\.id)) == Set(ids))
    #expect(try pending(library) == 0)
  }

  @Test func queuedArticlesAreNotReportedMissingFromTheIndex() throws {
    let library = try Library.inMemory()
    _ = try library.addFeedArticles(batch(10))
    #expect(try pending(library) == 10)
    #expect(try library.integrityProblems().isEmpty)
  }

  @Test func anArticleRemovedBeforeItIsIndexedIsNeitherFoundNorLeftBehind() throws {
    let library = try Library.inMemory()
    let ids = try library.addFeedArticles(batch(5))
    try library.remove(ids: [ids[2]])
    let found = try library.search("nebbia").map(\.id)
    #expect(Set(found) == Set(ids).subtracting([ids[2]]))
    #expect(try pending(library) == 0)
    #expect(try library.integrityProblems().isEmpty)
  }

  @Test func aLargeQueueIsIndexedInStepsWithProgress() throws {
    let library = try Library.inMemory()
    // Two batches, as two feeds would store them: 5,000 and then the rest in a step.
    let first = try library.addFeedArticles(batch(5200))
    let second = try library.addFeedArticles(
      batch(300, word: "neve").enumerated().map {
        var article = $1
        article.metadata.source = "https://example.org/neve/\($0)"
        return article
      })
    var steps: [(Int, Int)] = []
    try library.catchUpSearchIndex { steps.append(($0, $1)) }
    #expect(steps.map(\.0) == [5000, 5500])
    #expect(steps.allSatisfy { $0.1 == 5500 })
    #expect(try library.search("nebbia", limit: 10_000).count == first.count)
    #expect(Set(try library.search("neve", limit: 1000).map(\.id)) == Set(second))
  }

  @Test func aCatchUpWritesEachStepAsASegmentAndLeavesNoPageOfTheIndexFree() throws {
    let library = try Library.inMemory()
    // Merging as soon as two segments are there, and with leaves small enough that a
    // step writes many (FTS5 merges a little for every 64 leaves written), FTS5 would
    // merge the first step's segment into the second's and leave the pages of both free.
    try library.writer.write { db in
      try db.execute(sql: "INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', 2)")
      try db.execute(sql: "INSERT INTO article_fts (article_fts, rank) VALUES ('pgsz', 64)")
    }
    let before = try library.writer.read { try SearchIndex.segmentCount($0) }
    _ = try library.addFeedArticles(batch(5200))
    // The queue's own pages are freed as it empties; the index's must all be in use.
    let queuePages = try library.writer.read { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dbstat WHERE name = 'search_pending'") ?? 0
    }
    try library.catchUpSearchIndex()
    let (segments, freePages, automerge) = try library.writer.read { db in
      (
        try SearchIndex.segmentCount(db), try Int.fetchOne(db, sql: "PRAGMA freelist_count"),
        try Int.fetchOne(db, sql: "SELECT v FROM article_fts_config WHERE k = 'automerge'")
      )
    }
    #expect(segments == before + 2)
    #expect((freePages ?? 0) <= queuePages)
    #expect(automerge == 2)
    #expect(try library.search("nebbia", limit: 10_000).count == 5200)
    #expect(try library.integrityProblems().isEmpty)
  }

  @Test func articlesAddedOneByOneAreIndexedAtOnceAsBefore() throws {
    let library = try Library.inMemory()
    let id = try library.add(imported("Solo", ["La nebbia sul lago."])).id
    #expect(try pending(library) == 0)
    #expect(try library.search("nebbia").map(\.id) == [id])
  }
}
