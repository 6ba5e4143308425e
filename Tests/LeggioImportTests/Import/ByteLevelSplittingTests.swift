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

  static let lines: [Substring] = [
    "parola", "  rientrata di due", "\tdopo un tab", "città è là", "\u{A0}spazio fisso poi",
    "parola\u{A0}unita", "\u{3000}全角の空白", "e\u{301}\u{302}accentata dopo", " \u{301}segno solo",
    "👩‍👩‍👧 famiglia", "", "   ", "fine\u{2003}em-space", "\u{85}NEL",
  ]

  @Test(arguments: lines)
  func firstWordColumnsMatchACharacterWalk(_ line: Substring) {
    let word = line.drop(while: \.isWhitespace).prefix { !$0.isWhitespace }
    #expect(ParagraphBuilder.firstWordColumns(line) == word.unicodeScalars.count)
    #expect(ParagraphBuilder.columns(line) == line.unicodeScalars.count)
  }
}
