import Foundation
import Testing

@testable import LeggioStore
import LeggioTestSupport

/// Notes exported from one library land on the same article in another that holds the
/// same text, whatever path or UUID it has there (issue 12).
@Suite struct CrossLibraryAnnotationImportTests {
  let paragraphs = [
    "Kim Jong Un si è detto pronto a «tenere Putin per mano» durante la visita.",
    "La Russia e la Corea del Nord hanno firmato un accordo di partenariato.",
  ]

  /// A library with the article from `path` and three notes on it.
  func annotatedLibrary(path: String) throws -> (Library, AnnotationArticle) {
    let library = try Library.inMemory()
    let id = try library.add(imported("Putin e Kim", paragraphs, source: path)).id
    let uuid = try #require(try library.summary(id: id)?.uuid)
    let article = try #require(try library.annotationArticle(uuid: uuid))
    return (library, article)
  }

  @Test(arguments: [AnnotationExportFormat.json, .w3c])
  func notesExportedFromOneLibraryAllArriveInAnotherHoldingTheSameTextFromAnotherPath(
    format: AnnotationExportFormat
  ) throws {
    // Given three notes in library A on a file from one path
    let (a, article) = try annotatedLibrary(path: "/home/anna/articoli/putin.txt")
    for (quote, note) in [("Putin", "chi"), ("accordo", "cosa"), ("Corea del Nord", "dove")] {
      try a.annotations.annotate(article, quote: quote, note: note)
    }
    let exported = try AnnotationExporter().export(
      try a.annotations.annotatedArticles(from: a), as: format)
    // And library B holding the same text, added from another path
    let (b, there) = try annotatedLibrary(path: "/Users/bruno/Downloads/copia.txt")
    #expect(there.uuid != article.uuid)
    // When the export is imported into B, articles found by identity
    let read = try AnnotationImporter { b.locateArticle($0) }.read(exported, source: "notes")
    let report = try b.annotations.merge(read.annotations)
    // Then every note arrived, on B's article
    #expect(read.skipped.isEmpty)
    #expect(report.inserted == 3)
    let notes = try b.annotations.annotations(articleUUID: there.uuid).map(\.note).sorted()
    #expect(notes == ["chi", "cosa", "dove"])
  }

  @Test func aWebPagesNotesFindItByItsAddressInAnotherLibrary() throws {
    let (a, article) = try annotatedLibrary(path: "http://www.cdt.ch/putin?utm_source=x")
    try a.annotations.annotate(article, quote: "Putin", note: "chi")
    let exported = try AnnotationExporter().json(try a.annotations.annotatedArticles(from: a))
    // B saved the same page over https, and its text has changed since
    let b = try Library.inMemory()
    try b.add(
      imported("Putin e Kim", paragraphs + ["Aggiornato."], source: "https://www.cdt.ch/putin"))
    let read = try AnnotationImporter { b.locateArticle($0) }.read(exported, source: "notes")
    #expect(read.annotations.count == 1)
    #expect(try b.annotations.merge(read.annotations).inserted == 1)
  }

  @Test func anotherToolsAnnotationFindsTheOnlyArticleHoldingItsQuote() throws {
    let (b, article) = try annotatedLibrary(path: "/b/putin.txt")
    let foreign = """
      {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "https://hypothes.is/a/1",
       "type": "Annotation", "bodyValue": "Da verificare",
       "target": {"source": "https://altrove.example/pagina",
                  "selector": {"type": "TextQuoteSelector", "exact": "tenere Putin per mano"}}}
      """
    let read = try AnnotationImporter { b.locateArticle($0) }.read(
      Data(foreign.utf8), source: "h.json")
    #expect(read.annotations.first?.articleUUID == article.uuid)
  }

  @Test func notesWhoseArticleIsNowhereAreSkippedNamingIt() throws {
    let (a, article) = try annotatedLibrary(path: "/a/putin.txt")
    try a.annotations.annotate(article, quote: "Putin", note: "chi")
    let exported = try AnnotationExporter().json(try a.annotations.annotatedArticles(from: a))
    let empty = try Library.inMemory()
    let read = try AnnotationImporter { empty.locateArticle($0) }.read(exported, source: "notes")
    #expect(read.annotations.isEmpty)
    #expect(read.skipped.first?.contains("Putin e Kim") == true)
  }
}
