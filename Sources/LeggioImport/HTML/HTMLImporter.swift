import Foundation
import LeggioModel

/// Imports a local HTML file as it is, without readability extraction: the title from
/// the only `<h1>` or else `<title>`, the body through `HTMLDocumentConverter`. Web pages
/// go through the extractor instead; this serves saved articles and exported notes.
public enum HTMLImporter {
  public static func importText(_ html: String, fallbackTitle: String, baseURL: URL? = nil)
    -> ImportedArticle
  {
    let root = HTMLParser.parse(html)
    var document = HTMLDocumentConverter.convertLinkingFragments(root, baseURL: baseURL)
    let headings = root.elements(named: "h1").map { HTMLDocumentConverter.collapsedText(of: $0) }
      .filter { !$0.isEmpty }
    let pageTitle = root.firstElement(named: "title").map {
      HTMLDocumentConverter.collapsedText(of: $0)
    }
    var title = fallbackTitle
    if headings.count == 1 {
      title = headings[0]
    } else if let pageTitle, !pageTitle.isEmpty {
      title = pageTitle
    }
    if let first = document.blocks.first, case .heading = first.kind, first.plainText == title {
      document.removeBlockKeepingLinks(at: 0)
    }
    var metadata = ArticleMetadata(title: title)
    metadata.language =
      language(of: root)
      ?? LanguageDetector.detect(
        document.blocks.prefix(60).map(\.plainText).joined(separator: "\n"))
    if let author = meta(named: "author", in: root) { metadata.byline = author }
    return ImportedArticle(metadata: metadata, document: document)
  }

  /// The primary subtag of `<html lang>`: "it" for `it-CH`.
  static func language(of root: HTMLNode) -> String? {
    guard let html = root.firstElement(named: "html"), let lang = html.attribute("lang"),
      let primary = lang.split(whereSeparator: { $0 == "-" || $0 == "_" }).first,
      (2...3).contains(primary.count), primary.allSatisfy(\.isLetter)
    else { return nil }
    return primary.lowercased()
  }

  static func meta(named name: String, in root: HTMLNode) -> String? {
    let element = root.elements(named: "meta").first { $0.attribute("name")?.lowercased() == name }
    let content = element?.attribute("content").map(TextSanitizer.removingForbidden)?
      .trimmingCharacters(in: .whitespacesAndNewlines)
    return content?.isEmpty == false ? content : nil
  }
}
