import CZlibStore
import Foundation
import LeggioModel
import Testing

@testable import LeggioStore

/// Large documents (books) go through libdeflate: the stored form is still the zlib
/// format, read back by libdeflate and by zlib alike, and a book's text reaches the
/// search index.
@Suite struct FastDeflateTests {
  /// A document of about 1.5 MB of varied text: above `FastDeflate.threshold`.
  static let book: Document = Document(
    blocks: (0..<6_000).map { index in
      Block(
        .paragraph,
        text: "Capitolo \(index): quel ramo del lago di Como, che volge a mezzogiorno, "
          + "tra due catene non interrotte di monti, tutto a seni e a golfi (\(index * 7919 % 10007)), "
          + "l'été où tout a changé; κόσμος \(index % 97).")
    })

  /// What zlib itself makes of a stored BLOB: its payload, or nil.
  static func inflatedByZlib(_ stored: Data) -> [UInt8]? {
    stored.withUnsafeBytes { buffer -> [UInt8]? in
      let length = Int(buffer.loadUnaligned(fromByteOffset: 0, as: UInt32.self).littleEndian)
      var written = uLongf(length)
      let bytes = [UInt8](unsafeUninitializedCapacity: length) { output, count in
        let status = uncompress(
          output.baseAddress, &written,
          buffer.baseAddress!.advanced(by: 4).assumingMemoryBound(to: Bytef.self),
          uLong(buffer.count - 4))
        count = status == Z_OK ? Int(written) : 0
      }
      return bytes.count == length ? bytes : nil
    }
  }

  @Test func aLargeDocumentIsStoredInTheZlibFormatAndReadsBackAsItWas() throws {
    let text = CanonicalText(Self.book).text
    let json = DocumentJSON.encode(Self.book)
    #expect(text.utf8.count + json.utf8.count > FastDeflate.threshold)
    let stored = StoredDocument.compress(json, text: text)
    #expect(stored.count < (text.utf8.count + json.utf8.count) / 3)
    #expect(try StoredDocument.json(from: stored.databaseValue) == json)
    #expect(try StoredDocument.text(from: stored.databaseValue) == text)
    // zlib reads it too: another Leggio without libdeflate, or an older one.
    let payload = try #require(Self.inflatedByZlib(stored))
    #expect(payload.first == StoredDocument.textMark)
    #expect(payload.suffix(json.utf8.count).elementsEqual(json.utf8))
  }

  @Test func aLargeDocumentDamagedInTheMiddleIsRefusedNotMisread() throws {
    let json = DocumentJSON.encode(Self.book)
    var stored = StoredDocument.compress(json)
    let middle = stored.count / 2
    for offset in middle..<(middle + 64) { stored[offset] ^= 0x5A }
    #expect(try StoredDocument.json(from: stored.databaseValue) == nil)
  }

  @Test func aBookIsFoundBySearchAndReadsBackAsItWasAdded() throws {
    let library = try Library.inMemory()
    var article = ImportedArticle(
      metadata: ArticleMetadata(title: "Un libro lungo"), document: Self.book)
    article.metadata.source = "/libri/lungo.epub"
    let id = try library.add(article).id
    #expect(try library.article(id: id)?.document == Self.book)
    // A word of the last paragraph only: the whole text was indexed.
    let hits = try library.search("\"Capitolo 5999\"")
    #expect(hits.map(\.id) == [id])
    #expect(try library.add(article) == .unchanged(id))
  }

  /// A feed batch's short documents (ISA-L where installed, else libdeflate) are stored in
  /// the zlib format too: zlib and the library's reader give back text and JSON as they were.
  @Test func aFeedItemsShortDocumentIsStoredInTheZlibFormat() throws {
    let document = Document(
      blocks: (0..<4).map {
        Block(
          .paragraph,
          text: "Paragrafo \($0): quel ramo del lago di Como, che volge a mezzogiorno, tra "
            + "due catene non interrotte di monti; l’été où tout a changé.")
      })
    let text = CanonicalText(document).text
    let json = DocumentJSON.encode(document)
    let stored = StoredDocument.compress(json, text: text, deflater: DocumentDeflater())
    #expect(stored.count < text.utf8.count + json.utf8.count)
    #expect(try StoredDocument.json(from: stored.databaseValue) == json)
    #expect(try StoredDocument.text(from: stored.databaseValue) == text)
    let payload = try #require(Self.inflatedByZlib(stored))
    #expect(payload.suffix(json.utf8.count).elementsEqual(json.utf8))
  }
}
