import LeggioModel
import LeggioTestSupport
import Testing

@testable import LeggioLayout

/// What may not start a line: a dash or an ellipsis that follows a word without a space,
/// closing punctuation, and (with strict line breaking) Japanese small kana.
@Suite struct LineStartRulesTests {
  @Test func aChineseDashStaysWithTheWordBeforeIt() {
    assertLayout("中文的文字在这——中文的文字", width: 15, expected: ["中文的文字在", "这——中文的文字"])
  }

  @Test func anEllipsisStaysWithTheWordBeforeIt() {
    assertLayout("日本語のテキスト…です", width: 16, expected: ["日本語のテキス", "ト…です"])
    assertLayout(
      "aaaa bbbb cccc dddd… eeee", width: 19, justify: false,
      expected: ["aaaa bbbb cccc", "dddd… eeee"])
  }

  @Test func aLatinDashStaysWithTheWordBeforeIt() {
    assertLayout(
      "aaaa bbbb cccc dddd—eeee ffff", width: 19, justify: false,
      expected: ["aaaa bbbb cccc", "dddd—eeee ffff"])
    assertLayout(
      "aaaa bbbb cccc dd—eeee ffff", width: 19, justify: false,
      expected: ["aaaa bbbb cccc dd—", "eeee ffff"])
  }

  /// Random Chinese and Japanese with Latin words, punctuation and dashes, at 30 columns:
  /// no line but a paragraph's first starts with closing punctuation or a dash.
  @Test func noLineOfMixedCJKTextStartsWithClosingPunctuationOrADash() {
    var generator = SplitMix64(seed: 14)
    let pieces =
      Array("中文的字在这里日本語").map(String.init) + [
        "、", "、", "、", "。", "「", "」", " abc ", "abc", "x", " ", "字——", "…",
      ]
    var blocks: [Block] = []
    for _ in 0..<400 {
      let count = Int.random(in: 10...60, using: &generator)
      let text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
      blocks.append(Block(.paragraph, text: text.trimmingCharacters(in: .whitespaces)))
    }
    for width in [30, 31] {
      let article = PagedArticle(
        document: Document(blocks: blocks), metadata: nil, options: columnOptions(width: width))
      article.layoutAll()
      var previous = ""
      for index in 0..<article.pageCount.value {
        for line in article.page(at: index)!.lines {
          let text = line.plainText
          if !previous.isEmpty, let first = text.first {
            #expect(!"、。」…—".contains(first), "a line starts with \(first): \(previous) / \(text)")
          }
          previous = text
        }
        previous = ""
      }
    }
  }

  @Test func strictLineBreakingKeepsSmallKanaOffALinesStart() {
    assertLayout("あいがっこう", width: 6, expected: ["あいが", "っこう"])
    var options = columnOptions(width: 6)
    options.strictLineBreaks = true
    let strict = PagedArticle(
      document: Document(blocks: [Block(.paragraph, text: "あいがっこう")]), metadata: nil,
      options: options)
    #expect(strict.page(at: 0)?.lines.map(\.plainText) == ["あい", "がっこ", "う"])
  }

  @Test func smallKanaAreKnown() {
    #expect("っゃァヵㇰｯ".unicodeScalars.allSatisfy { ClusterBuffer.isSmallKana($0.value) })
    #expect(!"つやアカク".unicodeScalars.contains { ClusterBuffer.isSmallKana($0.value) })
  }
}
