import LeggioModel
import Testing

@testable import LeggioLayout

/// CJK, emoji, combining marks, right-to-left text and control characters: where other
/// terminal readers mis-measure or let escape sequences through.
@Suite struct UnicodeLayoutTests {
  @Test func chineseAndJapaneseBreakBetweenIdeographsButNeverBeforeClosingMarks() {
    assertLayout(
      "中文的文字，在这里。日本語のテキスト「かぎかっこ」も。", width: 10,
      expected: [
        "中文的文",
        "字，在这",
        "里。日本語",
        "のテキスト",
        "「かぎかっ",
        "こ」も。",
      ])
  }

  /// Wide characters measured as one cell overflow the line (the CJK-width bugs of newsboat
  /// and epy).
  @Test func wideCharactersNeverSplitAcrossAnOddColumn() {
    assertLayout("中文的文字在这里", width: 7, expected: ["中文的", "文字在", "这里"])
    let rows = layoutRows(
      Document(blocks: [Block(.paragraph, text: String(repeating: "漢字", count: 40))]), width: 11)
    #expect(rows.allSatisfy { CellWidth.of($0) <= 11 })
    #expect(rows.dropLast().allSatisfy { CellWidth.of($0) == 10 })
  }

  /// newsboat #683: each emoji counted as one cell shifted the rest of the line.
  @Test func emojiSequencesTakeTwoCells() {
    assertLayout(
      "Bene 👍🏽 cuore ❤️ famiglia 👨‍👩‍👧 Italia 🇮🇹 fine", width: 12,
      expected: [
        "Bene      👍🏽",
        "cuore     ❤️",
        "famiglia  👨‍👩‍👧",
        "Italia    🇮🇹",
        "fine",
      ])
  }

  @Test func combiningMarksTakeNoCell() {
    assertLayout(
      "Cafe\u{301} citta\u{300} perche\u{301} cosi\u{300} piu\u{300} cosi\u{300}", width: 12,
      expected: [
        "Cafe\u{301}   citta\u{300}", "perche\u{301}  cosi\u{300}", "piu\u{300} cosi\u{300}",
      ])
  }

  /// Broken in logical order, drawn in visual order: in a paragraph that starts in Latin,
  /// each run of Hebrew or Arabic words reads right to left where it stands.
  @Test func rightToLeftWordsInALatinParagraphReadRightToLeft() {
    assertLayout(
      "Shalom שלום עליכם e salam مرحبا بالعالم insieme", width: 16,
      expected: [
        "Shalom      םולש",
        "םכילע  e   salam",
        "ملاعلاب    ابحرم",
        "insieme",
      ])
  }

  /// Escape sequences in article text must never reach the terminal (the escape-sequence
  /// bugs of terminal readers such as newsboat and epy).
  @Test func controlCharactersAreShownAsSymbolsNeverSent() {
    let text = "Rosso \u{1B}[31mpericolo\u{1B}[0m e \u{7}campanello\u{202E}rovescio\u{85}"
    assertLayout(
      text, width: 16,
      expected: ["Rosso", "␛[31mpericolo␛[0", "m              e", "␇campanello�rove", "scio�"])
    let article = PagedArticle(
      document: Document(blocks: [Block(.paragraph, text: text)]), metadata: nil,
      options: columnOptions(width: 16))
    let runs = article.page(at: 0)!.lines.flatMap(\.runs)
    #expect(runs.allSatisfy { !$0.text.unicodeScalars.contains(where: CellWidth.isControl) })
    let symbols = runs.filter { $0.role == .controlSymbol }
    #expect(symbols.map(\.text) == ["␛", "␛", "␇", "�", "�"])
    #expect(symbols.first?.source == 6..<7)
  }

  @Test func controlCharactersInMetadataAreShownAsSymbols() {
    let metadata = ArticleMetadata(title: "Titolo\u{1B}]0;pwned\u{7}", byline: "Red.\u{9B}")
    let rows = layoutRows(Document(), metadata: metadata, width: 30)
    #expect(rows == ["Titolo␛]0;pwned␇", "", "Red.�"])
  }
}
