import Foundation
import Testing

@testable import LeggioStore
import LeggioTestSupport

@Suite struct LibraryTombstoneTests {
  @Test func aRemovedArticleLeavesListsCountsTagsAndSearch() throws {
    // Given two tagged articles
    let library = try Library.inMemory()
    let kept = try library.add(imported("Resta", ["Nessuna guerra."]), tags: ["a"]).id
    let gone = try library.add(imported("Va via", ["Una guerra lontana."]), tags: ["b"]).id
    // When one is removed
    try library.remove(ids: [gone])
    // Then nothing shows it any more, and its data is still integral
    #expect(try library.summaries(ArticleQuery(), offset: 0, limit: 10).map(\.id) == [kept])
    #expect(try library.counts().total == 1)
    #expect(try library.allTags() == ["a"])
    #expect(try library.search("guerra").map(\.id) == [kept])
    #expect(try library.article(id: gone) == nil)
    #expect(try library.integrityProblems().isEmpty)
  }

  @Test func removingUnknownIdsNamesThemAndStillRemovesTheOthers() throws {
    let library = try Library.inMemory()
    let id = try library.add(imported("Uno", ["Testo."])).id
    #expect(throws: LibraryError.noSuchArticles(ids: [404, 405])) {
      try library.remove(ids: [404, id, 405])
    }
    #expect(try library.counts().total == 0)
  }

  @Test func importingARemovedArticleAgainBringsBackTheSameArticle() throws {
    let library = try Library.inMemory()
    let article = imported("Ritorno", ["Testo."], source: "/a.txt")
    let first = try library.add(article)
    let uuid = try #require(try library.article(id: first.id)).summary.uuid
    try library.remove(ids: [first.id])
    #expect(try library.add(article) == .added(first.id))
    #expect(try library.article(id: first.id)?.summary.uuid == uuid)
    #expect(try library.search("testo").map(\.id) == [first.id])
  }
}
