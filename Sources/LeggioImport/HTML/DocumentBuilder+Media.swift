import Foundation
import LeggioModel

/// Images, figures and tables: the parts of a page that are not running text.
extension DocumentBuilder {
  /// An image placeholder, unless the image says nothing (no alt text, no caption):
  /// spacers and tracking pixels are not content.
  mutating func image(_ node: HTMLNode, caption: String?, credit: String?) {
    let alt = Self.altText(node)
    let text = caption.flatMap { $0.isEmpty ? nil : $0 } ?? alt
    let source = PictureSource.best(node, baseURL: baseURL)
    guard !text.isEmpty || credit != nil || (isAuthored && source != nil) else {
      return
    }
    var block = Block(.image(credit: credit), text: text)
    block.source = source
    block.title = node.attribute("title").map(TextSanitizer.removingForbidden)
    appendBlock(block)
  }

  /// A picture that is part of the text around it, added as an inline run: one in a
  /// sentence (`My <img> left`), or the author's picture in a link (a README's badge).
  /// False, and nothing added, for a picture that stands alone.
  mutating func inlineImage(_ node: HTMLNode) -> Bool {
    guard let source = PictureSource.best(node, baseURL: baseURL) else { return false }
    let alt = Self.altText(node)
    guard (isAuthored && link != nil) || Self.hasTextBeside(node) else { return false }
    guard !alt.isEmpty || isAuthored else { return true }  // a spacer in a sentence
    var run = Inline(alt, style: style, link: link)
    run.title = linkTitle
    run.nesting = Inline.nestingNeeded(openInline)
    run.image = InlineImage(
      source: source, title: node.attribute("title").map(TextSanitizer.removingForbidden),
      altMissing: node.attribute("alt") == nil ? true : nil)
    runs.append(run)
    return true
  }

  /// An image's alt text, white space collapsed, controls removed.
  static func altText(_ node: HTMLNode) -> String {
    node.attribute("alt").map {
      TextSanitizer.removingForbidden($0).split(whereSeparator: \.isWhitespace).joined(
        separator: " ")
    } ?? ""
  }

  /// Whether the block around `node` (its nearest paragraph, heading, item or cell) holds
  /// text other than white space.
  private static func hasTextBeside(_ node: HTMLNode) -> Bool {
    var block = node.parent
    while let current = block, !textBlocks.contains(current.name), current.parent != nil {
      block = current.parent
    }
    guard let block, textBlocks.contains(block.name) else { return false }
    return block.textContent.contains { !$0.isWhitespace }
  }

  static let textBlocks: Set<String> = [
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "dt", "dd", "figcaption",
  ]

  /// `<figure>`: its images with the caption and credit from `<figcaption>`; a figure
  /// without images (a pull quote, a code listing) is read as ordinary content.
  mutating func figure(_ node: HTMLNode, depth: Int) {
    let images = node.elements(named: "img").filter { !HTMLDocumentConverter.isHidden($0) }
    guard !images.isEmpty else {
      finishBlock()
      walkChildren(of: node, depth: depth)
      finishBlock()
      return
    }
    var caption: String?
    var credit: String?
    if let figcaption = node.firstElement(named: "figcaption") {
      (caption, credit) = Self.captionAndCredit(figcaption)
    }
    for (index, image) in images.enumerated() {
      self.image(image, caption: index == 0 ? caption : nil, credit: index == 0 ? credit : nil)
    }
  }

  /// Splits a figure caption into its text and its credit: an element whose class names a
  /// credit, or a trailing `© …` / `Foto: …` / `Photo: …`.
  static func captionAndCredit(_ figcaption: HTMLNode) -> (String?, String?) {
    let creditClasses = ["credit", "copyright", "byline", "author", "source", "attribution"]
    var credit: String?
    let creditNode = figcaption.descendants(where: { node in
      let classes = (node.attribute("class") ?? "").lowercased()
      return node.isElement && creditClasses.contains { classes.contains($0) }
    }).first
    if let creditNode { credit = HTMLDocumentConverter.collapsedText(of: creditNode) }
    var caption = HTMLDocumentConverter.collapsedText(of: figcaption, excluding: creditNode)
    if credit == nil {
      for marker in creditMarkers {
        if let range = caption.range(of: marker),
          range.lowerBound != caption.startIndex
            || marker == "©"
        {
          credit = String(caption[range.lowerBound...]).trimmingCharacters(in: .whitespaces)
          caption = String(caption[..<range.lowerBound]).trimmingCharacters(
            in: .whitespaces.union(CharacterSet(charactersIn: "-–—|·")))
          break
        }
      }
    }
    return (caption.isEmpty ? nil : caption, credit?.isEmpty == false ? credit : nil)
  }

