import Foundation
import Testing

@testable import LeggioImport
@testable import LeggioModel

/// A long text decoded and split in pieces on every core reads as the whole text does.
@Suite struct LongTextPiecesTests {
  static let book =
    (try? Data(contentsOf: ImportFixtures.url("corpus/texts/i-promessi-sposi_pg45334_it.txt")))
    ?? Data()
  static let verse =
    (try? Data(contentsOf: ImportFixtures.url("corpus/texts/divina-commedia_it.txt")))
    ?? Data()

  /// The article the whole-text way makes of `data`.
  func wholeArticle(_ data: Data, name: String) throws -> ImportedArticle {
    let decoded = try TextDecoder.decode(data, name: name)
    return PlainTextImporter.importText(
      decoded.text, fallbackTitle: "book", timeZone: ImportFixtures.zurich)
  }

  func piecesArticle(_ data: Data, name: String) throws -> ImportedArticle? {
    try ArticleImporter.importLongPlainText(
      data, name: name, mimeType: nil, options: ImportFixtures.options())
  }

  @Test func aNovelReadInPiecesIsTheNovelReadWhole() throws {
    let data = Self.book + Self.verse
    #expect(data.count > TextPieces.minimumLength)
    let pieces = try #require(try piecesArticle(data, name: "book.txt"))
    let whole = try wholeArticle(data, name: "book.txt")
    #expect(pieces.document == whole.document)
    #expect(pieces.metadata == whole.metadata)
  }

  @Test func aProjectGutenbergFileWithCarriageReturnsAndAMarkReadsTheSame() throws {
    let text = String(decoding: Self.book, as: UTF8.self)
      .replacingOccurrences(of: "\n", with: "\r\n")
    let data = Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8) + Self.verse
    let pieces = try #require(try piecesArticle(data, name: "book"))
    let whole = try wholeArticle(data, name: "book")
    #expect(pieces.document == whole.document)
    #expect(pieces.metadata.title == whole.metadata.title)
    #expect(pieces.document.blocks.count > 1_000)
  }

  @Test func aLongTextThatIsNotUTF8IsLeftToTheWholeTextWay() throws {
    var data = Self.book + Self.verse
    data.append(contentsOf: [0x66, 0xE8, 0x0A])  // "fè" in Latin-1
    #expect(try piecesArticle(data, name: "book.txt") == nil)
    #expect(try piecesArticle(Self.verse, name: "short.txt") == nil)
  }

  @Test func collapsingSpacesByBytesMatchesCollapsingByCharacters() {
    let pieces = [
      "a", "  ", "\t", " ", "è", "’", "—", "\u{301}", "\u{600}", "\u{200D}", "日", "🙂", ".",
      "\u{A0}", "ab",
    ]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<3_000 {
      let count = Int.random(in: 0...10, using: &generator)
      let line = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
      // Lines reach `collapse` with trailing spaces trimmed; a line that needs no
      // collapsing is returned as it is.
      let expected =
        ParagraphBuilder.needsCollapsing(line[...])
        ? ParagraphBuilder.collapseCharacters(line[...]) : line
      #expect(ParagraphBuilder.collapse(line[...]) == expected, "\(Array(line.unicodeScalars))")
    }
  }
}
