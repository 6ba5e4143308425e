import Foundation
import LeggioTestSupport
import Testing

@testable import LeggioImport

/// Every XML Leggio reads goes through one policy; these are the attacks it answers.
@Suite struct XMLReadingPolicyTests {
  static let billionLaughs: String = {
    var entities = "<!ENTITY lol \"lol\">"
    for level in 1...9 {
      let previous = level == 1 ? "lol" : "lol\(level - 1)"
      entities += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
    }
    return entities
  }()

  @Test func nestedEntitiesAreRefusedBeforeParsing() {
    let text = "<!DOCTYPE x [\(Self.billionLaughs)]><x>&lol9;</x>"
    #expect(
      XMLEntityDeclarations.refusal(in: Array(text.utf8))
        == "it declares entities that expand other entities")
  }

  @Test func parameterEntitiesAndTooManyDeclarationsAreRefused() {
    #expect(
      XMLEntityDeclarations.refusal(in: Array("<!DOCTYPE x [<!ENTITY % p \"x\">]><x/>".utf8))
        == "it declares parameter entities")
    let many = (0..<65).map { "<!ENTITY e\($0) \"v\">" }.joined()
    #expect(
      XMLEntityDeclarations.refusal(in: Array("<!DOCTYPE x [\(many)]><x/>".utf8))
        == "it declares more than 64 entities")
  }

  @Test func plainDeclarationsAndCharacterReferencesPass() {
    #expect(XMLEntityDeclarations.refusal(in: Array("<x>plain</x>".utf8)) == nil)
    let plain = "<!DOCTYPE x [<!ENTITY nbsp \"&#160;\"><!ENTITY h \"Hello\">]><x>&h;&nbsp;</x>"
    #expect(XMLEntityDeclarations.refusal(in: Array(plain.utf8)) == nil)
    let nested = "<!DOCTYPE x [<!ENTITY a \"&#160;&h;\">]><x>&a;</x>"
    #expect(XMLEntityDeclarations.refusal(in: Array(nested.utf8)) != nil)
  }

  @Test func aBookWhosePackageDocumentIsAnEntityBombIsRefusedInOneLine() throws {
    var book = EPUBFixture.book(chapters: [("One", "<h1>One</h1><p>Text.</p>")])
    book.edit("OEBPS/content.opf") {
      $0.replacingOccurrences(
        of: "<package", with: "<!DOCTYPE package [\(Self.billionLaughs)]><package"
      )
      .replacingOccurrences(of: "A Test Book", with: "&lol9;")
    }
    let data = try book.zipData()
    do {
      _ = try ArticleImporter.importData(data, name: "bomb.epub")
      Issue.record("the entity bomb was read")
    } catch let error as EPUBError {
      guard case .tooLarge(_, let detail) = error else {
        Issue.record("refused as \(error), not as too large")
        return
      }
      #expect(detail == "in its package document, it declares entities that expand other entities")
      #expect(!error.localizedDescription.contains("\n"))
    }
  }

  @Test func aBooksNavigationWithAQuadraticEntityStaysWithinTheBudget() {
    // One 60 KB entity used 2,000 times would be 120 MB; the builder stops at the budget.
    let value = String(repeating: "x", count: 60_000)
    let uses = String(repeating: "&big;", count: 2_000)
    let text = "<!DOCTYPE ncx [<!ENTITY big \"\(value)\">]><ncx><text>\(uses)</text></ncx>"
    let root = EPUBXML.parse(Data(text.utf8))
    let kept = root?.text.utf8.count ?? 0
    #expect(kept <= XMLReadingPolicy.entityBudget(forInputBytes: text.utf8.count))
  }
}
