import Foundation
import LeggioModel

/// The state of one walk of `HTMLDocumentConverter` over an HTML tree: the blocks made
/// so far and the inline runs of the block being filled.
struct DocumentBuilder {
  private(set) var blocks: [Block] = []
  let baseURL: URL?

  /// The runs of the block being filled.
  var runs: [Inline] = []
  var style: InlineStyle = []
  var link: String?
  private var quoteDepth = 0
  var preformattedDepth = 0
  private var lists: [ListContext] = []
  /// The kind of the next block when a list item has just opened.
  private var itemKind: Block.Kind?
  /// When not nil, each element `id` (and `<a name>`) met, with the index of the block
  /// that holds what follows it: how a book's links find their targets.
  var anchors: [String: Int]?

  /// An open `<ul>` or `<ol>`.
  struct ListContext {
    var ordered: Bool
    var next: Int
    var step: Int
  }

  init(baseURL: URL?) {
    self.baseURL = baseURL
  }

  // MARK: Walking

  mutating func walk(_ node: HTMLNode, depth: Int) {
    switch node.kind {
    case .text: appendText(node.text)
    case .comment: break
    case .document: walkChildren(of: node, depth: depth)
    case .element: walkElement(node, depth: depth)
    }
  }

  mutating func walkChildren(of node: HTMLNode, depth: Int) {
    guard depth < HTMLDocumentConverter.maximumDepth else {
      appendText(node.textContent)
      return
    }
    for child in node.children { walk(child, depth: depth + 1) }
  }

  private mutating func walkElement(_ node: HTMLNode, depth: Int) {
    let name = node.name
    if anchors != nil,
      let id = node.attribute("id") ?? (name == "a" ? node.attribute("name") : nil),
      anchors?[id] == nil
    {
      anchors?[id] = blocks.count
    }
    if HTMLDocumentConverter.skipped.contains(name) || HTMLDocumentConverter.isHidden(node) {
      return
    }
    switch name {
    case "br":
      lineBreak()
    case "a":
      let saved = link
      if let href = node.attribute("href") {
        link = HTMLDocumentConverter.resolve(href, baseURL: baseURL)
      }
      walkChildren(of: node, depth: depth)
      link = saved
    case "img":
      image(node, caption: nil, credit: nil)
    case "figure":
      figure(node, depth: depth)
    case "h1", "h2", "h3", "h4", "h5", "h6":
      finishBlock()
      walkChildren(of: node, depth: depth)
      finishBlock(as: .heading(level: Int(String(name.dropFirst()))!))
    case "blockquote":
      finishBlock()
      quoteDepth += 1
      walkChildren(of: node, depth: depth)
      finishBlock()
      quoteDepth -= 1
    case "ul", "ol", "menu", "dir":
      list(node, ordered: name == "ol", depth: depth)
    case "li":
      listItem(node, depth: depth)
    case "dt":
      finishBlock()
      styled(.strong, node, depth: depth)
      finishBlock()
    case "pre", "listing", "xmp", "plaintext":
      finishBlock()
      preformattedDepth += 1
      walkChildren(of: node, depth: depth)
      preformattedDepth -= 1
      finishBlock(as: .preformatted)
    case "hr":
      finishBlock()
      blocks.append(Block(.rule, []))
    case "table":
      table(node, depth: depth)
    default:
      if HTMLDocumentConverter.emphasis.contains(name) {
        styled(.emphasis, node, depth: depth)
      } else if HTMLDocumentConverter.strong.contains(name) {
        styled(.strong, node, depth: depth)
      } else if HTMLDocumentConverter.code.contains(name) {
        styled(.code, node, depth: depth)
      } else if HTMLDocumentConverter.containers.contains(name) {
        finishBlock()
        walkChildren(of: node, depth: depth)
        finishBlock()
      } else {
        walkChildren(of: node, depth: depth)
      }
    }
  }

  private mutating func styled(_ added: InlineStyle, _ node: HTMLNode, depth: Int) {
    let saved = style
    style.formUnion(added)
    walkChildren(of: node, depth: depth)
    style = saved
  }

  private mutating func list(_ node: HTMLNode, ordered: Bool, depth: Int) {
    finishBlock()
    let reversed = node.attribute("reversed") != nil
    var start = node.attribute("start").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    if start == nil && reversed {
      start = node.elementChildren.filter { $0.name == "li" }.count
    }
    lists.append(ListContext(ordered: ordered, next: start ?? 1, step: reversed ? -1 : 1))
    walkChildren(of: node, depth: depth)
    finishBlock()
    lists.removeLast()
  }

  private mutating func listItem(_ node: HTMLNode, depth: Int) {
    finishBlock()
    var ordinal: Int?
    if var context = lists.last, context.ordered {
      if let value = node.attribute("value").flatMap({
        Int($0.trimmingCharacters(in: .whitespaces))
      }) {
        context.next = value
      }
      ordinal = context.next
      context.next += context.step
      lists[lists.count - 1] = context
    }
    itemKind = .listItem(depth: max(lists.count, 1), ordinal: ordinal)
    walkChildren(of: node, depth: depth)
    finishBlock()
    itemKind = nil
  }

  // MARK: Blocks

  /// Ends the block being filled; `kind` nil means a paragraph in the current context
  /// (a list item just opened, a block quote, or plain).
  mutating func finishBlock(as kind: Block.Kind? = nil) {
    let isPreformatted = kind == .preformatted
    let inlines = Self.trimmed(runs, keepingIndentation: isPreformatted)
    runs = []
    guard !inlines.isEmpty else { return }
    blocks.append(Block(kind ?? contextualKind(), inlines))
    if kind == nil { itemKind = nil }
  }

  private func contextualKind() -> Block.Kind {
    if let itemKind { return itemKind }
    return quoteDepth > 0 ? .blockQuote(depth: quoteDepth) : .paragraph
  }

  mutating func appendBlock(_ block: Block) {
    finishBlock()
    blocks.append(block)
  }

  /// Runs without leading and trailing line breaks and spaces (for `<pre>`, only the
  /// first line break and the trailing blank lines go).
  static func trimmed(_ runs: [Inline], keepingIndentation: Bool) -> [Inline] {
    var runs = runs
    if keepingIndentation {
      if runs.first?.text.first == "\n" { runs[0].text.removeFirst() }
    } else {
      while let first = runs.first {
        let text = first.text.drop { $0 == "\n" || $0 == " " }
        if text.isEmpty { runs.removeFirst() } else { runs[0].text = String(text); break }
      }
    }
    while let last = runs.last {
      let text = Substring(last.text).trimmingSuffix(while: { $0 == "\n" || $0 == " " })
      if text.isEmpty { runs.removeLast() } else { runs[runs.count - 1].text = String(text); break }
    }
    return runs
  }
}
