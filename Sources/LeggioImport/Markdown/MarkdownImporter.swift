import Foundation
import Ink
import LeggioModel

/// Imports Markdown: front matter (title, author, date, tags), then Ink renders the body
/// to HTML, which `HTMLParser` and `HTMLDocumentConverter` turn into a `Document` — the
/// same path web pages take. The title is the front matter's, else the first level-1
/// heading (taken out of the body), else the file name.
public enum MarkdownImporter {
  public static func importText(
    _ text: String, fallbackTitle: String, baseURL: URL? = nil, timeZone: TimeZone = .current
  ) -> ImportedArticle {
    let (matter, body) = FrontMatter.split(text) ?? (FrontMatter(), Substring(text))
    let html = MarkdownParser().html(from: MarkdownPreprocessor.prepare(String(body)))
    var document = HTMLDocumentConverter.convert(HTMLParser.parse(html), baseURL: baseURL)

    var metadata = ArticleMetadata(title: fallbackTitle)
    if let title = matter.value("title"), !title.isEmpty {
      metadata.title = title
    } else if let index = document.blocks.firstIndex(where: { $0.kind == .heading(level: 1) }),
      document.blocks[..<index].allSatisfy({ $0.kind == .rule })
    {
      metadata.title = document.blocks[index].plainText
      document.blocks.remove(at: index)
    }
    metadata.byline = matter.value("author", "authors", "byline")
    metadata.standfirst = matter.value("description", "subtitle", "summary", "lede")
    metadata.kicker = matter.value("kicker", "section", "category")
    if let date = matter.value("date", "published", "pubdate") {
      metadata.dateline = date
      metadata.published = DatelineParser.parse(date, timeZone: timeZone)
    }
    metadata.tags = matter.list("tags") + matter.list("keywords")
    metadata.imageCredit = matter.value("image_credit", "imagecredit", "credit")
    metadata.language =
      matter.value("lang", "language")
      ?? LanguageDetector.detect(
        ([metadata.title] + document.blocks.prefix(60).map(\.plainText)).joined(separator: "\n"))
    return ImportedArticle(metadata: metadata, document: document)
  }
}
