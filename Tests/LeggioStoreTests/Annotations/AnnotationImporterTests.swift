import Foundation
import Testing

@testable import LeggioStore
import LeggioTestSupport

@Suite struct AnnotationImporterTests {
  /// An annotation as another tool (Hypothesis-like) writes it: an http id, the page's
  /// address as source, the note as `bodyValue`, no position.
  let foreign = """
    {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      "id": "https://hypothes.is/a/Zx81",
      "type": "Annotation",
      "bodyValue": "Da verificare",
      "created": "2024-03-01T10:00:00Z",
      "target": {
        "source": "https://www.cdt.ch/news/mondo/putin-kim",
        "selector": {"type": "TextQuoteSelector", "exact": "tenere Putin per mano",
                     "prefix": "pronto a «", "suffix": "», così"}
      }
    }
    """
  let article = "0190f5b2-7c1e-7a00-8000-00000000a001"

  @Test func otherToolsAnnotationIsReadThroughTheLibrarysArticleForItsAddress() throws {
    let article = self.article
    let importer = AnnotationImporter {
      $0 == "https://www.cdt.ch/news/mondo/putin-kim" ? article : nil
    }
    let read = try importer.read(Data(foreign.utf8), source: "hypothesis.json")
    #expect(read.format == .w3c)
    let annotation = try #require(read.annotations.first)
    #expect(annotation.articleUUID == article)
    #expect(annotation.kind == .note)
    #expect(annotation.note == "Da verificare")
    #expect(annotation.anchor.quote == "tenere Putin per mano")
    #expect(annotation.anchor.textHash == "")
    #expect(annotation.createdAt == Date(timeIntervalSince1970: 1_709_287_200))
    // The same file read again gives the same identity, so it is not imported twice.
    let again = try importer.read(Data(foreign.utf8), source: "hypothesis.json")
    #expect(again.annotations.first?.uuid == annotation.uuid)
    #expect(UUID(uuidString: annotation.uuid) != nil)
  }

  @Test func annotationOnAPageNotInTheLibraryIsSkippedWithItsAddress() throws {
    let read = try AnnotationImporter().read(Data(foreign.utf8), source: "hypothesis.json")
    #expect(read.annotations.isEmpty)
    #expect(read.skipped.first?.contains("https://www.cdt.ch/news/mondo/putin-kim") == true)
    #expect(read.skipped.first?.contains("hypothesis.json") == true)
  }

  @Test func fileThatIsNotJSONIsRefusedByName() {
    #expect(
      throws: AnnotationError.unreadableImport(source: "notes.txt", reason: "it is not valid JSON")
    ) {
      try AnnotationImporter().read(Data("- una nota".utf8), source: "notes.txt")
    }
  }

  @Test func jsonOfAnotherKindIsRefusedSayingWhatWasExpected() {
    #expect {
      try AnnotationImporter().read(Data(#"{"items": 3}"#.utf8), source: "feed.json")
    } throws: { error in
      (error as? AnnotationError)?.errorDescription?.contains("feed.json is not a Leggio JSON")
        == true
    }
  }

  @Test func leggioJSONWithABadColourIsReportedNotImported() throws {
    let data = try AnnotationJSON.encode(try AnnotationExportTests.annotatedArticle().annotations)
    let text = String(decoding: data, as: UTF8.self).replacingOccurrences(
      of: "\"color\" : 2", with: "\"color\" : 9")
    let read = try AnnotationImporter().read(Data(text.utf8), source: "bad.json")
    #expect(read.annotations.count == 2)
    #expect(read.skipped == [AnnotationError.invalidColor(9).localizedDescription])
  }
}
