import LeggioModel
import Testing

@testable import LeggioLayout

/// The lone-verse test's scalar count, eight bytes at a time, against the standard
/// library's count of Unicode scalars.
@Suite struct LoneVerseScalarCountTests {
  @Test func aLinesScalarsAreCountedOnItsBytesAsTheStandardLibraryCountsThem() {
    var texts = Fixtures.divinaCommedia.blocks.prefix(200).flatMap {
      $0.inlines.map(\.text).joined().split(separator: "\n").map(String.init)
    }
    texts += Fixtures.promessiSposi.blocks.prefix(200).map { $0.inlines.map(\.text).joined() }
    texts += ["", "a", "è", "1234567", "12345678", "città più «così» — 日本 🙂🏽 e\u{301}"]
    #expect(texts.count > 400)
    for text in texts {
      #expect(Document.scalarCount(text.utf8) == text.unicodeScalars.count, "\(text.prefix(40))")
    }
  }
}
