import Foundation
import LeggioModel

/// The state of one walk of `HTMLDocumentConverter` over an HTML tree: the blocks made
/// so far and the inline runs of the block being filled.
struct DocumentBuilder {
  private(set) var blocks: [Block] = []
  let baseURL: URL?
  /// Whether every element is the author's (HTML made from Markdown): an image without alt
  /// text, an empty heading and a link to `""` are kept, where a web page's would be a
  /// spacer, a tracking pixel or an icon's leftovers.
  var isAuthored = false

  /// The runs of the block being filled.
  var runs: [Inline] = []
  var style: InlineStyle = []
  var link: String?
  /// The title of the link being read, when it has one.
  var linkTitle: String?
  /// The inline elements open around the text, outermost first (`[]` for a link).
  var openInline: [InlineStyle] = []
  private var quoteDepth = 0
  /// The block quotes and list items around the block being filled, outermost first.
  private var containers: [BlockContainer] = []
  private var lastContainerID = 0
  var preformattedDepth = 0
  private var lists: [ListContext] = []
  /// The kind of the next block when a list item has just opened.
  private var itemKind: Block.Kind?
  /// The direction the nearest `dir` around the text names (`<p dir="rtl">`), given to
  /// the blocks made inside it.
  var direction: TextDirection?
  /// When not nil, each element `id` (and `<a name>`) met, with the index of the block
  /// that holds what follows it: how a book's links find their targets.
  var anchors: [String: Int]?

  /// An open `<ul>` or `<ol>`.
  struct ListContext {
    var ordered: Bool
    var next: Int
    var step: Int
    var id: Int
    /// Whether an item holds paragraphs (`<li><p>`): a loose list, set apart.
    var isLoose: Bool
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
    let role = ElementRole.of(name)
    // A block element's `dir` steers the blocks inside it; the text before it is a
    // block of its own, ended first. Inline `dir` (`<span>`, `<bdi>`) is left to the
    // paragraph's own resolution.
    let saved = direction
    if let dir = node.attribute("dir"), Self.directed.contains(name) {
      let named = TextDirection(htmlAttribute: dir)
      // `auto` gives the decision back to the text; a value that is neither is ignored.
      if named != nil || dir.trimmingCharacters(in: .whitespaces).lowercased() == "auto" {
        finishBlock()
        direction = named
      }
    }
    defer { direction = saved }
    if anchors != nil,
      let id = node.attribute("id") ?? (name == "a" ? node.attribute("name") : nil),
      anchors?[id] == nil
    {
      anchors?[id] = blocks.count
    }
    if role == .skipped && !Self.isCheckbox(node) || HTMLDocumentConverter.isHidden(node) {
      return
    }
    // Only the names of the cases below are compared one by one.
    guard role == .special || role == .skipped else {
      walkOrdinary(node, role: role, depth: depth)
      return
    }
    switch name {
    case "br":
      lineBreak()
    case "a" where Self.isFootnoteBackReference(node):
      break
    case "section" where node.attribute("data-footnotes") != nil:
      // The notes (cmark-gfm's, and many sites'): set apart from the text by a rule.
      appendBlock(Block(.rule, []))
      walkChildren(of: node, depth: depth)
      finishBlock()
    case "a":
      let saved = (link, linkTitle)
      if let href = node.attribute("href") {
        link =
          isAuthored && href.isEmpty ? "" : HTMLDocumentConverter.resolve(href, baseURL: baseURL)
        linkTitle = link == nil ? nil : node.attribute("title").map(TextSanitizer.removingForbidden)
      }
      if link != nil { openInline.append([]) }
      let before = [blocks.count, runs.count, runs.last?.text.utf8.count ?? 0]
      walkChildren(of: node, depth: depth)
      if isAuthored, let link,
        [blocks.count, runs.count, runs.last?.text.utf8.count ?? 0] == before
      {
        // The author's link without text (`[](/url)`): an empty run keeps it.
        var run = Inline("", style: style, link: link)
        run.title = linkTitle
        run.nesting = Inline.nestingNeeded(openInline)
        runs.append(run)
      }
      if link != nil { openInline.removeLast() }
      (link, linkTitle) = saved
    case "img":
      if !inlineImage(node) { image(node, caption: nil, credit: nil) }
    case "figure":
      figure(node, depth: depth)
    case "h1", "h2", "h3", "h4", "h5", "h6":
      finishBlock()
      walkChildren(of: node, depth: depth)
      let before = blocks.count
      finishBlock(as: .heading(level: Int(String(name.dropFirst()))!))
      if isAuthored && blocks.count == before {
        appendEmptyBlock(.heading(level: Int(String(name.dropFirst()))!))
      }
    case "blockquote":
      finishBlock()
      quoteDepth += 1
      let before = blocks.count
      containers.append(.quote(nextContainerID()))
      walkChildren(of: node, depth: depth)
      finishBlock()
      if blocks.count == before { appendEmptyBlock(.blockQuote(depth: quoteDepth)) }
      containers.removeLast()
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
      let language = Self.codeLanguage(node)
      let before = blocks.count
      finishBlock(as: .preformatted, keepingFirstLine: node.children.first?.isElement == true)
      if blocks.count == before { appendEmptyBlock(.preformatted) }
      if let language, blocks.count > before { blocks[blocks.count - 1].language = language }
    case "hr":
      appendBlock(Block(.rule, []))
    case "input":
      // A task list's box (GFM `- [x]`), shown as a ballot box.
      append(node.attribute("checked") != nil ? "☑ " : "☐ ")
    case "table":
      table(node, depth: depth)
    default:
      walkOrdinary(node, role: ElementRole.ordinary(name), depth: depth)
    }
  }

