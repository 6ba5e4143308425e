import Foundation
import LeggioModel

/// One content document of the spine, converted on its own: its blocks, where its
/// element ids land among them, and its first heading (a title when the book has no
/// table of contents).
struct EPUBChapter: Sendable {
  var path: String
  var document: Document
  var anchors: [String: Int]
  var pageTitle: String?
  /// The page an article of a calibre news book was downloaded from.
  var downloadedFrom: String?
  /// The articles a calibre section page lists, with their dates, bylines and summaries.
  var listings: [CalibreNews.Listing] = []

  /// Reads `data` through the HTML pipeline. Links stay as written (relative to
  /// `path`); note references are marked with `noteMarker` for the book to resolve.
  init(path: String, data: Data) {
    self.path = path
    let root = HTMLParser.parseChapter(ChapterText.decode(data))
    // One walk finds calibre's navigation bars and the links, for the three passes below:
    // a walk of its own for each was a twentieth of reading a book.
    var bars: [HTMLNode] = []
    var links: [HTMLNode] = []
    root.visitDescendants { node in
      if node.kind == .element {
        if node.name == "a" {
          links.append(node)
        } else if CalibreNews.isNavigationBar(node) {
          bars.append(node)
        }
      }
      return true
    }
    downloadedFrom = CalibreNews.removeNavigation(bars: bars)
    // The links inside the bars went with them.
    if !bars.isEmpty { links.removeAll { !$0.isInside(root) } }
    listings = CalibreNews.listings(among: links)
    for link in links where Self.isNoteReference(link) {
      if let href = link.attribute("href") { link.setAttribute("href", Self.noteMarker + href) }
    }
    (document, anchors) = HTMLDocumentConverter.convertRecordingAnchors(root)
    pageTitle = root.firstElement(named: "title").map {
      EPUBNavigation.clean(HTMLDocumentConverter.collapsedText(of: $0))
    }.flatMap { $0.isEmpty ? nil : $0 }
  }

  /// The text of the first heading: worked out only for a book without a table of
  /// contents, which is the only one to need it.
  var firstHeading: String? {
    document.blocks.first { block in
      if case .heading = block.kind { return true }
      return false
    }.map { EPUBNavigation.clean($0.plainText) }
  }

  /// Put before the href of a note reference until the links are resolved.
  static let noteMarker = "leggio-noteref:"

  /// Whether a link calls a footnote or endnote: `epub:type="noteref"`,
  /// `role="doc-noteref"`, or the common pattern of a short superscript link to a
  /// fragment (`<sup><a href="#n1">1</a></sup>`, `<a href="#n1"><sup>1</sup></a>`).
  static func isNoteReference(_ link: HTMLNode) -> Bool {
    let type = link.attribute("epub:type") ?? ""
    let role = link.attribute("role") ?? ""
    if type.split(separator: " ").contains("noteref")
      || role.split(separator: " ").contains("doc-noteref")
    {
      return true
    }
    guard let href = link.attribute("href"), href.contains("#") else { return false }
    let text = link.textContent.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty, text.count <= 5 else { return false }
    let superscript =
      link.parent?.name == "sup"
      || (link.elementChildren.count == 1 && link.elementChildren[0].name == "sup")
    let marker = text.allSatisfy { $0.isNumber || "[]()*†‡§¶".contains($0) || $0.isLetter }
    let named = (link.attribute("class") ?? "").lowercased()
    return marker
      && (superscript || named.contains("noteref") || named.contains("footnote")
        || named.contains("fnref"))
  }
}
