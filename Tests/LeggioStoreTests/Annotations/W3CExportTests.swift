import Foundation
import Testing

@testable import LeggioStore

/// The W3C export checked against the Web Annotation Data Model's MUSTs
/// (https://www.w3.org/TR/annotation-model/).
@Suite struct W3CExportTests {
  static let motivations: Set = [
    "assessing", "bookmarking", "classifying", "commenting", "describing", "editing",
    "highlighting", "identifying", "linking", "moderating", "questioning", "replying", "tagging",
  ]

  func items() throws -> (collection: [String: Any], items: [[String: Any]]) {
    let article = try AnnotationExportTests.annotatedArticle()
    let data = try AnnotationExporter().w3c([article])
    let collection = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let page = try #require(collection["first"] as? [String: Any])
    return (collection, try #require(page["items"] as? [[String: Any]]))
  }

  @Test func collectionIsAnAnnotationCollectionWithOnePage() throws {
    let (collection, items) = try items()
    #expect(collection["@context"] as? String == "http://www.w3.org/ns/anno.jsonld")
    #expect(collection["type"] as? String == "AnnotationCollection")
    #expect(collection["total"] as? Int == items.count)
    #expect((collection["first"] as? [String: Any])?["type"] as? String == "AnnotationPage")
    #expect(items.count == 3)
  }

  @Test func everyAnnotationHasTheModelsRequiredFields() throws {
    for item in try items().items {
      #expect(item["@context"] as? String == "http://www.w3.org/ns/anno.jsonld")
      let id = try #require(item["id"] as? String)
      #expect(id.hasPrefix("urn:uuid:") && UUID(uuidString: String(id.dropFirst(9))) != nil)
      #expect(item["type"] as? String == "Annotation")
      #expect(Self.motivations.contains(item["motivation"] as? String ?? ""))
      for key in ["created", "modified"] {
        #expect(ExportFormatting.date(item[key] as? String ?? "") != nil, "\(key) is xsd:dateTime")
      }
      let target = try #require(item["target"] as? [String: Any])
      #expect(target["source"] is String)
      let selectors = try #require(target["selector"] as? [[String: Any]])
      let quote = try #require(selectors.first { $0["type"] as? String == "TextQuoteSelector" })
      #expect((quote["exact"] as? String)?.isEmpty == false)
      #expect(quote["prefix"] is String && quote["suffix"] is String)
      let position = try #require(
        selectors.first { $0["type"] as? String == "TextPositionSelector" })
      let start = try #require(position["start"] as? Int)
      let end = try #require(position["end"] as? Int)
      #expect(start >= 0 && end >= start)
      for body in item["body"] as? [[String: Any]] ?? [] {
        #expect(body["type"] as? String == "TextualBody")
        #expect(body["value"] is String)
      }
    }
  }

  @Test func noteBecomesACommentingTextualBodyAndTagsTaggingBodies() throws {
    let note = try #require(try items().items.first { $0["motivation"] as? String == "commenting" })
    let bodies = try #require(note["body"] as? [[String: Any]])
    #expect(bodies.first?["value"] as? String == "Alleanza o\nsottomissione?")
    #expect(bodies.first?["purpose"] as? String == "commenting")
    #expect(
      bodies.filter { $0["purpose"] as? String == "tagging" }.compactMap { $0["value"] as? String }
        == ["russia", "corea del nord"])
    let target = try #require(note["target"] as? [String: Any])
    #expect(target["source"] as? String == "https://www.cdt.ch/news/mondo/putin-kim")
    #expect(target["styleClass"] as? String == "leggio-color-2")
  }

  @Test func articleWithoutAWebAddressIsTargetedByItsUUID() throws {
    var article = try AnnotationExportTests.annotatedArticle()
    article.source = "/home/me/articolo.txt"
    let data = try AnnotationExporter().w3c([article])
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"source\" : \"urn:uuid:\(AnnotationExportTests.article)\""))
  }
}
