import Foundation
import Testing

@testable import LeggioImport

/// Whitespace collapsed on bytes equals whitespace collapsed character by character, or
/// leaves the text to the character walk where a space is part of a larger grapheme.
@Suite struct WhitespaceCollapseTests {
  static func agree(_ text: String, _ leading: Bool) -> Bool {
    let reference = DocumentBuilder.collapsedByCharacter(text, keepLeadingSpace: leading)
    guard let fast = WhitespaceCollapse.bytes(text, keepLeadingSpace: leading) else { return true }
    return fast == reference
  }

  @Test(arguments: [
    "", " ", "  \n\t ", "a", " a  b\n\tc ", "più  città ", "日本語 の\n文", "x \u{301}y",
    " \u{301}", "\u{600} 5", "a \u{200D}b", "👍 🏽", "e\u{301} e\u{301}", "\n\n", "tab\there",
    "عربي  نص", "ก ำ", "end   ",
    "l\u{2019} homme \u{2014} dit-il\u{2026}  fin", "« guillemets »\u{00A0}; suite",
    "eightbyt\n\n\nnextword\tand\u{1}control  characters", "abcdefghijklmnop",
    "      leading spaces longer than a word", "x\r\ny", "mot\u{2019}\u{301} suite",
  ])
  func bytesAndCharactersAgree(_ text: String) {
    #expect(Self.agree(text, true))
    #expect(Self.agree(text, false))
  }

  @Test func aSpaceBeforeACombiningMarkIsLeftToTheCharacterWalk() {
    #expect(WhitespaceCollapse.bytes("x \u{301}y", keepLeadingSpace: false) == nil)
    #expect(WhitespaceCollapse.bytes("\u{600} 5", keepLeadingSpace: false) == nil)
    #expect(WhitespaceCollapse.bytes(" a  b\n\tc ", keepLeadingSpace: false) == "a b c ")
    #expect(WhitespaceCollapse.bytes(" a", keepLeadingSpace: true) == " a")
  }

  @Test func generalPunctuationTakenAsPlainNeitherExtendsNorPrepends() {
    for value in UInt32(0x2000)...0x206F where WhitespaceCollapse.isPlainPunctuation(value) {
      let scalar = Unicode.Scalar(value)!
      #expect(!WhitespaceCollapse.slowMayExtend(scalar), "U+\(String(value, radix: 16))")
      #expect(!WhitespaceCollapse.slowMayPrepend(scalar), "U+\(String(value, radix: 16))")
    }
  }

  @Test func textThatNeedsNoCollapsingComesBackAsItWas() {
    let text = "Une phrase déjà propre, sans blanc à réduire."
    #expect(WhitespaceCollapse.bytes(text, keepLeadingSpace: false) == text)
    #expect(WhitespaceCollapse.bytes("", keepLeadingSpace: true) == "")
  }

  @Test func everyTextOfTheCorpusAgrees() throws {
    let folder = ImportFixtures.url("corpus/texts")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    var checked = 0
    for name in names.sorted() where name.hasSuffix(".txt") {
      let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      for paragraph in text.components(separatedBy: "\n\n").prefix(400) {
        #expect(Self.agree(paragraph, checked % 2 == 0))
        checked += 1
      }
    }
    #expect(checked > 100)
  }
}
