import Foundation
import LeggioModel

/// Turns an HTML tree into a `Document`; Markdown (through cmark-gfm), web
/// pages and feed items share it.
///
/// It renders the way a text browser does: whitespace collapsed as in CSS `normal`, `<br>`
/// as a line break inside the block, `<pre>` kept as written; headings with their level,
/// block quotes with their depth, list items with depth and number (`start`, `value`,
/// `reversed`), images as placeholders with alt text, caption and credit, data tables as
/// rows of cells, links resolved against `baseURL`. Scripts, styles, navigation, forms,
/// frames and hidden elements are skipped; loose text in containers becomes paragraphs.
public enum HTMLDocumentConverter {
  /// Element nesting beyond this depth is read for its text only. `HTMLParser` already
  /// flattens deeper trees; this guards trees built by other means.
  static let maximumDepth = 512

  /// `authored` when the HTML was made from Markdown: pictures without alt text, empty
  /// headings and links to `""` are the author's, kept (a web page's are spacers and
  /// leftovers). `direction` is where the blocks' direction starts when no element above
  /// `root` names one (the page's, for an extracted article detached from its page).
  public static func convert(
    _ root: HTMLNode, baseURL: URL? = nil, authored: Bool = false,
    direction: TextDirection? = nil
  ) -> Document {
    var builder = DocumentBuilder(baseURL: baseURL)
    builder.isAuthored = authored
    builder.direction = inheritedDirection(of: root) ?? direction
    builder.walk(root, depth: 0)
    builder.finishBlock()
    return Document(blocks: builder.blocks)
  }

  /// `convert` that also records where each element `id` lands: the index of the block
  /// holding what follows it (see `DocumentBuilder.anchors`).
  static func convertRecordingAnchors(
    _ root: HTMLNode, baseURL: URL? = nil, authored: Bool = false,
    direction: TextDirection? = nil
  ) -> (Document, [String: Int]) {
    var builder = DocumentBuilder(baseURL: baseURL)
    builder.isAuthored = authored
    builder.direction = inheritedDirection(of: root) ?? direction
    builder.anchors = [:]
    builder.walk(root, depth: 0)
    builder.finishBlock()
    return (Document(blocks: builder.blocks), builder.anchors ?? [:])
  }

  /// The direction the nearest `dir` above `root` names (`<html dir="rtl">` over the
  /// article an extractor chose), nil when none does.
  static func inheritedDirection(of root: HTMLNode) -> TextDirection? {
    var node = root.parent
    while let current = node {
      if current.kind == .element,
        let named = TextDirection(htmlAttribute: current.attribute("dir"))
      {
        return named
      }
      node = current.parent
    }
    return nil
  }

  /// Elements whose content is never part of the text. A `form` is not one of them: whole
  /// pages are wrapped in one (ASP.NET), and a login wall's only text sits in its form.
  static let skipped: Set<String> = [
    "script", "style", "noscript", "template", "nav", "iframe", "frame", "frameset",
    "head", "title", "meta", "link", "base", "svg", "math", "button", "input", "select",
    "textarea", "object", "embed", "canvas", "audio", "video", "map", "dialog", "source",
    "track", "param", "area",
  ]

  /// Elements that start and end a block of their own.
  static let containers: Set<String> = [
    "p", "div", "section", "article", "main", "header", "footer", "aside", "address", "center",
    "details", "summary", "body", "html", "form", "hgroup", "fieldset", "legend", "caption",
    "figcaption", "dl", "dd", "tbody", "thead", "tfoot", "tr", "td", "th", "search",
  ]

  static let emphasis: Set<String> = ["em", "i", "cite", "dfn", "var"]
  static let strong: Set<String> = ["strong", "b"]
  static let struck: Set<String> = ["del", "s", "strike"]
  static let code: Set<String> = ["code", "kbd", "samp", "tt"]

  /// Whether an element is hidden from readers (`hidden`, `aria-hidden`, `display:none`).
  static func isHidden(_ node: HTMLNode) -> Bool {
    if node.attribute("hidden") != nil { return true }
    if node.attribute("aria-hidden")?.lowercased() == "true" { return true }
    if let style = node.attribute("style")?.lowercased().filter({ !$0.isWhitespace }),
      style.contains("display:none") || style.contains("visibility:hidden")
    {
      return true
    }
    return false
  }

  /// A link target made absolute against `baseURL`; nil for script and data links.
  static func resolve(_ href: String, baseURL: URL?) -> String? {
    let trimmed = href.trimmingWhitespace()
    if PlainAbsoluteURL.isPlain(trimmed) { return TextSanitizer.removingForbidden(trimmed) }
    guard !trimmed.isEmpty, !trimmed.hasLowercasedPrefix("javascript:"),
      !trimmed.hasLowercasedPrefix("data:")
    else {
      return nil
    }
    guard let baseURL else { return TextSanitizer.removingForbidden(trimmed) }
    let url =
      URL(string: trimmed, relativeTo: baseURL)
      ?? URL(string: trimmed.replacingOccurrences(of: " ", with: "%20"), relativeTo: baseURL)
    guard let url else { return nil }
    return TextSanitizer.removingForbidden(url.absoluteString)
  }

  /// The text of a subtree with whitespace collapsed and controls removed.
  static func collapsedText(of node: HTMLNode, excluding excluded: HTMLNode? = nil) -> String {
    var builder = DocumentBuilder(baseURL: nil)
    builder.collectInline(node, depth: 0, excluding: excluded)
    return builder.takeInlineText()
  }
}
