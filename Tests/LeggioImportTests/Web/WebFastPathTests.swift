import Foundation
import LeggioTestSupport
import Testing

@testable import LeggioImport

/// The extractor's shortcuts for speed give what the plain rules give.
@Suite struct WebFastPathTests {
  /// The words `StopWords` reads by characters, as keys.
  static func wordsByCharacters(_ text: Substring) -> [WordKey] {
    StopWords.lowercasedWords(text).map(WordKey.init)
  }

  static func wordsByScalars(_ text: Substring, limit: Int = .max) -> [WordKey]? {
    var words: [WordKey] = []
    let read = LowercaseWords.forEach(in: text, limit: limit) { words.append($0) }
    return read ? words : nil
  }

  @Test func wordsReadByScalarsAreTheWordsReadByCharacters() throws {
    let set = try ExtractionBenchmarks.loadTrafilatura(
      ExtractionBenchmarkTests.extraction.appendingPathComponent("trafilatura"))
    // The articles' texts, which the stop words are counted in.
    var texts = set.pages.map { ExtractionBenchmarks.leggio($0).text }
    texts += [
      "Straße ÄRGER Œuvre İstanbul", "naïve cafe\u{301} résumé", "Привет, МИР! Ёлка",
      "北京欢迎你 “quoted” — dash…", "emoji 👍🏽 here", "tab\tnew\r\nline\u{00A0}nbsp",
      "ﬁne ligature ǅ", "", "   ", "x",
    ]
    var readByScalars = 0
    for text in texts {
      let expected = Self.wordsByCharacters(text[...])
      if let words = Self.wordsByScalars(text[...]) {
        readByScalars += 1
        #expect(words == expected, "\(text.prefix(80))")
      }
      let head = text.prefix(3000)
      if let words = Self.wordsByScalars(text[...], limit: 3000) {
        #expect(words == Self.wordsByCharacters(head), "\(head.prefix(80))")
      }
    }
    // Most articles are read the quick way.
    #expect(readByScalars * 10 >= texts.count * 8, "\(readByScalars) of \(texts.count)")
  }

  @Test func textThatJoinsScalarsIsReadByCharacters() {
    #expect(Self.wordsByScalars("cafe\u{301}") == nil)
    #expect(Self.wordsByScalars("İstanbul") == nil)
    #expect(Self.wordsByScalars("👍🏽") == nil)
    #expect(Self.wordsByScalars("Straße") == Self.wordsByCharacters("Straße"))
  }

  @Test func stopWordsFoundByKeyAreTheListsWords() {
    for list in StopWords.all {
      let text = list.words.sorted().joined(separator: " ")
      #expect(list.density(text).density == 1, "\(text.prefix(40))")
    }
    #expect(StopWords.english.density("Thé, THE the-end").words == 4)
  }
}
