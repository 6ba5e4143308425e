import Foundation
import LeggioImport
import LeggioModel
import LeggioTestSupport
import Testing

/// A book's pictures come from its own files: a chapter's `../images/map.png` is the
/// book's `OEBPS/images/map.png`; a missing file and a file that is no picture are named.
@Suite struct EPUBPictureTests {
  @Test func aBooksPicturesAreReadFromItsFilesAndTheBadOnesNamed() throws {
    let body = """
      <p>The first chapter, with a map of the coast drawn by hand, and the text around it.</p>
      <figure><img src="../images/map.png" alt="The coast"/><figcaption>The coast</figcaption></figure>
      <figure><img src="../images/lost.png" alt="Lost"/><figcaption>Lost</figcaption></figure>
      <figure><img src="../images/notes.jpg" alt="Notes"/><figcaption>Notes</figcaption></figure>
      <p>After the pictures, the chapter goes on for a while longer, to its end.</p>
      """
    var book = EPUBFixture.book(chapters: [("One", body)])
    let map = TestPictures.png(width: 64, height: 40)
    book.add("OEBPS/images/map.png", map)
    book.add("OEBPS/images/notes.jpg", "these are notes, not a picture")
    let data = try book.zipData()
    var articles = try ArticleImporter.importArticles(data, name: "coast.epub")
    let sources = ImageCollector.sources(in: articles[0].document)
    #expect(sources == ["../images/map.png", "../images/lost.png", "../images/notes.jpg"])
    EPUBImages.keep(in: &articles, bookData: data, name: "coast.epub")
    #expect(articles[0].images.map(\.source) == ["../images/map.png"])
    #expect(articles[0].images.first?.data == map)
    #expect(
      articles[0].warnings.suffix(2) == [
        "picture skipped: ../images/lost.png: not found",
        "picture skipped: ../images/notes.jpg: not a JPEG, PNG, GIF or WebP picture",
      ])
  }

  /// Asked for pictures, the importer keeps them from the archive it has open: the same
  /// pictures, hashes and warnings as reading the book's bytes again afterwards, a large
  /// picture (hashed by libcrypto where it loads) with the SHA-256 of its bytes.
  @Test func aBookReadWithItsPicturesKeepsWhatKeepingThemAfterwardsKeeps() throws {
    let body = """
      <p>The first chapter, with a large photograph of the harbour and a small map.</p>
      <figure><img src="../images/harbour.png" alt="The harbour"/></figure>
      <figure><img src="../images/map.png" alt="The coast"/></figure>
      <figure><img src="../images/lost.png" alt="Lost"/></figure>
      <p>After the pictures, the chapter goes on for a while longer, to its end.</p>
      """
    var book = EPUBFixture.book(chapters: [("One", body)])
    let harbour = TestPictures.png(width: 200, height: 200)
    #expect(harbour.count > 64 * 1024)
    book.add("OEBPS/images/harbour.png", harbour)
    book.add("OEBPS/images/map.png", TestPictures.png(width: 64, height: 40))
    let data = try book.zipData()
    var options = ImportOptions()
    options.epubPictures = ImageLimits()
    let read = try ArticleImporter.importArticles(data, name: "coast.epub", options: options)
    var afterwards = try ArticleImporter.importArticles(data, name: "coast.epub")
    EPUBImages.keep(in: &afterwards, bookData: data, name: "coast.epub")
    #expect(read[0].images.map(\.source) == ["../images/harbour.png", "../images/map.png"])
    #expect(read[0].images == afterwards[0].images)
    #expect(read[0].warnings == afterwards[0].warnings)
    let digits = Array("0123456789abcdef".utf8)
    let expected = SHA256.hash(harbour).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }
    #expect(read[0].images.first?.hash == String(decoding: expected, as: UTF8.self))
  }
}
