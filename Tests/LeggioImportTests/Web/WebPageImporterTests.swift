import Foundation
import Testing

@testable import LeggioModel
@testable import LeggioImport

@Suite struct WebPageImporterTests {
  static let articleHTML = ReadabilityExtractorTests.page(
    article: "<article>\(ReadabilityExtractorTests.paragraphs)</article>",
    head: "<meta property=\"og:title\" content=\"Il titolo\">")

  @Test func aPageBecomesAnArticleWithItsSourceAndOriginalHTML() throws {
    let data = Data(Self.articleHTML.utf8)
    let url = URL(string: "https://giornale.it/pezzo.html")!
    let article = try WebPageImporter.importHTML(data: data, url: url, contentType: "text/html")
    #expect(article.metadata.title == "Il titolo")
    #expect(article.metadata.source == url.absoluteString)
    #expect(article.metadata.language == "it")
    #expect(article.originalHTML == data)
    #expect(article.document.blocks.count >= 6)
    #expect(article.warnings.isEmpty)
  }

  @Test func controlCharactersNeverReachTheDocument() throws {
    let html = Self.articleHTML.replacingOccurrences(
      of: "Paragrafo 2:", with: "Paragrafo 2:\u{1B}]0;pwned\u{07}\u{202E}"
    )
    .replacingOccurrences(of: "Il titolo", with: "Il \u{1B}[2Jtitolo")
    let article = try WebPageImporter.importHTML(data: Data(html.utf8), url: nil)
    let everything = article.document.blocks.map(\.plainText).joined() + article.metadata.title
    #expect(!everything.unicodeScalars.contains(where: TextSanitizer.isForbidden))
  }

  @Test func aPageWithNoTextIsATypedError() {
    let html = "<html><body><div><img src=a.png></div><script>app()</script></body></html>"
    #expect(throws: WebImportError.noArticleText(source: "https://x.it/")) {
      try WebPageImporter.importHTML(data: Data(html.utf8), url: URL(string: "https://x.it/"))
    }
  }

  @Test func aPDFIsRefusedSayingWhatItIs() {
    #expect(throws: WebImportError.notHTML(source: "the page", kind: "a PDF document")) {
      try WebPageImporter.importHTML(data: Data("%PDF-1.7\n...".utf8), url: nil)
    }
  }

  @Test func tagSoupUnclosedTagsAndJunkNeverCrash() throws {
    let soups = [
      "<p>uno<p>due<div><span><b>tre</i></p></table><li>quattro<td>cinque",
      "<html><body>" + String(repeating: "<div>", count: 5000) + "fondo",
      "<<<>>><p <a href=<img src=>>&amp;&#0;&#xD800;&bogus;",
      "",
    ]
    for soup in soups {
      _ = ReadabilityExtractor().extract(html: soup, url: nil)
    }
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<20 {
      let junk = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
      _ = try? WebPageImporter.importHTML(data: junk, url: nil)
    }
  }

  @Test func aFiveMegabytePageIsExtracted() throws {
    let paragraph =
      "<p>Un paragrafo di prova, con virgole, parole e abbastanza testo da contare come articolo vero.</p>\n"
    let body = String(repeating: paragraph, count: 5 * 1_048_576 / paragraph.utf8.count)
    let html =
      "<html><body><div class=\"sidebar\"><a href=/>menu</a></div><article>\(body)</article></body></html>"
    let article = try WebPageImporter.importHTML(data: Data(html.utf8), url: nil)
    #expect(article.document.blocks.count > 50_000)
  }

  @Test func thousandsOfBreakSeparatedLinesBecomeParagraphs() throws {
    let lines = (1...20_000).map { "Riga \($0), con qualche parola e una virgola." }
    let html = "<html><body><div>\(lines.joined(separator: "<br><br>\n"))</div></body></html>"
    let content = ReadabilityExtractor().extract(html: html, url: nil).content
    let paragraphs = content.elements(named: "p")
    #expect(paragraphs.count == 20_000)
    #expect(paragraphs.last?.innerText == "Riga 20000, con qualche parola e una virgola.")
  }
}
