import Foundation
import LeggioTestSupport
import Testing

@testable import LeggioImport
@testable import LeggioModel

/// A long book's chapters are inflated and converted on every core, the longest first,
/// each core taking the next as it is free: what comes out is what reading them one after
/// another gives.
@Suite struct EPUBConcurrentReadingTests {
  /// Forty chapters (enough for several runs), those in `long` a few pages long.
  static func chapters(long: Set<Int> = []) -> [(title: String, body: String)] {
    (1...40).map { number in
      let text =
        long.contains(number)
        ? String(repeating: "A long chapter of many words. ", count: 1000)
        : "Chapter \(number) is short."
      return ("Chapter \(number)", "<h1>Chapter \(number)</h1><p>\(text)</p>")
    }
  }

  @Test func aLongBookReadOnEveryCoreKeepsItsChaptersInSpineOrder() throws {
    let book = EPUBFixture.book(chapters: Self.chapters(long: [3, 17, 33]))
    let article = try ArticleImporter.importData(try book.zipData(), name: "book.epub")
    let headings = article.document.blocks.compactMap { block -> String? in
      guard case .heading = block.kind else { return nil }
      return block.plainText
    }
    #expect(headings == (1...40).map { "Chapter \($0)" })
    let entries = article.contents?.entries ?? []
    #expect(entries.map(\.title) == (1...40).map { "Chapter \($0)" })
    #expect(zip(entries, entries.dropFirst()).allSatisfy { $0.block < $1.block })
    for entry in entries {
      #expect(article.document.blocks[entry.block].plainText == entry.title)
    }
  }

  @Test func theFirstUnreadableChapterInSpineOrderIsTheOneReported() throws {
    var book = EPUBFixture.book(chapters: Self.chapters(long: [12, 31]), ncx: false)
    book.remove("mimetype")
    // Every entry claims 8,000 bytes: the two long chapters inflate past it.
    let lying = EPUBFixture.understatingSizes(try book.zipData(), as: 8000)
    #expect(
      throws: EPUBError.tooLarge(
        name: "book.epub", detail: "OEBPS/text/chapter12.xhtml inflates past its declared size")
    ) { try ArticleImporter.importData(lying, name: "book.epub") }
  }
}
