import Foundation
import LeggioModel
import Testing

@testable import LeggioStore

/// A book's stored form compressed in two parts on two threads (`SplitDeflate`) is one
/// zlib stream: zlib and the library's reader give back the text and JSON as they were,
/// and a damaged part is refused rather than misread.
@Suite(.enabled(if: SplitDeflate.isAvailable, "ISA-L is not installed"))
struct SplitDeflateTests {
  static let book = FastDeflateTests.book

  static func stored() throws -> (text: String, json: String, stored: Data) {
    let text = CanonicalText(book).text
    let json = DocumentJSON.encode(book)
    let textPart = try #require(SplitDeflate.textPart(text))
    let jsonPart = try #require(SplitDeflate.jsonPart(json))
    return (text, json, try #require(SplitDeflate.join(textPart, jsonPart)))
  }

  @Test func twoPartsJoinIntoOneStreamThatZlibAndTheLibraryRead() throws {
    let (text, json, stored) = try Self.stored()
    #expect(stored.count < (text.utf8.count + json.utf8.count) / 3)
    #expect(try StoredDocument.json(from: stored.databaseValue) == json)
    #expect(try StoredDocument.text(from: stored.databaseValue) == text)
    // The payload is the one compressed whole, byte for byte.
    let payload = try #require(FastDeflateTests.inflatedByZlib(stored))
    let whole = try #require(
      FastDeflateTests.inflatedByZlib(StoredDocument.compress(json, text: text)))
    #expect(payload == whole)
  }

  @Test func aDamagedPartIsRefusedNotMisread() throws {
    for fraction in [0.25, 0.75] {
      var (_, _, stored) = try Self.stored()
      let middle = Int(Double(stored.count) * fraction)
      for offset in middle..<(middle + 64) { stored[offset] ^= 0x5A }
      #expect(try StoredDocument.json(from: stored.databaseValue) == nil)
    }
  }

  @Test func aBookAddedWithItsDigestBegunEarlyReadsBackAndIsFound() throws {
    let prepared = try #require(PreparedDocument.begin(Self.book))
    let library = try Library.inMemory()
    var article = ImportedArticle(metadata: ArticleMetadata(title: "Diviso"), document: Self.book)
    article.metadata.source = "/libri/diviso.epub"
    let id = try library.add(article, prepared: prepared).id
    #expect(try library.article(id: id)?.document == Self.book)
    #expect(try library.search("\"Capitolo 5999\"").map(\.id) == [id])
  }
}
