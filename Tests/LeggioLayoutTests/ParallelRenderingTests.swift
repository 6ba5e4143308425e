import LeggioModel
import Testing

@testable import LeggioLayout

/// `leggio show` sets a long book in slices on every core; the joined slices must be
/// the book set block by block.
@Suite struct ParallelRenderingTests {
  static func setBlockByBlock(_ document: Document, metadata: ArticleMetadata?, width: Int)
    -> [UInt8]
  {
    var bytes = PlainTextRenderer.renderUTF8(
      document: Document(blocks: []), metadata: metadata, width: width)
    for block in document.blocks {
      if !bytes.isEmpty { bytes.append(0x0A) }
      bytes += PlainTextRenderer.renderUTF8(
        document: Document(blocks: [block]), metadata: nil, width: width)
    }
    return bytes
  }

  @Test func aLongBookSetInSlicesReadsAsOneSetBlockByBlock() {
    let document = Fixtures.promessiSposi
    #expect(document.blocks.count > 2_000)
    for width in [30, 80] {
      let whole = PlainTextRenderer.renderUTF8(document: document, metadata: nil, width: width)
      #expect(whole == Self.setBlockByBlock(document, metadata: nil, width: width))
    }
  }

  @Test func theTitleBlockIsFollowedByABlankLineBeforeTheFirstSlice() {
    let metadata = ArticleMetadata(title: "I promessi sposi", byline: "Alessandro Manzoni")
    let document = Fixtures.promessiSposi
    let whole = PlainTextRenderer.renderUTF8(document: document, metadata: metadata, width: 60)
    #expect(whole == Self.setBlockByBlock(document, metadata: metadata, width: 60))
  }
}
