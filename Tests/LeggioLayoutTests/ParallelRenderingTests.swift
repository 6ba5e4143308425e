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

  @Test func aShortArticleIsOneSliceAndABookIsCutIntoManySmallOnes() {
    #expect(PlainTextRenderer.sliceLength(blocks: 40) >= 40)
    let book = 11_000
    let length = PlainTextRenderer.sliceLength(blocks: book)
    let slices = (book + length - 1) / length
    // Many more slices than cores, so the last one a core takes is a small part of the
    // whole, but none shorter than 64 blocks.
    #expect(slices >= min(16 * ConcurrentSlices.coreCount, book / 64))
    #expect(length >= 64)
  }

  @Test func theTitleBlockIsFollowedByABlankLineBeforeTheFirstSlice() {
    let metadata = ArticleMetadata(title: "I promessi sposi", byline: "Alessandro Manzoni")
    let document = Fixtures.promessiSposi
    let whole = PlainTextRenderer.renderUTF8(document: document, metadata: metadata, width: 60)
    #expect(whole == Self.setBlockByBlock(document, metadata: metadata, width: 60))
  }
}
