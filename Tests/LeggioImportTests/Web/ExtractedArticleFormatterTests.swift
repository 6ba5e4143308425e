import Foundation
import Testing

@testable import LeggioModel
@testable import LeggioImport

@Suite struct ExtractedArticleFormatterTests {
  let article = ImportedArticle(
    metadata: ArticleMetadata(
      title: "Il vertice", standfirst: "Il sommario.", byline: "Anna Bianchi",
      published: Date(timeIntervalSince1970: 1_718_785_800), language: "it",
      source: "https://giornale.it/pezzo", siteName: "Giornale"),
    document: Document(blocks: [
      Block(.paragraph, [Inline("Un "), Inline("link", link: "https://x.it/"), Inline(" qui.")]),
      Block(.heading(level: 2), text: "Dopo"),
      Block(.listItem(depth: 1, ordinal: nil), text: "uno"),
      Block(.listItem(depth: 1, ordinal: nil), text: "due"),
    ]))

  @Test func jsonHasTheFieldsScriptsExpect() throws {
    let json = ExtractedArticleFormatter.format(article, as: .json)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["title"] as? String == "Il vertice")
    #expect(object["byline"] as? String == "Anna Bianchi")
    #expect(object["published"] as? String == "2024-06-19T08:30:00Z")
    #expect(object["siteName"] as? String == "Giornale")
    #expect(object["language"] as? String == "it")
    #expect(object["excerpt"] as? String == "Il sommario.")
    #expect(object["text"] as? String == "Un link qui.\n\nDopo\n\nuno\n\ndue")
    let blocks = try #require(object["blocks"] as? [[String: Any]])
    #expect(
      blocks.map { $0["kind"] as? String } == ["paragraph", "heading", "listItem", "listItem"])
    #expect(object.keys.contains("kicker"))
  }

  @Test func markdownKeepsLinksHeadingsAndLists() {
    let markdown = ExtractedArticleFormatter.format(article, as: .markdown)
    #expect(
      markdown == """
        # Il vertice

        *Anna Bianchi*

        Un [link](https://x.it/) qui.

        ### Dopo

        - uno
        - due

        """)
  }

  @Test func textIsTheTitleCreditsAndCanonicalText() {
    let text = ExtractedArticleFormatter.format(article, as: .text)
    #expect(
      text.hasPrefix("Il vertice\nAnna Bianchi · 2024-06-19T08:30:00Z\n\nUn link qui.\n\nDopo"))
  }

  @Test func sourceArgumentsAreRecognised() {
    #expect(WebPageSource(argument: "-") == .standardInput)
    #expect(WebPageSource(argument: "https://x.it/a") == .url(URL(string: "https://x.it/a")!))
    #expect(WebPageSource(argument: "pagina.html") == .file(URL(fileURLWithPath: "pagina.html")))
  }

  @Test func aCorpusFileIsExtractedWithItsPathAsSource() throws {
    let path = WebCorpusTests.corpus.appendingPathComponent("bbc-1/source.html").path
    let article = try WebPageSource(argument: path).importArticle()
    #expect(article.metadata.source == URL(fileURLWithPath: path).path)
    #expect(article.metadata.title == "Obama admits US gun laws are his 'biggest frustration'")
  }

  @Test func aMissingFileSaysSo() {
    #expect(
      throws: WebImportError.unreadableFile(path: "/nonexistent/p.html", reason: "no such file")
    ) {
      try WebPageSource(argument: "/nonexistent/p.html").importArticle()
    }
  }
}
