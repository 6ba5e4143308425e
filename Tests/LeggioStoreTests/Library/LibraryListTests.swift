import Foundation
import Testing

@testable import LeggioStore
import LeggioTestSupport

@Suite struct LibraryListTests {
  /// A library of `count` articles titled "Articolo 000"..., added in that order.
  private func library(of count: Int) throws -> Library {
    let library = try Library.inMemory()
    for n in 0..<count {
      try library.add(
        imported(String(format: "Articolo %03d", n), ["Testo numero \(n)."]),
        tags: n.isMultiple(of: 3) ? ["terzo"] : [])
    }
    return library
  }

  @Test func windowsOfTheListTileItWithoutGapsOrRepeats() throws {
    let library = try library(of: 25)
    let query = ArticleQuery(sort: .added)
    var seen: [Int64] = []
    for offset in stride(from: 0, to: 30, by: 10) {
      seen += try library.summaries(query, offset: offset, limit: 10).map(\.id)
    }
    #expect(seen.count == 25)
    #expect(Set(seen).count == 25)
    #expect(seen == seen.sorted(by: >))
    #expect(try library.count(query) == 25)
  }

  @Test func titlesSortIgnoringCaseAndAccents() throws {
    let library = try Library.inMemory()
    for title in ["zebra", "Èlite", "«Avanti»", "elica", "Bosco"] {
      try library.add(imported(title, ["Testo di \(title)."]))
    }
    let titles = try library.summaries(ArticleQuery(sort: .title), offset: 0, limit: 10)
      .map(\.title)
    #expect(titles == ["«Avanti»", "Bosco", "elica", "Èlite", "zebra"])
  }

  @Test func publishedSortsNewestFirstWithUndatedArticlesLast() throws {
    let library = try Library.inMemory()
    let day: TimeInterval = 86_400
    try library.add(imported("Senza data", ["a."]))
    try library.add(imported("Vecchio", ["b."], published: Date(timeIntervalSince1970: day)))
    try library.add(imported("Nuovo", ["c."], published: Date(timeIntervalSince1970: 9 * day)))
    let titles = try library.summaries(ArticleQuery(sort: .published), offset: 0, limit: 10)
      .map(\.title)
    #expect(titles == ["Nuovo", "Vecchio", "Senza data"])
  }

  @Test func readingMarksArticlesReadAndProgressSortsLeastReadFirst() throws {
    let library = try library(of: 3)
    let ids = try library.summaries(ArticleQuery(sort: .title), offset: 0, limit: 3).map(\.id)
    try library.saveReadingPosition(articleID: ids[0], offset: 40, progress: 0.9)
    try library.saveReadingPosition(articleID: ids[1], offset: 5, progress: 0.1)
    let byProgress = try library.summaries(ArticleQuery(sort: .progress), offset: 0, limit: 3)
    #expect(byProgress.map(\.id) == [ids[2], ids[1], ids[0]])
    #expect(try library.counts() == LibraryCounts(total: 3, unread: 1))
    let unread = try library.summaries(ArticleQuery(unreadOnly: true), offset: 0, limit: 3)
    #expect(unread.map(\.id) == [ids[2]])
    #expect(try library.article(id: ids[0])?.readingOffset == 40)
  }

  @Test func theTagFilterShowsOnlyTaggedArticles() throws {
    let library = try library(of: 9)
    let query = ArticleQuery(tag: "TERZO", sort: .title)
    #expect(try library.count(query) == 3)
    #expect(
      try library.summaries(query, offset: 0, limit: 9).map(\.title)
        == ["Articolo 000", "Articolo 003", "Articolo 006"])
  }
}
