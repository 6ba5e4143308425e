import Foundation
import LeggioImport
import LeggioModel
import LeggioTestSupport
import Testing

@testable import LeggioStore

/// A long text's content hash comes from libcrypto: the same digest as the Swift SHA-256
/// on real texts and a real book, and on every length around SHA-256's 64-byte blocks.
@Suite struct ContentHashTests {
  @Test(arguments: [
    "corpus/texts/divina-commedia_it.txt", "corpus/texts/i-promessi-sposi_pg45334_it.txt",
  ])
  func libcryptoGivesTheSwiftDigestOfARealText(file: String) throws {
    let text = String(decoding: try Data(contentsOf: SharedFiles.url(file)), as: UTF8.self)
    #expect(text.utf8.count >= ContentHash.libraryLength)
    // Loaded here (`scripts/install-deps` installs libssl3): the test compares the two.
    let digest = try #require(ContentHash.libraryDigest(text))
    #expect(SHA256.hexDigits(digest) == SHA256.hex(text))
    #expect(ContentHash.hex(text) == SHA256.hex(text))
  }

  @Test func libcryptoGivesTheSwiftDigestOfABooksText() throws {
    let book = SharedFiles.url("corpus/epub/readium-go-toolkit/feedbooks_book_6816.epub")
    let article = try ArticleImporter.importData(
      try Data(contentsOf: book), name: book.lastPathComponent)
    let text = CanonicalText(article.document).text
    #expect(ContentHash.hex(text) == SHA256.hex(text))
    #expect(ContentHash.libraryDigest(text) != nil)
  }

  @Test func everyLengthAroundABlockGivesTheSameDigest() throws {
    let sentence = "Nel mezzo del cammin di nostra vita mi ritrovai per una selva oscura, "
    let long = String(repeating: sentence, count: 4000)
    for length in Array(0...130)
      + Array((ContentHash.libraryLength - 70)...(ContentHash.libraryLength + 70))
    {
      let text = String(decoding: long.utf8.prefix(length), as: UTF8.self)
      let digest = try #require(ContentHash.libraryDigest(text))
      #expect(SHA256.hexDigits(digest) == SHA256.hex(text), "length \(length)")
    }
  }

  /// A feed batch hashes every text with libcrypto, short or long: same digests.
  @Test func aBatchsShortTextsGetTheSwiftDigest() throws {
    let sentence = "Quel ramo del lago di Como, l’été où tout a changé — κόσμος 日本. "
    for length in [0, 1, 55, 56, 63, 64, 65, 119, 1_500, 3_700] {
      let text = String(
        decoding: String(repeating: sentence, count: 60).utf8.prefix(length), as: UTF8.self)
      #expect(ContentHash.batchHex(text) == SHA256.hex(text), "length \(length)")
    }
  }
}
