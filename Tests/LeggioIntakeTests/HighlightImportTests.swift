import Foundation
import LeggioImport
import LeggioIntake
import LeggioModel
import LeggioStore
import LeggioTestSupport
import Testing

/// Highlights from exports land on their quotes in the article's text; those whose
/// passage is not there are kept, orphaned, with their quote.
@Suite struct HighlightImportTests {
  /// The quoted passage of each live annotation of article `id`, as the text has it.
  func placedQuotes(_ library: Library, id: Int64) throws -> [(quote: String, placed: String?)] {
    let uuid = try #require(try library.articleUUID(reference: String(id)))
    let article = try #require(try library.annotationArticle(uuid: uuid))
    let scalars = Array(article.text.unicodeScalars)
    return try library.annotations.annotations(AnnotationFilter(articleUUID: uuid)).map {
      annotation in
      guard !annotation.isOrphaned else { return (annotation.anchor.quote, nil) }
      let range = annotation.anchor.start..<annotation.anchor.end
      return (
        annotation.anchor.quote,
        String(String.UnicodeScalarView(scalars[range]))
      )
    }
  }

  @Test func omnivoreHighlightsLandOnTheirQuotes() throws {
    let directory = try IntakeFixtures.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let zip = try OmnivoreExportSample.write(in: directory)
    let library = try Library.inMemory()
    let summary = try ExportImport(library: library).run(path: zip.path)
    #expect(Counts(summary) == Counts(added: 1, pending: 1))
    let id = try #require(try library.entries(ArticleQuery(search: "premier")).first?.summary.id)
    let quotes = try placedQuotes(library, id: id)
    #expect(quotes.count == 3)
    for (quote, placed) in quotes where quote != "a passage the text does not have" {
      #expect(placed == quote)
    }
    #expect(quotes.contains { $0.quote == "a passage the text does not have" && $0.placed == nil })
    let note = try library.annotations.annotations(AnnotationFilter()).first { $0.hasNote }
    #expect(note?.note == "Une note\nsur deux lignes")
    #expect(note?.kind == .note)

    let again = try ExportImport(library: library).run(path: zip.path)
    #expect(Counts(again) == Counts(already: 2))
    #expect(try library.annotations.annotations(AnnotationFilter()).count == 3)
  }

  @Test func wallabagAnnotationsArePlacedAndNotDropped() throws {
    let library = try Library.inMemory()
    let summary = try IntakeFixtures.importText(
      """
      [{"title":"Annotated","url":"https://example.com/annotated","is_archived":0,"is_starred":0,
        "content":"<p>First paragraph of the piece.</p><p>Second paragraph, with the important words in it.</p>",
        "tags":[],
        "annotations":[{"text":"why it matters","quote":"the important words","ranges":[{"start":"/p[2]","startOffset":"17","end":"/p[2]","endOffset":"36"}]}]}]
      """, name: "wallabag.json", into: library, as: .wallabag)
    #expect(Counts(summary) == Counts(added: 1))
    let quotes = try placedQuotes(library, id: summary.ids[0])
    #expect(quotes.map(\.placed) == ["the important words"])
  }

  @Test func readwiseHighlightsFindTheirArticleByTitleInTheLibrary() throws {
    let library = try Library.inMemory()
    try library.add(
      ImportedArticle(
        metadata: ArticleMetadata(
          title: "A Long Read", byline: "Jane Doe", source: "https://example.com/long"),
        document: Document(blocks: [
          Block(.paragraph, text: "It begins here, and the best line is this one.")
        ])))
    let summary = try IntakeFixtures.importText(
      """
      Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,Location Type,Location,Highlighted at,Document tags
      the best line is this one,a long read,Jane Doe,,,yellow,,,,,
      nowhere to be found,Unknown Book,Nobody,,,,,,,,
      """, name: "readwise-highlights.csv", into: library)
    #expect(summary.highlightsMatched == 1)
    #expect(summary.failures.map(\.entry) == ["readwise-highlights.csv line 3"])
    let id = try #require(try library.entries(ArticleQuery()).first?.summary.id)
    #expect(try placedQuotes(library, id: id).map(\.placed) == ["the best line is this one"])
  }
}
