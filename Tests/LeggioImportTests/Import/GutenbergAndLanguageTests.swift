import Foundation
import Testing

@testable import LeggioImport

@Suite struct GutenbergAndLanguageTests {
  @Test func olderSmallPrintFormsAreRecognised() throws {
    let text = """
      The Project Gutenberg Etext of Moby Dick, by Herman Melville
      Copyright laws are changing all over the world, be sure to check them.

      Title: Moby Dick
      Author: Herman Melville
      Language: English

      *END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*

      Etext prepared by someone kind
      and careful

      CHAPTER 1. Loomings.

      Call me Ishmael. Some years ago--never mind how long precisely--having little or no
      money in my purse, and nothing particular to interest me on shore, I thought I would
      sail about a little and see the watery part of the world.

      End of Project Gutenberg's Etext of Moby Dick, by Herman Melville

      This and all associated files of various formats will be found in the archive.
      """
    let article = try ImportFixtures.importPlainText(text, name: "moby.txt")
    #expect(article.metadata.title == "Moby Dick")
    #expect(article.metadata.byline == "Herman Melville")
    #expect(article.metadata.language == "en")
    #expect(article.document.blocks.map(\.kind) == [.heading(level: 2), .paragraph])
    #expect(article.document.blocks[1].plainText.hasPrefix("Call me Ishmael. Some years ago"))
    #expect(!article.document.canonicalText.text.contains("Gutenberg"))
    #expect(!article.document.canonicalText.text.contains("Etext prepared"))
  }

  @Test func currentMarkersWithTheInsteadOfThis() throws {
    let text = """
      Title: Le avventure di Pinocchio
      Author: Carlo Collodi

      *** START OF THE PROJECT GUTENBERG EBOOK LE AVVENTURE DI PINOCCHIO ***

      C'era una volta...

      *** END OF THE PROJECT GUTENBERG EBOOK LE AVVENTURE DI PINOCCHIO ***
      Licence text.
      """
    let article = try ImportFixtures.importPlainText(text)
    #expect(article.metadata.title == "Le avventure di Pinocchio")
    #expect(article.document.blocks.map(\.plainText) == ["C'era una volta..."])
  }

