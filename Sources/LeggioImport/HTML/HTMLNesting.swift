import Foundation
import Synchronization

/// Whether libxml2's HTML parser keeps an element, or text, where a well-formed XHTML
/// document puts it, asked of the HTML parser itself on a tiny document and remembered
/// for the life of the process.
///
/// The HTML parser closes elements that HTML says a new one ends (`<p>` before `<div>`,
/// `<li>` before `<li>`), empties void elements (`<br>`), opens a `<body>` or `<p>` for
/// misplaced text: where it would, `XHTMLReader` leaves the chapter to it, so the XML
/// reading gives the tree the HTML reading gives. Asking the parser, rather than copying
/// its tables, keeps the answer right for whatever libxml2 is installed.
enum HTMLNesting {
  private static let elements = Mutex<[String: Bool]>([:])
  private static let texts = Mutex<[String: TextFate]>([:])

  /// Whether `<child></child>` stays a child of `parent` (lower-case names; `parent` is
  /// neither `html` nor the document, whose children `XHTMLReader` checks itself).
  static func keeps(element child: String, in parent: String) -> Bool {
    let key = parent + " " + child
    if let known = elements.withLock({ $0[key] }) { return known }
    let kept = probe(parent, "<\(child)></\(child)>") { children, _ in
      children.count == 1 && children[0].isElement && children[0].name == localName(child)
    }
    elements.withLock { $0[key] = kept }
    return kept
  }

  /// Where the HTML parser puts text in `parent`.
  enum TextFate: Sendable {
    /// It stays a child of `parent`.
    case kept
    /// It is left out of the tree.
    case dropped
    /// It goes elsewhere (after a void element, into an implied `<p>`).
    case moved
  }

  /// Where text, blank (spaces, tabs and line breaks) or not, in `parent` ends up.
  static func fate(ofText blank: Bool, in parent: String) -> TextFate {
    let key = (blank ? " " : "x") + parent
    if let known = texts.withLock({ $0[key] }) { return known }
    let text = blank ? " \n " : "x"
    var fate = TextFate.moved
    _ = probe(parent, text) { children, root in
      if children.count == 1 && children[0].kind == .text && children[0].text == text {
        fate = .kept
      } else if !root.textContent.contains(text) {
        fate = .dropped
      }
      return true
    }
    texts.withLock { $0[key] = fate }
    return fate
  }

  /// Parses `content` inside `parent` (in `<head>`, in `<body>`, else in `<parent>` in
  /// `<body>`) and tests the children `parent` ends up with (false when the parser did
  /// not keep `parent` itself) and the whole tree.
  private static func probe(
    _ parent: String, _ content: String, _ test: ([HTMLNode], HTMLNode) -> Bool
  ) -> Bool {
    let path: [String]
    let html: String
    switch parent {
    case "html":
      path = ["html"]
      html = "<html>\(content)</html>"
    case "head", "body":
      path = ["html", parent]
      html = "<html><\(parent)>\(content)</\(parent)></html>"
    default:
      path = ["html", "body", localName(parent)]
      html = "<html><body><\(parent)>\(content)</\(parent)></body></html>"
    }
    let root = HTMLParser.parse(html)
    var node = root
    for name in path {
      guard let next = node.children.first(where: { $0.isElement && $0.name == name }) else {
        return false
      }
      node = next
    }
    return test(node.children, root)
  }

  /// An element's name as the HTML tree keeps it: without a prefix (`epub:switch` is
  /// `switch`), as `HTMLParser.NameTable.elementName` gives it.
  static func localName(_ name: String) -> String {
    guard let colon = name.firstIndex(of: ":"), colon != name.startIndex,
      name.index(after: colon) != name.endIndex
    else { return name }
    return String(name[name.index(after: colon)...])
  }
}
