import Foundation
import Testing

@testable import LeggioModel

/// The byte loop of `TextSanitizer.sanitize` against its scalar-by-scalar definition.
@Suite struct TextSanitizerTests {
  static let pieces = [
    "plain words ", "\r\n", "\r", "\n", "\t", "\u{1B}[31m", "\u{1B}]0;title\u{07}",
    "\u{1B}]2;x\u{1B}\\",
    "\u{1B}", "\u{1B}\n", "\u{85}", "\u{0C}", "\u{2028}", "\u{2029}", "\u{200B}", "\u{FEFF}",
    "\u{2060}", "\u{202E}", "\u{7F}", "\u{00}", "\u{9F}", "è", "’", "日本語", "🙂", "\u{E0041}",
    "12345678", "abcdefghijklmnop", "~", " ",
  ]

  @Test func theByteLoopMatchesTheScalarDefinitionOnMixedText() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      let count = Int.random(in: 0...24, using: &generator)
      let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
      #expect(
        TextSanitizer.sanitize(text) == TextSanitizer.sanitizeScalars(text),
        "\(Array(text.unicodeScalars))")
    }
  }

  @Test func aProjectGutenbergBookLosesOnlyItsCarriageReturns() {
    let line = "“Well, Prince, so Genoa and Lucca are now just family estates of the\r\n"
    let book = String(repeating: line, count: 500)
    #expect(TextSanitizer.sanitize(book) == book.replacingOccurrences(of: "\r\n", with: "\n"))
  }

  /// A novel from the shared corpus, lines and all.
  static let novel: String = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../../shared/corpus/texts/i-promessi-sposi_pg45334_it.txt")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
      fatalError("missing test material \(url.path); shared/ must sit beside the package")
    }
    return text
  }()

  @Test func theEightByteTestFindsTheFirstByteThatIsNeitherPrintableASCIINorALineFeed() {
    let bytes: [UInt8] = [
      0x00, 0x09, 0x0A, 0x0B, 0x0D, 0x1F, 0x20, 0x21, 0x61, 0x7E, 0x7F, 0x80, 0x8A, 0xA0, 0xC3,
      0xFF,
    ]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      // Mostly letters, spaces and line feeds, so that whole windows pass too.
      let common: [UInt8] = [0x61, 0x20, 0x0A, 0x2E]
      let word = (0..<8).map { _ in
        Bool.random(using: &generator)
          ? common.randomElement(using: &generator)! : bytes.randomElement(using: &generator)!
      }
      let packed = word.enumerated().reduce(UInt64(0)) {
        $0 | UInt64($1.element) << (8 * $1.offset)
      }
      let first = word.firstIndex { !(0x20...0x7E).contains($0) && $0 != 0x0A }
      let others = TextSanitizer.otherThanPrintableOrLineFeeds(packed)
      #expect((others == 0 ? nil : others.trailingZeroBitCount / 8) == first, "\(word)")
    }
  }

  @Test func aNovelIsCleanAndOneControlCharacterAfterAnyLineMakesItNot() {
    let novel = Self.novel.replacingOccurrences(of: "\r\n", with: "\n")
    #expect(TextSanitizer.isClean(novel))
    let lines = novel.split(separator: "\n", omittingEmptySubsequences: false)
    for index in stride(from: 3, to: lines.count, by: 997) {
      for odd in ["\u{1B}", "\u{7F}", "\u{0C}", "\u{85}", "\u{200B}"] {
        var changed = lines
        changed[index] = Substring(odd) + changed[index]
        #expect(!TextSanitizer.isClean(changed.joined(separator: "\n")), "line \(index) \(odd)")
      }
    }
  }
}
