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
}