  /// An element with no case of its own: a style, a container, a paragraph that may hold
  /// a captioned picture, or one only walked through.
  private mutating func walkOrdinary(_ node: HTMLNode, role: ElementRole?, depth: Int) {
    switch role {
    case .styled(let added):
      styled(added, node, depth: depth)
    case .paragraphLike, .container:
      if role == .paragraphLike, paragraphFigure(node) { return }
      finishBlock()
      walkChildren(of: node, depth: depth)
      finishBlock()
    default:
      walkChildren(of: node, depth: depth)
    }
  }

  private mutating func styled(_ added: InlineStyle, _ node: HTMLNode, depth: Int) {
    let saved = style
    style.formUnion(added)
    openInline.append(added)
    walkChildren(of: node, depth: depth)
    openInline.removeLast()
    style = saved
  }

  private mutating func list(_ node: HTMLNode, ordered: Bool, depth: Int) {
    finishBlock()
    let reversed = node.attribute("reversed") != nil
    var start = node.attribute("start").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    if start == nil && reversed {
      start = node.elementChildren.filter { $0.name == "li" }.count
    }
    let isLoose = node.elementChildren.contains { item in
      item.name == "li" && item.elementChildren.contains { $0.name == "p" }
    }
    lists.append(
      ListContext(
        ordered: ordered, next: start ?? 1, step: reversed ? -1 : 1, id: nextContainerID(),
        isLoose: isLoose))
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
    let kind = Block.Kind.listItem(depth: max(lists.count, 1), ordinal: ordinal)
    itemKind = kind
    let list = lists.last.map { ListPlace(id: $0.id, ordinal: ordinal, isLoose: $0.isLoose) }
    containers.append(
      BlockContainer(
        id: nextContainerID(), list: list ?? ListPlace(id: 0, ordinal: nil, isLoose: false)))
    let before = blocks.count
    walkChildren(of: node, depth: depth)
    finishBlock()
    // An empty item (`-` alone) still shows its marker, unless it held something unseen.
    if blocks.count == before, node.elementChildren.isEmpty,
      node.textContent.allSatisfy(\.isWhitespace)
    {
      appendEmptyBlock(kind)
    }
    containers.removeLast()
    itemKind = nil
  }

  /// The `↩` after a footnote that leads back to its reference: a web control, not text.
  private static func isFootnoteBackReference(_ node: HTMLNode) -> Bool {
    if node.attribute("data-footnote-backref") != nil { return true }
    let classes = node.attribute("class") ?? ""
    return classes.contains("footnote-backref") || classes.contains("reversefootnote")
  }

  /// A run without text that still says something: a link's or an inline picture's.
  private static func isEmptyLink(_ run: Inline) -> Bool {
    run.text.isEmpty && (run.link != nil || run.image != nil)
  }

