import Foundation
import LeggioModel

/// Links to a place on the same page (`#fn-1`, `page.html#notes`) made `InternalLink`s:
/// a footnote reference (cmark-gfm's `[^1]`, a short superscript link, `doc-noteref`)
/// opens its note over the page, as in a book; any other jumps to the block.
extension HTMLDocumentConverter {
  static let noteFragment = "leggio-note-fragment:"
  static let blockFragment = "leggio-block-fragment:"

  /// `convert`, with same-page links pointing at blocks. A fragment that names no
  /// element stays the link it was. `direction` is the page's, for a root detached from
  /// the elements that name it.
  public static func convertLinkingFragments(
    _ root: HTMLNode, baseURL: URL? = nil, authored: Bool = false,
    direction: TextDirection? = nil
  ) -> Document {
    let page = baseURL.map(address(withoutFragment:))
    var marked = false
    for link in root.elements(named: "a") {
      guard let href = link.attribute("href"), let fragment = samePageFragment(href, page: page)
      else { continue }
      let marker = EPUBChapter.isNoteReference(link) ? noteFragment : blockFragment
      link.setAttribute("href", marker + fragment)
      marked = true
    }
    guard marked else {
      return convert(root, baseURL: baseURL, authored: authored, direction: direction)
    }
    var (document, anchors) = convertRecordingAnchors(
      root, baseURL: baseURL, authored: authored, direction: direction)
    for block in document.blocks.indices {
      for run in document.blocks[block].inlines.indices {
        guard let link = document.blocks[block].inlines[run].link, link.hasPrefix("leggio-")
        else { continue }
        let isNote = link.hasPrefix(noteFragment)
        let fragment = String(link.dropFirst(isNote ? noteFragment.count : blockFragment.count))
        let id = fragment.removingPercentEncoding ?? fragment
        guard let index = anchors[id], index < document.blocks.count else {
          document.blocks[block].inlines[run].link = (page ?? "") + "#" + fragment
          continue
        }
        let target: InternalLink = isNote ? .note(index) : .block(index)
        document.blocks[block].inlines[run].link = target.target
      }
    }
    return document
  }

  /// The fragment of `href` when it points into the page at `page` (or is only a
  /// fragment), as written; nil for a link elsewhere or an empty fragment.
  static func samePageFragment(_ href: String, page: String?) -> String? {
    let trimmed = href.trimmingWhitespace()
    guard let hash = trimmed.firstIndex(of: "#") else { return nil }
    let before = trimmed[..<hash]
    guard before.isEmpty || page.map({ before == $0 }) == true else { return nil }
    let fragment = String(trimmed[trimmed.index(after: hash)...])
    return fragment.isEmpty ? nil : fragment
  }

  private static func address(withoutFragment url: URL) -> String {
    let text = url.absoluteString
    return text.firstIndex(of: "#").map { String(text[..<$0]) } ?? text
  }
}
