import Foundation
import LeggioModel

/// Imports Markdown: front matter (title, author, date, tags), then cmark-gfm renders the
/// body to HTML, which `HTMLParser` and `HTMLDocumentConverter` turn into a `Document` — the
/// same path (and sanitiser) web pages take. The title is the front matter's, else the
/// first of the most prominent headings outside quotes and lists (taken out of the body when
/// nothing but pictures and rules come before it, its formatting kept as the document's
/// `headline`), else the file name.
public enum MarkdownImporter {
  public static func importText(
    _ text: String, fallbackTitle: String, baseURL: URL? = nil, timeZone: TimeZone = .current
  ) -> ImportedArticle {
    let (matter, body) = FrontMatter.split(text) ?? (FrontMatter(), Substring(text))
    let html = CommonMarkRenderer.html(String(body))
    var document = HTMLDocumentConverter.convertLinkingFragments(
      HTMLParser.parse(html), baseURL: baseURL, authored: true)
    creditImagesFromTheirSourceLines(&document)

    var metadata = ArticleMetadata(title: fallbackTitle)
    if let title = matter.value("title"), !title.isEmpty {
      metadata.title = title
    } else if let index = titleHeading(document), !document.blocks[index].plainText.isEmpty {
      metadata.title = document.blocks[index].plainText
      if case .heading(level: 1) = document.blocks[index].kind,
        document.blocks[..<index].allSatisfy({
          if case .image = $0.kind { return $0.containers == nil }
          return $0.kind == .rule
        })
      {
        document.headline = document.blocks[index].inlines
        document.removeBlockKeepingLinks(at: index)
      }
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

  /// The first heading of the smallest level among those outside quotes and lists.
  static func titleHeading(_ document: Document) -> Int? {
    var best: (index: Int, level: Int)?
    for (index, block) in document.blocks.enumerated()
    where block.containers == nil && !block.inlines.isEmpty {
      if case .heading(let level) = block.kind, level < (best?.level ?? 7) {
        best = (index, level)
      }
    }
    return best?.index
  }

  /// A picture followed by a paragraph that is all emphasis (`*Source: …*`, the line
  /// people write under an image) becomes one figure: the line its credit.
  static func creditImagesFromTheirSourceLines(_ document: inout Document) {
    var index = 0
    while index + 1 < document.blocks.count {
      let next = document.blocks[index + 1]
      if case .image(nil) = document.blocks[index].kind, next.kind == .paragraph,
        next.containers == document.blocks[index].containers, !next.inlines.isEmpty,
        next.inlines.allSatisfy({ $0.style.contains(.emphasis) })
      {
        document.blocks[index].kind = .image(credit: next.plainText)
        document.removeBlockKeepingLinks(at: index + 1)
      }
      index += 1
    }
  }
}
