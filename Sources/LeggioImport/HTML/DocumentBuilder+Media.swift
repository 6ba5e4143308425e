import Foundation
import LeggioModel

/// Images, figures and tables: the parts of a page that are not running text.
extension DocumentBuilder {
  /// An image placeholder, unless the image says nothing (no alt text, no caption):
  /// spacers and tracking pixels are not content.
  mutating func image(_ node: HTMLNode, caption: String?, credit: String?) {
    let alt =
      node.attribute("alt").map {
        TextSanitizer.removingForbidden($0).split(whereSeparator: \.isWhitespace).joined(
          separator: " ")
      } ?? ""
    let text = caption.flatMap { $0.isEmpty ? nil : $0 } ?? alt
    guard !text.isEmpty || credit != nil else { return }
    appendBlock(Block(.image(credit: credit), text: text))
  }

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
      for marker in ["©", "Foto:", "Photo:", "Credit:", "Ph."] {
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

  /// A data table as one block of rows, cells separated by " | ", header rows strong,
  /// the caption first. A layout table (nested tables, long cells) is read as containers.
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
    var inlines: [Inline] = []
    for row in rows {
      let cells = row.elementChildren.filter { $0.name == "td" || $0.name == "th" }
      var texts = cells.map { HTMLDocumentConverter.collapsedText(of: $0) }
      while texts.last?.isEmpty == true { texts.removeLast() }
      let filled = texts.filter { !$0.isEmpty }
      guard !filled.isEmpty else { continue }
      // A row with one filled cell (an icon beside a note) reads as that cell alone;
      // elsewhere an empty cell shows as a dash so the columns still line up in reading.
      texts = filled.count == 1 ? filled : texts.map { $0.isEmpty ? "–" : $0 }
      let isHeader =
        cells.allSatisfy { $0.name == "th" } || row.parent?.name == "thead"
      if !inlines.isEmpty { inlines.append(Inline("\n")) }
      inlines.append(Inline(texts.joined(separator: " | "), style: isHeader ? .strong : []))
    }
    var merged: [Inline] = []
    for inline in inlines {
      if let last = merged.last, last.style == inline.style, last.link == inline.link {
        merged[merged.count - 1].text += inline.text
      } else {
        merged.append(inline)
      }
    }
    if !merged.isEmpty { appendBlock(Block(.paragraph, merged)) }
  }
}