  @Test func aHeadIsCutIntoTheLinesItsCharactersSplitAtLineFeedsGive() {
    let book =
      (try? String(
        contentsOf: ImportFixtures.url("corpus/texts/i-promessi-sposi_pg45334_it.txt"),
        encoding: .utf8)) ?? ""
    // The book's first 16 KB cut at a byte (as `show` reads it), with CRLF line ends, and
    // line feeds before marks and after carriage returns.
    let head = String(decoding: Array(book.utf8.prefix(16_384)), as: UTF8.self)
    let heads = [
      head, head.replacingOccurrences(of: "\n", with: "\r\n"), "", "\n", "a\n\nb\n",
      "riga\n\u{301}accento\n", "solo \r a capo\rqui\n", "Language: Italian\r\nTitle: X\r\n",
    ]
    for text in heads {
      #expect(
        PlainTextImporter.headLines(text)
          == text.split(separator: "\n", omittingEmptySubsequences: false), "\(text.prefix(40))")
    }
    #expect(PlainTextImporter.headLines(head).count > 100)
    // Its Gutenberg header names the language, line ends of either kind.
    #expect(PlainTextImporter.likelyLanguage(head: head) == "it")
    #expect(PlainTextImporter.likelyLanguage(head: heads[1]) == "it")
  }

  @Test func aLineIsAnEndMarkerJudgedOnItsBytesAsWhenJudgedByItsText() {
    func reference(_ line: Substring) -> Bool {
      guard let opening = line.utf8.first,
        opening == 0x20 || opening == 0x2A || opening | 0x20 == 0x65
      else { return false }
      let rest = line.drop { $0 == " " }
      guard rest.hasPrefix("*") || rest.lowercased().hasPrefix("end of") else { return false }
      let upper = line.uppercased().trimmingCharacters(in: .whitespaces)
      return (upper.hasPrefix("***") && upper.contains("END OF") && upper.contains("GUTENBERG"))
        || upper.hasPrefix("END OF THE PROJECT GUTENBERG")
        || upper.hasPrefix("END OF PROJECT GUTENBERG")
        || upper.hasPrefix("END OF THIS PROJECT GUTENBERG")
    }
    let book =
      (try? String(
        contentsOf: ImportFixtures.url("corpus/texts/i-promessi-sposi_pg45334_it.txt"),
        encoding: .utf8)) ?? ""
    let crafted: [Substring] = [
      "e poi", "E allora", "End", "end o", "end of", "End of the Project Gutenberg EBook of X",
      "   END OF THE PROJECT GUTENBERG EBOOK", "endof the project gutenberg", "End off Gutenberg",
      "*** END OF THIS PROJECT GUTENBERG EBOOK ***", "   *** end of the project gutenberg ***",
      "*** START OF THE PROJECT GUTENBERG EBOOK ***", "  ", "", "*", "  e", "È finita",
      "END OF PROJECT GUTENBERG'S X", "\t*** END OF THE PROJECT GUTENBERG EBOOK ***",
    ]
    let lines = book.split(separator: "\n", omittingEmptySubsequences: false) + crafted
    var markers = 0
    for line in lines {
      #expect(GutenbergText.isEndMarker(line) == reference(line), "\(line)")
      if reference(line) { markers += 1 }
    }
    #expect(markers >= 7)
  }

  @Test func aLongBooksFirstEndMarkerIsFoundWhereverItFalls() {
    // 40,000 lines: looked through in slices on every core. The first marker is the one
    // found, in whichever slice it falls, and a book without one has none.
    let body = (0..<40_000).map { Substring("Esempio di riga \($0), e di prosa.") }
    let marker: Substring = "*** END OF THE PROJECT GUTENBERG EBOOK ESEMPIO ***"
    let other: Substring = "End of the Project Gutenberg EBook of Esempio"
    #expect(TextLine.withLines(body) { GutenbergText.firstEndMarker($0, from: 0) } == nil)
    for first in [0, 4_999, 5_000, 5_001, 20_000, 39_999] {
      var lines = body
      lines[first] = marker
      if first + 3 < lines.count { lines[first + 3] = other }
      lines[min(first + 7_000, lines.count - 1)] = marker
      TextLine.withLines(lines) { textLines in
        #expect(GutenbergText.firstEndMarker(textLines, from: 0) == first, "marker at \(first)")
        #expect(
          GutenbergText.firstEndMarker(textLines, from: 0)
            == lines.firstIndex(where: GutenbergText.isEndMarker))
        // From past the first marker, the next one.
        #expect(
          GutenbergText.firstEndMarker(textLines, from: first + 1)
            == lines[(first + 1)...].firstIndex(where: GutenbergText.isEndMarker))
      }
    }
  }

  @Test(arguments: [
    (
      "it",
      "Il governo ha deciso che la riforma non sarà approvata prima della fine dell'anno, come previsto."
    ),
    (
      "en",
      "The government said that the reform would not be approved before the end of the year, as expected."
    ),
    (
      "fr",
      "Le gouvernement a déclaré que la réforme ne sera pas approuvée avant la fin de l'année, comme prévu."
    ),
    (
      "de",
      "Die Regierung hat gesagt, dass die Reform nicht vor dem Ende des Jahres verabschiedet wird, wie erwartet."
    ),
    (
      "es",
      "El gobierno dijo que la reforma no será aprobada antes del final del año, como se esperaba por todos."
    ),
  ])
  func languageIsDetectedFromCommonWords(language: String, sentence: String) {
    #expect(LanguageDetector.detect(sentence) == language)
  }

  @Test func accentedStopWordsCountInCapitalsAndBesideLongWords() {
    // PIÙ, GIÀ, PERCHÉ and COSÌ are Italian stop words once lowercased; the long words
    // around them count as words without being any language's.
    let shouted = "PERCHÉ PIÙ PRECIPITAZIONI GIÀ COSÌ STRAORDINARIAMENTE ABBONDANTI"
    #expect(LanguageDetector.detect(shouted) == "it")
    // Three stop words in 31 words: under the tenth a language needs.
    let diluted = "perché più così " + String(repeating: "precipitazioni ", count: 28)
    #expect(LanguageDetector.detect(diluted) == nil)
  }

  @Test func twoLanguagesTooCloseToCallGiveNone() {
    // Three Italian and three English stop words: neither leads by enough.
    #expect(LanguageDetector.detect("che non per the and of") == nil)
    // Eight and more, the first in the tags' order wins a tie.
    let even = String(repeating: "che non per il the and of was ", count: 2)
    #expect(LanguageDetector.detect(even) == "en")
  }

  @Test func onlyTheFirstSixHundredWordsAreRead() {
    let english = String(repeating: "the and of ", count: 200)
    let italian = String(repeating: "che non per ", count: 400)
    #expect(LanguageDetector.detect(english + italian) == "en")
    #expect(LanguageDetector.detect(italian + english) == "it")
  }

  @Test func tooFewWordsGiveNoLanguage() {
    #expect(LanguageDetector.detect("Lugano 2025") == nil)
    #expect(LanguageDetector.detect("") == nil)
  }
}
