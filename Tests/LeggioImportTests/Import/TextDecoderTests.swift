import Foundation
import Testing

@testable import LeggioModel
@testable import LeggioImport

@Suite struct TextDecoderTests {
  func decode(_ bytes: [UInt8]) throws -> TextDecoder.Decoded {
    try TextDecoder.decode(Data(bytes), name: "sample.txt")
  }

  @Test func utf8WithAndWithoutByteOrderMark() throws {
    let plain = try decode(Array("Perché «sì»".utf8))
    let marked = try decode([0xEF, 0xBB, 0xBF] + Array("Perché «sì»".utf8))
    #expect(plain == TextDecoder.Decoded(text: "Perché «sì»", encoding: .utf8))
    #expect(marked == plain)
  }

  @Test func windows1252BytesAreReadWhenNotValidUTF8() throws {
    // "perché" with é as the single byte 0xE9, and curly quotes and a euro sign from 0x80–0x9F.
    let bytes: [UInt8] =
      Array("perch".utf8) + [0xE9, 0x20, 0x93] + Array("ok".utf8) + [0x94, 0x20, 0x80]
    let decoded = try decode(bytes)
    #expect(decoded.encoding == .windows1252)
    #expect(decoded.text == "perché “ok” €")
  }

  @Test func windows1252FallbackIsReportedAsAWarning() throws {
    let bytes = Data(Array("Perch".utf8) + [0xE9, 0x20] + Array("no?\n\nAltro testo.".utf8))
    let article = try ArticleImporter.importData(bytes, name: "vecchio.txt")
    #expect(article.metadata.title == "Perché no?")
    #expect(
      article.warnings == ["vecchio.txt is not valid UTF-8; it was read as Windows-1252 (Latin-1)"])
  }

  @Test func utf16WithByteOrderMarkInBothByteOrders() throws {
    let text = "Città «Lugano»\nè qui"
    let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    #expect(try decode(little) == TextDecoder.Decoded(text: text, encoding: .utf16LittleEndian))
    #expect(try decode(big) == TextDecoder.Decoded(text: text, encoding: .utf16BigEndian))
  }

  @Test func referenceArticleReadsTheSameInUTF16AndWithWindowsLineEndings() throws {
    let url = ImportFixtures.url("samples/cdt-putin-kim.txt")
    let text = try String(contentsOf: url, encoding: .utf8)
    let original = try ArticleImporter.importFile(at: url, options: ImportFixtures.options())
    let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
    let utf16: [UInt8] = [0xFF, 0xFE] + crlf.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let converted = try ArticleImporter.importData(
      Data(utf16), name: "cdt-putin-kim.txt", options: ImportFixtures.options())
    #expect(converted == original)
  }

  @Test func lineEndingsBecomeNewlines() throws {
    #expect(try decode(Array("a\r\nb\rc\nd\u{2028}e".utf8)).text == "a\nb\nc\nd\ne")
  }

  @Test func controlCharactersAndBidiOverridesNeverEnterTheText() throws {
    let hostile =
      "ti\u{07}tle\u{1B}[31mred\u{1B}[0m \u{1B}]0;pwned\u{07}ok\u{7F}\u{85}x\u{9B}"
      + "\u{202E}evil\u{202C}\u{2066}iso\u{2069}\u{0}\tend"
    let text = TextSanitizer.sanitize(hostile)
    #expect(text == "titlered ok\nxeviliso\tend")
    #expect(!text.unicodeScalars.contains { TextSanitizer.isForbidden($0) })
  }

  @Test(arguments: [
    "bell\u{07}", "del\u{7F}", "nel\u{85}", "csi\u{9B}", "ls\u{2028}", "rlo\u{202E}",
    "lri\u{2066}", "pdi\u{2069}", "bom\u{FEFF}", "cr\r",
  ])
  func everyForbiddenScalarIsNoticedByTheFastCheck(text: String) {
    #expect(!TextSanitizer.isClean(text))
    #expect(TextSanitizer.isClean(TextSanitizer.sanitize(text)))
  }

  @Test(arguments: ["\u{85}", "\u{2028}", "\u{FEFF}x", "\u{9B}é", "\u{7F}", "\u{202E}"])
  func forbiddenScalarsAtTheVeryStartAreNoticedByTheFastCheck(text: String) {
    #expect(!TextSanitizer.isClean(text))
    #expect(!TextSanitizer.isClean(String(text.unicodeScalars.prefix(1))))
  }

  @Test func cleanTextPassesUnchanged() {
    let text = "Perché «sì» — ‘ok’ € ‍\t\n"
    #expect(TextSanitizer.isClean(text))
    #expect(TextSanitizer.sanitize(text) == text)
  }

  @Test func latin1ControlBytesFromWindows1252GapsAreDropped() throws {
    // 0x81 and 0x9D are undefined in Windows-1252; the C1 controls they stand for go.
    let decoded = try decode(Array("caf".utf8) + [0xE9, 0x81, 0x21, 0x9D])
    #expect(decoded.encoding == .windows1252)
    #expect(decoded.text == "café!")
  }

  @Test(arguments: [
    ([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37] as [UInt8], "it starts with %PDF"),
    ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "PNG image"),
    ([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10], "JPEG image"),
    (Array("GIF89a".utf8) + [0x01, 0x00], "GIF image"),
    ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "ZIP archive, an EPUB"),
    ([0x1F, 0x8B, 0x08, 0x00], "gzip"),
  ])
  func binaryFormatsAreNamedByTheirMagicNumbers(bytes: [UInt8], evidence: String) {
    #expect {
      try decode(bytes + Array("some text after the magic".utf8))
    } throws: { error in
      guard case ImportError.notText(_, let found) = error else { return false }
      return found.contains(evidence)
    }
  }

  @Test func randomBytesAreBinary() {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
    #expect(throws: ImportError.self) { try decode(bytes) }
  }
}
