import Foundation
import LeggioModel
import LeggioTestSupport
import Testing

@testable import LeggioStore

/// The hash, word count and JSON of a long text, made side by side, are those made one
/// after another; a short text's too.
@Suite struct ArticleDigestTests {
  static func document(paragraphs: Int) -> Document {
    Document(
      blocks: (0..<paragraphs).map { index in
        Block(
          .paragraph,
          [
            Inline("Paragraphe \(index) : l'été où tout a changé, ", style: []),
            Inline("emphasised", style: .emphasis, link: "https://example.org/\(index)"),
          ])
      })
  }

  @Test(arguments: [10, 20_000])
  func theDigestIsTheSameWhetherMadeSideBySideOrInTurn(paragraphs: Int) throws {
    let document = Self.document(paragraphs: paragraphs)
    let text = CanonicalText(document).text
    #expect((text.utf8.count >= ArticleDigest.concurrentLength) == (paragraphs > 10))
    let digest = ArticleDigest(document: document, text: text)
    #expect(digest.hash == SHA256.hex(text))
    #expect(digest.words == TextStatistics.wordCount(text))
    let json = try Library.encodeWithFoundation(document)
    #expect(digest.documentJSON == json)
    #expect(try StoredDocument.json(from: digest.storedDocument.databaseValue) == json)
    #expect(try StoredDocument.text(from: digest.storedDocument.databaseValue) == text)
  }

  /// A digest begun before the add (`PreparedDocument`) is the one made in turn.
  @Test func aDigestBegunBeforeTheAddIsTheSame() throws {
    #expect(PreparedDocument.begin(Self.document(paragraphs: 10)) == nil)
    let document = Self.document(paragraphs: 20_000)
    let text = CanonicalText(document).text
    let prepared = try #require(PreparedDocument.begin(document))
    let digest = ArticleDigest(prepared: prepared)
    let inTurn = ArticleDigest(document: document, text: text)
    #expect(prepared.textDigest.text == text)
    #expect(digest.isConcurrent)
    #expect(digest.hash == inTurn.hash)
    #expect(digest.words == inTurn.words)
    #expect(digest.documentJSON == inTurn.documentJSON)
    #expect(
      try StoredDocument.json(from: digest.storedDocument.databaseValue) == inTurn.documentJSON)
    #expect(try StoredDocument.text(from: digest.storedDocument.databaseValue) == text)

    // And the article stored with it is the one stored without.
    let library = try Library.inMemory()
    let article = imported("Lungo", ["x"])
    var long = article
    long.document = document
    let id = try library.add(long, prepared: prepared).id
    #expect(try library.article(id: id)?.document == document)
    #expect(try library.search("Paragraphe").map(\.id) == [id])
  }
}
