import Foundation
import Testing

@testable import LeggioImport
@testable import LeggioModel

/// One walk of a chapter finds calibre's navigation bars and its links: the bars go, and
/// the links that were inside them are neither listed as articles nor taken for note
/// references; the links of the page are.
@Suite struct EPUBChapterLinksTests {
  static let page = """
    <?xml version="1.0" encoding="utf-8"?>
    <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Section</title></head><body>
    <div class="calibre_navbar">
      <a class="article" href="feed_0/article_9/index.html">In the bar</a>
      <sup><a href="#bar-note">1</a></sup>
      <a rel="calibre-downloaded-from" href="https://example.org/front">Source</a>
    </div>
    <ul><li><a class="article" href="feed_0/article_0/index.html">First story</a>
    <span class="article_date">Mon, 1 Jan</span></li></ul>
    <p>Text with a note.<sup><a href="#n1">1</a></sup></p>
    <table class="touchscreen_navbar"><tr><td><a class="summary_headline"
      href="feed_0/article_8/index.html">Also in a bar</a></td></tr></table>
    <p id="n1">The note.</p>
    </body></html>
    """

  @Test func linksInsideTheNavigationBarsGoWithThem() {
    let chapter = EPUBChapter(path: "index.html", data: Data(Self.page.utf8))
    #expect(chapter.downloadedFrom == "https://example.org/front")
    #expect(chapter.listings.map(\.href) == ["feed_0/article_0/index.html"])
    #expect(chapter.listings.first?.date == "Mon, 1 Jan")
    let links = chapter.document.blocks.flatMap(\.inlines).compactMap(\.link)
    #expect(links.contains(EPUBChapter.noteMarker + "#n1"))
    #expect(!links.contains { $0.hasSuffix("#bar-note") })
    #expect(!links.contains { $0.contains("article_9") || $0.contains("article_8") })
    #expect(!chapter.document.blocks.map(\.plainText).joined().contains("In the bar"))
  }
}
