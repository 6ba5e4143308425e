import Foundation
import LeggioImport
import LeggioModel
import LeggioStore
import LeggioTestSupport
import Testing

@testable import LeggioTUI

/// A book in the reader: the table of contents (`o`) jumps to a chapter, the status line
/// names the chapter, a footnote opens in place, a link inside the book jumps and
/// `Backspace` comes back.
@Suite struct BookReaderTests {
  static func paragraphs(_ chapter: String, _ count: Int) -> String {
    (1...count).map {
      "<p>\(chapter) paragraph \($0) goes on for a while so that it fills lines.</p>"
    }
    .joined()
  }

  /// Three chapters of several pages each at 60x16; chapter one calls a footnote,
  /// chapter two links to chapter three.
  static func bookLibrary() throws -> Library {
    let book = EPUBFixture.book(
      title: "Three Rivers",
      chapters: [
        (
          "Chapter One",
          "<h1>Chapter One</h1><p>The story starts.<a epub:type=\"noteref\" href=\"#fn1\">1</a></p>"
            + paragraphs("One", 12)
            + "<aside epub:type=\"footnote\" id=\"fn1\"><p>A note about the start.</p></aside>"
        ),
        (
          "Chapter Two",
          "<h1>Chapter Two</h1><p>Go to <a href=\"chapter3.xhtml#last\">the last river</a>.</p>"
            + paragraphs("Two", 12)
        ),
        (
          "Chapter Three",
          "<h1>Chapter Three</h1>" + paragraphs("Three", 6) + "<p id=\"last\">The last river.</p>"
        ),
      ])
    let library = try Library.inMemory()
    try library.add(try ArticleImporter.importData(try book.zipData(), name: "rivers.epub"))
    return library
  }

  @Test func theContentsJumpToAChapterThatTheStatusLineNames() throws {
    let app = makeApp(try Self.bookLibrary(), width: 60, height: 16)
    app.press("<Enter>o")
    #expect(app.state.modal == .contents(selected: 0))
    let box = app.render()
    #expect(box.rows.contains { $0.contains("Chapter Three") })
    app.press("jj<Enter>")
    #expect(app.state.modal == nil)
    let grid = app.render()
    #expect(grid.rows.prefix(15).contains { $0.contains("Chapter Three") })
    #expect(grid.rows[15].contains("Chapter Three · Backspace goes back"))
    app.press("l")
    #expect(app.render().rows[15].contains("Chapter Three · Three Rivers"))
    app.press("h")
    app.press("<BS>")
    #expect(app.state.reader?.pageIndex == 0)
    #expect(app.render().rows[15].contains("Chapter One"))
  }

  @Test func aFootnoteOpensInPlaceAndAnyKeyClosesIt() throws {
    let app = makeApp(try Self.bookLibrary(), width: 60, height: 16)
    app.press("<Enter>")
    let page = app.state.reader?.pageIndex
    app.press("1<Enter>")
    #expect(app.state.modal == .note("A note about the start."))
    #expect(app.render().rows.contains { $0.contains("A note about the start.") })
    app.press("x")
    #expect(app.state.modal == nil)
    #expect(app.state.reader?.pageIndex == page)
  }

  @Test func aLinkInsideTheBookJumpsAndBackspaceComesBack() throws {
    let app = makeApp(try Self.bookLibrary(), width: 60, height: 16)
    app.press("<Enter>o")
    app.press("j<Enter>")
    let chapterTwo = try #require(app.state.reader?.pageIndex)
    // The link list: the note's link, the way back from it, then "the last river".
    let links = try #require(app.state.reader?.links)
    let number = try #require(links.firstIndex { $0.text == "the last river" }) + 1
    app.press("\(number)<Enter>")
    let grid = app.render()
    #expect(grid.rows.prefix(15).contains { $0.contains("The last river.") })
    #expect(app.state.reader?.pageIndex != chapterTwo)
    app.press("<BS>")
    #expect(app.state.reader?.pageIndex == chapterTwo)
    app.press("<BS><BS>")
    #expect(app.state.status?.text == "Nothing to go back to")
  }

  @Test func anArticleWithoutContentsSaysSo() throws {
    let app = makeApp(try makeLibrary([ReaderScreenTests.numbered(40)]), width: 60, height: 16)
    app.press("<Enter>o")
    #expect(app.state.modal == nil)
    #expect(app.state.status?.text == "This article has no table of contents")
  }
}
