import Foundation
import Testing

@testable import LeggioStore
import LeggioTestSupport

@Suite struct TagCleaningTests {
  @Test func tagsDifferingOnlyByInvisibleCharactersOrNormalFormAreOneTag() throws {
    let library = try Library.inMemory()
    let id = try library.add(imported("Titolo", ["Testo."])).id
    try library.tag(
      id: id, ["esteri", "es\u{200B}teri", "\u{FEFF}esteri", "citta\u{300}", "città"])
    #expect(try library.article(id: id)?.summary.tags.sorted() == ["città", "esteri"])
  }

  @Test func aHugeTagIsCutToAName() throws {
    let huge = String(repeating: "parola ", count: 15_000)
    let cleaned = try Library.cleanTag(huge)
    #expect(cleaned.count <= Library.maximumTagLength)
    #expect(cleaned.hasPrefix("parola parola"))
    #expect(!cleaned.hasSuffix(" "))
  }

  @Test func aTagOfNothingVisibleIsRefused() {
    #expect(throws: LibraryError.self) { try Library.cleanTag("\u{200B} \u{FEFF}\u{7F}") }
  }

  /// A feed batch cleans each distinct category once: what it gives is `cleanTag`'s,
  /// a category that makes no tag included, however often each comes.
  @Test func aBatchCleansEachCategoryAsCleanTagDoes() {
    var cleaner = TagCleaner()
    let categories = ["Cronaca", "es\u{200B}teri", "\u{200B} \u{FEFF}\u{7F}", "citta\u{300}"]
    for _ in 0..<3 {
      for category in categories {
        #expect(cleaner.clean(category) == (try? Library.cleanTag(category)), "\(category)")
      }
    }
  }
}
