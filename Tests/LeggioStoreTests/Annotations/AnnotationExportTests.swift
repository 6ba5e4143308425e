import Foundation
import Testing

@testable import LeggioStore

@Suite struct AnnotationExportTests {
  typealias DB = AnnotationTestDatabase
  typealias F = AnnotationFixtures
  static let article = "0190f5b2-7c1e-7a00-8000-00000000a001"
  static let created = Date(timeIntervalSince1970: 1_764_200_000.123)

  /// The reference article with a note, a bookmark and a highlight.
  static func annotatedArticle() throws -> AnnotatedArticle {
    let text = try F.referenceArticle()
    let passage = try #require(F.range(of: "tenere Putin per mano", in: text))
    let note = Annotation(
      uuid: "0190f5b2-7c1e-7a00-8000-00000000000a", articleUUID: article, kind: .note,
      anchor: try TextAnchor.make(in: text, range: passage, textHash: "h1"),
      note: "Alleanza o\nsottomissione?", color: try AnnotationColor.checked(2),
      tags: ["russia", "corea del nord"], createdAt: created, updatedAt: created + 90)
    let bookmark = Annotation(
      uuid: "0190f5b2-7c1e-7a00-8000-00000000000b", articleUUID: article, kind: .bookmark,
      anchor: try TextAnchor.bookmark(in: text, at: 0, textHash: "h1"), name: "inizio",
      createdAt: created + 1)
    let lettera = try #require(F.range(of: "lettera scritta dal leader", in: text))
    let highlight = Annotation(
      uuid: "0190f5b2-7c1e-7a00-8000-00000000000c", articleUUID: article, kind: .highlight,
      anchor: try TextAnchor.make(in: text, range: lettera, textHash: "h1"),
      color: try AnnotationColor.checked(5), isOrphaned: true, createdAt: created + 2)
    return AnnotatedArticle(
      uuid: article, title: "Quell'amicizia tra Putin e Kim Jong-un",
      source: "https://www.cdt.ch/news/mondo/putin-kim",
      published: Date(timeIntervalSince1970: 1_692_210_240),
      annotations: [bookmark, note, highlight])
  }

  @Test func markdownHasTitleSourceDateQuotesNotesColoursAndLinksBack() throws {
    let article = try Self.annotatedArticle()
    let markdown = AnnotationExporter().markdown([article])
    let start = article.annotations[1].anchor.start
    let expected = """
      ## Quell'amicizia tra Putin e Kim Jong-un

      Source: https://www.cdt.ch/news/mondo/putin-kim · Published: 2023-08-16 · [Open in Leggio](leggio://article/\(Self.article))

      """
    #expect(markdown.contains(expected))
    let note = """

      > tenere Putin per mano

      Alleanza o
      sottomissione?

      Note, colour 2 (green) · #russia #corea-del-nord · 2025-11-26 · [Open at the passage](leggio://article/\(Self.article)#\(start))

      """
    #expect(markdown.contains(note))
    #expect(markdown.contains("**Bookmark: inizio**\n\n> Relazioni strategiche\n"))
    #expect(markdown.contains("not found in the current text"))
  }

  @Test func markdownNeverCarriesControlCharactersFromNotes() throws {
    var article = try Self.annotatedArticle()
    article.annotations[1].note = "ciao\u{1B}[2J\u{7}mondo\u{202E}"
    let markdown = AnnotationExporter().markdown([article])
    #expect(markdown.contains("ciao[2Jmondo"))
    #expect(!markdown.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    #expect(!markdown.unicodeScalars.contains { $0.value == 0x202E })
  }

  @Test func annotationsJSONObjectsHaveTheDocumentedFields() throws {
    let article = try Self.annotatedArticle()
    let data = try AnnotationJSON.encode(article.annotations)
    let objects = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    let fields: Set = [
      "id", "articleId", "kind", "start", "end", "quote", "prefix", "suffix", "note", "color",
      "orphaned", "createdAt", "updatedAt",
    ]
    for object in objects { #expect(fields.isSubset(of: Set(object.keys))) }
    let note = objects[1]
    #expect(note["id"] as? String == "0190f5b2-7c1e-7a00-8000-00000000000a")
    #expect(note["articleId"] as? String == Self.article)
    #expect(note["kind"] as? String == "note")
    #expect(note["quote"] as? String == "tenere Putin per mano")
    #expect(note["start"] as? Int == article.annotations[1].anchor.start)
    #expect(note["color"] as? Int == 2)
    #expect(note["createdAt"] as? String == "2025-11-26T23:33:20.123Z")
    #expect(objects[0]["color"] is NSNull)
    #expect(objects[2]["orphaned"] as? Bool == true)
  }

  @Test func leggioJSONExportNamesItsFormatAndArticles() throws {
    let data = try AnnotationExporter(now: Self.created).json([try Self.annotatedArticle()])
    let document = try JSONDecoder().decode(AnnotationJSONDocument.self, from: data)
    #expect(document.format == "leggio-annotations")
    #expect(document.version == 1)
    #expect(document.articles.first?.title == "Quell'amicizia tra Putin e Kim Jong-un")
    #expect(document.articles.first?.annotations.count == 3)
  }
}
