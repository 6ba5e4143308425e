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

  /// Every `srcset` of the Zyte benchmark's pages, and written ones with the edge cases.
  static func srcsets() throws -> [String] {
    let zyte = try ExtractionBenchmarks.loadZyte(
      ExtractionBenchmarkTests.extraction.appendingPathComponent("scrapinghub"))
    var found: [String] = []
    for page in zyte.pages {
      let root = HTMLParser.parse(String(decoding: page.data, as: UTF8.self))
      root.visitDescendants { node in
        for name in PictureSource.srcsetAttributes {
          if let value = node.attribute(name) { found.append(value) }
        }
        return true
      }
    }
    return found + [
      "a.jpg 1x,b.jpg 2x", "a.jpg,b.jpg", "a.jpg,, b.jpg 2x ,", " , ,", "", "x",
      "a.jpg\r\n2x, b.jpg\t800w", "img,with,commas.jpg 400w, next.jpg 800w",
      "DATA:image/gif;base64,R0l 1x, real.jpg 2x", "data: 1x", "Data:", "dat", "a.jpg 1.5x 800w",
      "caf\u{E9}.jpg 400w, b.jpg 800w", "a.jpg\u{A0}2x", "data:\u{301}x.jpg 1x", "a.jpg 2x,\u{301}",
    ]
  }

  @Test func srcsetsReadByBytesAreTheSrcsetsReadByCharacters() throws {
    let srcsets = try Self.srcsets()
    #expect(srcsets.count > 100)
    for srcset in srcsets {
      #expect(
        PictureSource.parse(srcset) == PictureSource.parseByCharacters(srcset),
        "\(srcset.prefix(80))")
    }
  }

  @Test func dataAddressesAreFoundByTheirFirstBytesAsByLowerCasingThemWhole() throws {
    var addresses = try Self.srcsets().flatMap { $0.split(separator: " ").map(String.init) }
    addresses += [
      "data:", "DATA:x", "DaTa:image/png", "data", "dat:", "data;", "\u{212A}data:", "data:\u{301}",
      "d\u{301}ata:", "data\u{FF1A}", "", "https://x/data:",
    ]
    addresses += [
      "javascript:", "JavaScript:void(0)", "javascript", " javascript:", "java\u{301}script:",
    ]
    for address in addresses {
      #expect(
        PictureSource.isDataURI(address) == address.lowercased().hasPrefix("data:"),
        "\(address.prefix(80))")
      #expect(
        address.hasLowercasedPrefix("javascript:")
          == address.lowercased().hasPrefix("javascript:"), "\(address.prefix(80))")
    }
  }

  /// `ContentFinishing.resolvedSrcset` as first written, by characters.
  static func srcsetResolvedByCharacters(_ srcset: String, baseURL: URL?) -> String {
    srcset.split(separator: ",").map { candidate -> String in
      let parts = candidate.split(separator: " ", omittingEmptySubsequences: true)
      guard let url = parts.first else { return String(candidate) }
      return
        ([ContentFinishing.absolute(String(url), baseURL: baseURL)]
        + parts.dropFirst().map(String.init)).joined(separator: " ")
    }.joined(separator: ", ")
  }

  @Test func srcsetsResolvedByBytesAreTheSrcsetsResolvedByCharacters() throws {
    let base = URL(string: "https://example.org/news/story.html")
    for srcset in try Self.srcsets() + [",,", " , ", "a.jpg,,b.jpg  2x", "a.jpg\r\n2x,b.jpg"] {
      for baseURL in [base, nil] {
        #expect(
          ContentFinishing.resolvedSrcset(srcset, baseURL: baseURL)
            == Self.srcsetResolvedByCharacters(srcset, baseURL: baseURL),
          "\(srcset.prefix(80))")
      }
    }
  }
}
