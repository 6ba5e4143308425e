import Foundation
import Testing

@testable import LeggioStore

/// The library's side of annotating, for these tests: articles held in memory.
struct ArticlesInMemory: AnnotationArticleSource {
  var articles: [AnnotationArticle]

  func annotationArticle(uuid: String) throws -> AnnotationArticle? {
    articles.first { $0.uuid == uuid }
  }

  func articleUUID(forSource source: String) throws -> String? {
    articles.first { $0.source == source }?.uuid
  }
}

@Suite struct AnnotateByQuoteTests {
  typealias DB = AnnotationTestDatabase
  typealias F = AnnotationFixtures

  func reference() throws -> AnnotationArticle {
    AnnotationArticle(
      uuid: "article-a", title: "Quell'amicizia tra Putin e Kim Jong-un",
      source: "https://www.cdt.ch/a", text: try F.referenceArticle(), textHash: "h1")
  }

  @Test func quoteIsHighlightedAtItsOccurrenceWithNoteAndColour() throws {
    let store = AnnotationStore(try DB.queue())
    let article = try reference()
    let note = try store.annotate(
      article, quote: "tenere Putin per mano", note: "alleati?", color: AnnotationColor.checked(2))
    #expect(note.kind == .note)
    #expect(note.anchor.range == F.range(of: "tenere Putin per mano", in: article.text))
    #expect(note.color?.rawValue == 2)
    let second = try store.annotate(article, quote: "Kim Jong-un", occurrence: 2)
    #expect(second.kind == .highlight)
    #expect(second.anchor.range == F.range(of: "Kim Jong-un", in: article.text, occurrence: 2))
    #expect(try store.annotations(articleUUID: "article-a").count == 2)
  }

  @Test func quoteNotInTheArticleOrTooFewTimesIsRefused() throws {
    let store = AnnotationStore(try DB.queue())
    let article = try reference()
    #expect(throws: AnnotationError.quoteNotFound("Biden", occurrence: 1)) {
      try store.annotate(article, quote: "Biden")
    }
    #expect(throws: AnnotationError.quoteNotFound("tenere Putin per mano", occurrence: 2)) {
      try store.annotate(article, quote: "tenere Putin per mano", occurrence: 2)
    }
  }

  @Test func bookmarkKeepsItsOffsetAndName() throws {
    let store = AnnotationStore(try DB.queue())
    let article = try reference()
    let offset = try #require(F.range(of: "Oggi, a distanza", in: article.text)).lowerBound
    let bookmark = try store.bookmark(article, offset: offset, name: "qui")
    #expect(bookmark.kind == .bookmark)
    #expect(bookmark.anchor.start == offset)
    #expect(bookmark.anchor.quote.hasPrefix("Oggi, a distanza"))
    #expect(bookmark.name == "qui")
    #expect(bookmark.color == nil)
    #expect(throws: AnnotationError.self) {
      try store.bookmark(article, offset: article.text.unicodeScalars.count, name: nil)
    }
  }

  @Test func exportGathersArticlesNewestFirstAndPassagesInReadingOrder() throws {
    let store = AnnotationStore(try DB.queue())
    let first = try reference()
    var second = first
    second.uuid = "article-b"
    second.title = "Seconda"
    let start = Date(timeIntervalSince1970: 1_750_000_000)
    try store.annotate(first, quote: "Kim Jong-un", occurrence: 3, now: start)
    try store.annotate(first, quote: "Vladimir Putin", now: start + 1)
    try store.annotate(second, quote: "Russia", now: start + 2)
    let articles = try store.annotatedArticles(from: ArticlesInMemory(articles: [first, second]))
    #expect(articles.map(\.title) == ["Seconda", first.title])
    #expect(articles[1].annotations.map(\.anchor.quote) == ["Vladimir Putin", "Kim Jong-un"])
    #expect(articles[1].source == "https://www.cdt.ch/a")
  }
}
