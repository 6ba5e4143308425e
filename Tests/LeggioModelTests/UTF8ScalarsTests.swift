import Testing

@testable import LeggioModel

/// Scalars counted on UTF-8 bytes eight at a time are the string's own scalars, whatever
/// the text's script and wherever its multi-byte scalars fall against the eight-byte words.
@Suite struct UTF8ScalarsTests {
  @Test(arguments: [
    "", "a", "città", "«Così è», disse.", "Кошка и собака", "汉语和日本語", "لغة عربية",
    "e\u{301}\u{302} 👩‍👩‍👧 \u{10FFFF}", String(repeating: "abcdefg", count: 30),
  ])
  func aTextsScalarsAreCountedAsItsScalarViewCountsThem(text: String) {
    for start in 0..<8 {
      let shifted = String(repeating: "x", count: start) + text
      var copy = shifted
      let (count, isASCII) = copy.withUTF8 { UTF8Scalars.count($0) }
      #expect(count == shifted.unicodeScalars.count, "\(shifted.debugDescription)")
      #expect(isASCII == shifted.utf8.allSatisfy { $0 < 0x80 }, "\(shifted.debugDescription)")
      #expect(shifted.utf8ScalarCount == count)
    }
  }
}
