import Foundation
import LeggioImport
import LeggioModel
import LeggioTestSupport
import Testing

@testable import LeggioStore

/// The fast reader of stored documents gives exactly what `JSONDecoder` gives, for the
/// books of the corpus and for every shape and escape a document can hold; what it does
/// not expect it leaves to `JSONDecoder`.
@Suite struct DocumentJSONDecoderTests {
  static let tricky = Document(blocks: [
    Block(.heading(level: 2), [Inline("Quote \" back\\slash / tab\t nl\n cr\r \u{1} \u{8} \u{c}")]),
    Block(.listItem(depth: 2, ordinal: 3), [Inline("ordered")]),
    Block(.listItem(depth: 1, ordinal: nil), [Inline("bullet")]),
    Block(.blockQuote(depth: 1), [Inline("😀 emoji, più, 日本語", style: [.emphasis])]),
    Block(.image(credit: "Photo: A. B."), [Inline("alt")]),
    Block(.image(credit: nil), []),
    Block(.rule, []),
    Block(
      .paragraph,
      [
        {
          // A picture whose source gave no alt text at all.
          var run = Inline("")
          run.image = InlineImage(source: "p.png", title: "*", altMissing: true)
          return run
        }()
      ]),
    Block(.preformatted, [Inline("let x = 1")]),
    Block(.table(alignments: [.left, .none, .right, .center], headerRows: 1), [Inline("a")]),
    {
      var block = Block(
        .paragraph,
        [
          {
            var run = Inline("t", style: [.strong, .emphasis], link: "leggio:block/3")
            run.title = "titolo"
            run.nesting = [.strong, [], .emphasis]
            return run
          }()
        ])
      block.containers = [
        BlockContainer(id: 1, list: ListPlace(id: 2, ordinal: 4, isLoose: true)),
        .quote(9),
      ]
      block.language = "it"
      block.source = "https://example.org/"
      block.title = "figure"
      block.direction = .rightToLeft
      return block
    }(),
  ])

  @Test func everyShapeAndEscapeReadsAsJSONDecoderReadsIt() throws {
    for json in [
      try Library.encode(Self.tricky), try Library.encodeWithFoundation(Self.tricky),
      try Library.encode(Document()),
    ] {
      let fast = try #require(DocumentJSONDecoder.decode(json))
      #expect(fast == (try JSONDecoder().decode(Document.self, from: Data(json.utf8))))
    }
  }

  @Test func unicodeEscapesAndSurrogatePairsAreDecoded() throws {
    let json =
      #"{"blocks":[{"inlines":[{"style":0,"text":"a\u00e8\ud83d\ude00\/"}],"kind":{"paragraph":{}}}]}"#
    let fast = try #require(DocumentJSONDecoder.decode(json))
    #expect(fast.blocks.first?.plainText == "aè😀/")
  }

  @Test func whatItDoesNotExpectIsLeftToJSONDecoder() throws {
    #expect(DocumentJSONDecoder.decode(#"{"blocks":[{"inlines":[],"kind":{"poem":{}}}]}"#) == nil)
    #expect(DocumentJSONDecoder.decode(#"{"blocks":[],"extra":1}"#) == nil)
    #expect(DocumentJSONDecoder.decode(#"{"blocks":[{"inlines":[{"text":"cut"#) == nil)
    #expect(DocumentJSONDecoder.decode(#"{"blocks":[]} trailing"#) == nil)
  }

  @Test func aLongDocumentReadInTwoHalvesIsTheDocumentReadInOne() throws {
    var long = Document(
      blocks: (0..<1_200).flatMap { _ in Self.tricky.blocks }, headline: [Inline("Titolo")])
    for json in [try Library.encode(long), try Library.encodeWithFoundation(long)] {
      #expect(json.utf8.count >= DocumentJSONDecoder.concurrentLength)
      var bytes = json
      #expect(bytes.withUTF8(DocumentJSONDecoder.decodeInHalves(bytes:)) == long)
    }
    long.headline = nil
    var json = try Library.encode(long)
    #expect(json.withUTF8(DocumentJSONDecoder.decodeInHalves(bytes:)) == long)
    // A fault in the second half: nothing is made of either half.
    var broken = try Library.encode(long)
    broken.replaceSubrange(
      broken.index(broken.endIndex, offsetBy: -40)..<broken.endIndex, with: "\"}")
    #expect(broken.withUTF8(DocumentJSONDecoder.decodeInHalves(bytes:)) == nil)
  }

  @Test func everyBookOfTheCorpusReadsBackAsItWasStored() throws {
    let folder = SharedFiles.url("corpus/epub")
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    var count = 0
    while let url = enumerator?.nextObject() as? URL {
      guard url.pathExtension == "epub",
        let article = try? ArticleImporter.importFile(at: url)
      else { continue }
      let json = try Library.encode(article.document)
      #expect(json == (try Library.encodeWithFoundation(article.document)))
      #expect(DocumentJSONDecoder.decode(json) == article.document)
      var bytes = json
      #expect(bytes.withUTF8(DocumentJSONDecoder.decodeInHalves(bytes:)) == article.document)
      count += 1
    }
    #expect(count == 10)
  }
}
