import Foundation
import LeggioModel
import Testing

@testable import LeggioLayout

/// Whether libhyphen and the Italian and English dictionaries are installed
/// (`scripts/install-deps` installs them); without them Leggio sets pages unhyphenated.
let hyphenationInstalled =
  HyphenDictionary.forLanguage("it") != nil && HyphenDictionary.forLanguage("en") != nil

/// The breaks of `word`: how many characters come before each, and whether a hyphen is
/// drawn there.
func breaks(_ word: String, language: String) -> [(before: Int, hyphen: Bool)] {
  guard let hyphenator = Hyphenator(language: language) else { return [] }
  var text = ClusterBuffer()
  text.append(word, Segment(role: .text, isSource: true))
  var breaks: [Hyphenator.Break] = []
  hyphenator.breaks(in: text, 0..<text.count, into: &breaks)
  return breaks.map { ($0.end, $0.hyphen) }
}

/// `word` with its breaks marked: "-" where a hyphen is drawn, "|" where the line ends
/// after an elided article's apostrophe.
func hyphenated(_ word: String, language: String) -> String {
  guard let hyphenator = Hyphenator(language: language) else { return word }
  var text = ClusterBuffer()
  text.append(word, Segment(role: .text, isSource: true))
  var breaks: [Hyphenator.Break] = []
  hyphenator.breaks(in: text, 0..<text.count, into: &breaks)
  var result = ""
  var next = 0
  for k in 0..<text.count {
    result += text.string(k..<k + 1)
    if next < breaks.count && breaks[next].end == k + 1 {
      result += breaks[next].hyphen ? "-" : "|"
      next += 1
    }
  }
  return result
}

/// Hyphenation with libhyphen and the TeX/LibreOffice patterns, with Leggio's own rules.
@Suite(.enabled(if: hyphenationInstalled)) struct HyphenationTests {
  @Test func italianWordsBreakBetweenTheirSyllables() {
    #expect(hyphenated("inchiesta", language: "it") == "in-chie-sta")
    #expect(hyphenated("sovrannaturalmente", language: "it") == "so-vran-na-tu-ral-men-te")
    #expect(hyphenated("Lombardia,", language: "it") == "Lom-bar-dia,")
    #expect(hyphenated("perché", language: "it") == "per-ché")
  }

  @Test func italianElisionBreaksAfterTheApostropheAndHyphenatesTheWordAfterIt() {
    #expect(hyphenated("l'inchiesta", language: "it") == "l'|in-chie-sta")
    #expect(hyphenated("all’interno", language: "it") == "all’|in-ter-no")
    #expect(hyphenated("un’altra", language: "it") == "un’|al-tra")
    // Never before the apostrophe, nor leaving one letter after it.
    #expect(hyphenated("dell’o", language: "it") == "dell’o")
  }

  @Test func englishWordsBreakAtTheDictionaryPoints() {
    #expect(hyphenated("hyphenation", language: "en") == "hy-phen-ation")
    #expect(hyphenated("terminal", language: "en-US") == "ter-mi-nal")
    #expect(hyphenated("children’s", language: "en") == "chil-dren’s")
  }

  @Test func addressesNumbersAndAbbreviationsAreNeverHyphenated() {
    for word in [
      "https://www.example.com/inchiesta", "mario.rossi@example.it", "www.corriere.it",
      "1234567890", "COVID19", "secondo2", "UNESCO", "NATO,", "A.N.P.I.",
    ] {
      #expect(hyphenated(word, language: "it") == word)
    }
  }

  @Test func theFirstAndLastTwoLettersStayWithTheirWord() {
    #expect(hyphenated("amico", language: "it") == "ami-co")
    #expect(hyphenated("ora", language: "it") == "ora")
    #expect(hyphenated("abate", language: "it") == "aba-te")
  }

  @Test func aWordCarryingSoftHyphensGetsNoDictionaryPoints() {
    #expect(hyphenated("inchie\u{AD}sta", language: "it") == "inchie\u{AD}sta")
  }

  @Test func aLanguageWithoutADictionaryIsNotHyphenated() {
    #expect(Hyphenator(language: "xx") == nil)
    #expect(Hyphenator(language: nil) == nil)
  }

  @Test func aSoftHyphenIsInvisibleUnlessTheLineEndsThere() {
    let document = Document(blocks: [
      Block(.paragraph, text: "una super\u{AD}ca\u{AD}lifragilistica")
    ])
    let wide = layoutRows(document, width: 40)
    #expect(wide == ["una supercalifragilistica"])
    let narrow = layoutRows(document, width: 14, justify: false)
    #expect(narrow == ["una superca-", "lifragilistica"])
  }
}