  static let creditMarkers = ["©", "Foto:", "Photo:", "Credit:", "Ph.", "Source:", "Fonte:"]

  /// `<p align="center"><img …><br><i>Source: …</i></p>`, as READMEs centre their
  /// pictures, or a Markdown image with an italic line under it: one picture and what
  /// follows it, read as one figure (the text its caption, or its credit when it starts
  /// as one: `Source:`, `©`…). False, and nothing read, for any other paragraph.
  mutating func paragraphFigure(_ node: HTMLNode) -> Bool {
    var picture: HTMLNode?
    var texts: [String] = []
    for child in node.children {
      switch child.kind {
      case .comment, .document: continue
      case .text:
        // Running text beside the picture makes it an image in a sentence, not a figure.
        if child.text.allSatisfy(\.isWhitespace) { continue }
        return false
      case .element:
        if child.name == "br" { continue }
        let images = child.name == "img" ? [child] : child.elements(named: "img")
        if !images.isEmpty {
          guard picture == nil, images.count == 1, ["img", "a", "picture"].contains(child.name)
          else { return false }
          picture = images[0]
        } else {
          guard picture != nil else { return false }
          texts.append(HTMLDocumentConverter.collapsedText(of: child))
        }
      }
    }
    guard let picture else { return false }
    // The author's linked picture with nothing under it stays a picture in a link.
    if isAuthored, texts.isEmpty, picture.parent?.name == "a" { return false }
    let text = texts.joined(separator: " ").split(whereSeparator: \.isWhitespace)
      .joined(separator: " ")
    let isCredit = Self.creditMarkers.contains { text.hasPrefix($0) }
    let before = blocks.count
    image(picture, caption: isCredit ? nil : text, credit: isCredit ? text : nil)
    if blocks.count == before && !text.isEmpty {
      appendBlock(Block(.paragraph, [Inline(text, style: .emphasis)]))
    }
    return true
  }

  /// A data table as a table block: rows of cells with their inline styles and links,
  /// header rows (`<thead>` or all `<th>`) counted, alignments from `align` or
  /// `text-align`, the caption first. A layout table (nested tables, long cells) is read as
  /// containers.
  mutating func table(_ node: HTMLNode, depth: Int) {
    finishBlock()
    let rows = node.descendants { $0.isElement && $0.name == "tr" }
    let isLayout =
      !node.descendants(where: { $0.isElement && $0.name == "table" }).isEmpty
      || rows.contains { row in
        row.elementChildren.contains { HTMLDocumentConverter.collapsedText(of: $0).count > 300 }
      }
    guard !isLayout else {
      walkChildren(of: node, depth: depth)
      finishBlock()
      return
    }
    if let caption = node.firstElement(named: "caption") {
      let text = HTMLDocumentConverter.collapsedText(of: caption)
      if !text.isEmpty { appendBlock(Block(.paragraph, [Inline(text, style: .emphasis)])) }
    }
    var cells: [[[Inline]]] = []
    var headerRows = 0
    var alignments: [TableAlignment] = []
    for row in rows {
      let cellNodes = row.elementChildren.filter { $0.name == "td" || $0.name == "th" }
      guard !cellNodes.isEmpty else { continue }
      let isHeader = cellNodes.allSatisfy { $0.name == "th" } || row.parent?.name == "thead"
      if isHeader && headerRows == cells.count { headerRows += 1 }
      if alignments.isEmpty || isHeader { alignments = cellNodes.map(Self.alignment) }
      cells.append(cellNodes.map { cellInlines($0, depth: depth) })
    }
    guard cells.contains(where: { $0.contains { !$0.isEmpty } }) else { return }
    appendBlock(.table(cells, alignments: alignments, headerRows: headerRows))
  }

  /// A cell's runs, its paragraphs joined by a space.
  private func cellInlines(_ cell: HTMLNode, depth: Int) -> [Inline] {
    var builder = DocumentBuilder(baseURL: baseURL)
    builder.walkChildren(of: cell, depth: depth + 1)
    builder.finishBlock()
    var runs: [Inline] = []
    for block in builder.blocks where !block.inlines.isEmpty {
      if !runs.isEmpty { runs.append(Inline(" ")) }
      runs += block.inlines
    }
    return runs
  }

  private static func alignment(_ cell: HTMLNode) -> TableAlignment {
    let style = (cell.attribute("style") ?? "").lowercased().filter { !$0.isWhitespace }
    let value =
      cell.attribute("align")?.lowercased()
      ?? style.split(separator: ";").first { $0.hasPrefix("text-align:") }
      .map { String($0.dropFirst("text-align:".count)) }
    return value.flatMap(TableAlignment.init(rawValue:)) ?? .none
  }
}
