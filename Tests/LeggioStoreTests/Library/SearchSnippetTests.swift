import Foundation
import Testing

@testable import LeggioStore
import LeggioTestSupport

@Suite struct SearchSnippetTests {
  private func marked(_ result: (String, [Range<Int>])?) -> [String] {
    guard let (snippet, marks) = result else { return [] }
    let scalars = Array(snippet.unicodeScalars)
    return marks.map { String(String.UnicodeScalarView(scalars[$0])) }
  }

  @Test func theWindowStartsAFewWordsBeforeTheFirstMatchAndMarksItsWords() throws {
    let text =
      "Uno due tre quattro cinque sei sette otto nove dieci undici. La Corea ha risposto "
      + "alle sanzioni con un nuovo lancio, e la Corea del Sud ha convocato il consiglio "
      + "di sicurezza nazionale per la seconda volta in una settimana."
    let snippet = SearchSnippet(query: "corea", prefixLast: true)
    let (shown, _) = try #require(snippet.snippet(of: text))
    #expect(shown.hasPrefix("…"))
    #expect(shown.hasSuffix("…"))
    #expect(shown.contains("La Corea ha risposto"))
    #expect(marked(snippet.snippet(of: text)) == ["Corea", "Corea"])
  }

  @Test func wordsCompareWithoutCaseOrAccentsAndTheLastAsAPrefix() {
    let snippet = SearchSnippet(query: "PIU sanz", prefixLast: true)
    #expect(
      marked(snippet.snippet(of: "Sempre più dure le sanzioni contro Mosca.")) == [
        "più", "sanzioni",
      ])
    let whole = SearchSnippet(query: "sanz ", prefixLast: true)
    #expect(whole.snippet(of: "le sanzioni") == nil)
  }

  @Test func aWordRepeatedAllThroughTheTextStillGivesOneShortSnippet() throws {
    let text = Array(repeating: "guerra", count: 40_000).joined(separator: " ")
    let snippet = SearchSnippet(query: "guerra", prefixLast: false)
    let (shown, marks) = try #require(snippet.snippet(of: text))
    #expect(marks.count == SearchSnippet.length)
    #expect(shown.split(separator: " ").count == SearchSnippet.length)
  }

  @Test func aTextWhoseWordsAreBeyondTheScanLimitGivesNoSnippet() {
    let filler = String(repeating: "a ", count: SearchSnippet.scanLimit)
    let snippet = SearchSnippet(query: "corea", prefixLast: false)
    #expect(snippet.snippet(of: filler + "Corea") == nil)
    #expect(snippet.opening(of: filler).hasSuffix("…"))
  }

  @Test func aHitInTheTitleOnlyShowsTheTitleMarked() throws {
    let library = try Library.inMemory()
    try library.add(imported("La Corea oggi", ["Cronaca breve di una giornata."]))
    let hit = try #require(try library.search("corea").first)
    #expect(hit.snippet == "La Corea oggi")
    #expect(hit.matches == [3..<8])
  }

  @Test func searchingAnArticleOfOneRepeatedWordGivesASnippetOfSixteenWords() throws {
    let library = try Library.inMemory()
    let body = Array(repeating: "parola", count: 50_000).joined(separator: " ")
    try library.add(imported("Ripetizioni", [body]))
    let hit = try #require(try library.search("parola").first)
    #expect(hit.matches.count == SearchSnippet.length)
  }
}
