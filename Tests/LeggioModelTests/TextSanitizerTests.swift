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
}