  /// Elements whose `dir` sets the direction of the blocks they hold.
  static let directed: Set<String> = HTMLDocumentConverter.containers.union([
    "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "menu", "dir", "li", "dt",
    "pre", "listing", "xmp", "plaintext", "table", "figure",
  ])

  private static func isCheckbox(_ node: HTMLNode) -> Bool {
    node.name == "input" && node.attribute("type")?.lowercased() == "checkbox"
  }

  private mutating func nextContainerID() -> Int {
    lastContainerID += 1
    return lastContainerID
  }

  /// The language a code block names in its `class` or its `<code>`'s: `language-swift`,
  /// `lang-swift`, `highlight-source-swift`.
  static func codeLanguage(_ pre: HTMLNode) -> String? {
    let code = pre.elementChildren.first { $0.name == "code" }
    for node in [code, pre].compactMap({ $0 }) {
      for name in (node.attribute("class") ?? "").split(separator: " ") {
        for prefix in ["language-", "lang-", "highlight-source-"] where name.hasPrefix(prefix) {
          let language = TextSanitizer.removingForbidden(String(name.dropFirst(prefix.count)))
          if !language.isEmpty { return language }
        }
      }
    }
    return nil
  }

  // MARK: Blocks

  /// Ends the block being filled; `kind` nil means a paragraph in the current context
  /// (a list item just opened, a block quote, or plain).
  mutating func finishBlock(as kind: Block.Kind? = nil, keepingFirstLine: Bool = false) {
    let isPreformatted = kind == .preformatted
    let inlines = Self.trimmed(
      runs, keepingIndentation: isPreformatted, keepingFirstLine: keepingFirstLine,
      keepingBlankLines: isAuthored)
    runs = []
    guard !inlines.isEmpty else { return }
    appendPlaced(Block(kind ?? contextualKind(), inlines))
  }

  /// Adds a finished block in the containers around it; the item's first block has been.
  private mutating func appendPlaced(_ block: Block) {
    var block = block
    if !containers.isEmpty { block.containers = containers }
    if block.direction == nil { block.direction = direction }
    blocks.append(block)
    itemKind = nil
  }

  /// A block with no text that still shows: an empty list item, quote or code block.
  private mutating func appendEmptyBlock(_ kind: Block.Kind) {
    appendPlaced(Block(kind, []))
  }

  private func contextualKind() -> Block.Kind {
    if let itemKind { return itemKind }
    return quoteDepth > 0 ? .blockQuote(depth: quoteDepth) : .paragraph
  }

  mutating func appendBlock(_ block: Block) {
    finishBlock()
    appendPlaced(block)
  }

  /// Runs without leading and trailing line breaks and spaces (for `<pre>`, only the
  /// first line break and the trailing blank lines go; with `keepingBlankLines`, as for
  /// the author's own code blocks, only the line break that ends the last line). A link
  /// without text (`[](/url)`) is kept: it is all there is of that link.
  static func trimmed(
    _ runs: [Inline], keepingIndentation: Bool, keepingFirstLine: Bool = false,
    keepingBlankLines: Bool = false
  ) -> [Inline] {
    var runs = runs
    if keepingIndentation {
      // HTML drops a line break right after `<pre>`, not one inside its `<code>`.
      if !keepingFirstLine, runs.first?.text.first == "\n" { runs[0].text.removeFirst() }
      if keepingBlankLines {
        if runs.last?.text.last == "\n" { runs[runs.count - 1].text.removeLast() }
        return runs.filter { !$0.text.isEmpty }
      }
    } else {
      while let first = runs.first, !first.style.contains(.code), !isEmptyLink(first) {
        let text = first.text.drop { $0 == "\n" || $0 == " " }
        if text.isEmpty { runs.removeFirst() } else { runs[0].text = String(text); break }
      }
    }
    while let last = runs.last, keepingIndentation || !last.style.contains(.code),
      !isEmptyLink(last)
    {
      let text = Substring(last.text).trimmingSuffix(while: {
        $0 == "\n" || ($0 == " " && !keepingIndentation)
      })
      if text.isEmpty { runs.removeLast() } else { runs[runs.count - 1].text = String(text); break }
    }
    return runs
  }
}
