import Foundation
import Testing

@testable import LeggioImport

/// The plain-text importer splits and measures lines on UTF-8 bytes for speed; these
/// tests hold it to what splitting and measuring by characters gives.
@Suite struct ByteLevelSplittingTests {
  static let texts = [
    "Titolo\n\nPrima riga, più lunga.\nSeconda riga è qui.\n\n",
    "\n\n  rientrata\n\tcon tab\nfine senza a capo",
    "emoji 👩‍👩‍👧 e bandiere 🇮🇹\ncombinanti e\u{301}\u{302}\n中文的句子。\n\n\n",
    "",
    "\n",
  ]

  @Test(arguments: texts)
  func linesAreTheLinesOfACharacterSplit(_ text: String) {
    let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(PlainTextImporter.lines(of: text) == expected)
  }

  /// Texts long enough to be cut into stretches split on every core, cut next to
  /// multi-byte letters, blank lines and the text's end.
  @Test(arguments: ["", "\n", "\n\n", "ultima riga è qui"])
  func longTextsSplitInStretchesGiveTheSameLines(_ ending: String) {
    let text = String(repeating: Self.texts.joined(separator: "\n"), count: 3_000) + ending
    #expect(text.utf8.count > 1 << 18)
    let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(PlainTextImporter.lines(of: text) == expected)
  }

  static let lines: [Substring] = [
    "parola", "  rientrata di due", "\tdopo un tab", "città è là", "\u{A0}spazio fisso poi",
    "parola\u{A0}unita", "\u{3000}全角の空白", "e\u{301}\u{302}accentata dopo", " \u{301}segno solo",
    "👩‍👩‍👧 famiglia", "", "   ", "fine\u{2003}em-space", "\u{85}NEL",
    // Words opening with a letter or sign that stands alone, after spaces or not.
    "«Renzo» disse", "È vero", "  “Così” fu", "àncora\u{301} poi", "«\u{A0}spazio", "\u{AD}molle",
    "—\u{2003}em", "é",
  ]

  @Test(arguments: lines)
  func firstWordColumnsMatchACharacterWalk(_ line: Substring) {
    let word = line.drop(while: \.isWhitespace).prefix { !$0.isWhitespace }
    #expect(ParagraphBuilder.firstWordColumns(line) == word.unicodeScalars.count)
    #expect(ParagraphBuilder.columns(line) == line.unicodeScalars.count)
  }
}
