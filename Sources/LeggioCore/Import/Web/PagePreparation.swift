import Foundation

/// Readies a parsed page for scoring: swaps lazy images for their `<noscript>` fallbacks,
/// removes scripts, styles and other non-content, turns runs of `<br>` into paragraphs
/// and `<font>` into `<span>`.
enum PagePreparation {
  static let removedTags: Set<String> = [
    "script", "style", "noscript", "template", "link", "meta", "title", "head",
  ]

  static func prepare(_ document: HTMLNode) {
    unwrapNoscriptImages(document)
    for node in document.elements(namedAnyOf: removedTags) { node.removeFromParent() }
    for node in document.descendants(where: { $0.kind == .comment }) { node.removeFromParent() }
    replaceBreaks(in: document)
    for font in document.elements(named: "font") { font.renamed(to: "span") }
  }

  /// A `<noscript>` holding just one image replaces the placeholder image before it.
  static func unwrapNoscriptImages(_ document: HTMLNode) {
    for noscript in document.elements(named: "noscript") {
      guard let image = singleImage(in: noscript), let parent = noscript.parent,
        let index = noscript.indexInParent
      else { continue }
      var previous: HTMLNode?
      for sibling in parent.children[..<index].reversed() where sibling.isElement {
        previous = sibling
        break
      }
      guard let placeholder = previous, let old = singleImage(in: placeholder) else { continue }
      // Keep the placeholder's data-* attributes the fallback lacks (lazy sources).
      for attribute in old.attributes where image.attribute(attribute.name) == nil {
        if attribute.name.hasPrefix("data-") || attribute.name == "alt" {
          image.setAttribute(attribute.name, attribute.value)
        }
      }
      image.removeFromParent()
      parent.replaceChild(placeholder, with: image)
    }
  }

  /// The node itself or its only descendant image, with no text around it.
  private static func singleImage(in node: HTMLNode) -> HTMLNode? {
    if node.name == "img" { return node }
    let elements = node.children.filter(\.isElement)
    guard elements.count == 1, node.innerText.isEmpty else { return nil }
    return singleImage(in: elements[0])
  }

  /// Two or more `<br>` in a row end a paragraph: the phrasing content after them
  /// becomes a `<p>` (Readability's `_replaceBrs`).
  static func replaceBreaks(in document: HTMLNode) {
    for br in document.elements(named: "br") {
      guard let parent = br.parent else { continue }
      var replaced = false
      var next = nextNonWhitespace(after: br)
      while let current = next, current.name == "br" {
        replaced = true
        next = nextNonWhitespace(after: current)
        current.removeFromParent()
      }
      guard replaced else { continue }
      let paragraph = HTMLNode(kind: .element, name: "p")
      parent.replaceChild(br, with: paragraph)
      var sibling = paragraph.nextSibling
      while let current = sibling {
        if current.name == "br", nextNonWhitespace(after: current)?.name == "br" { break }
        if !Phrasing.isPhrasing(current) { break }
        sibling = current.nextSibling
        current.removeFromParent()
        paragraph.append(current)
      }
      while let last = paragraph.children.last, last.isWhitespaceText || last.name == "br" {
        paragraph.removeChild(last)
      }
      if parent.name == "p" { parent.renamed(to: "div") }
    }
  }

  private static func nextNonWhitespace(after node: HTMLNode) -> HTMLNode? {
    var next = node.nextSibling
    while let current = next, current.isWhitespaceText { next = current.nextSibling }
    return next
  }
}

/// Phrasing (inline) content, as HTML defines it.
enum Phrasing {
  static func isPhrasing(_ node: HTMLNode) -> Bool {
    switch node.kind {
    case .text: return true
    case .comment: return true
    case .document: return false
    case .element:
      if ReadabilityPatterns.phrasingElements.contains(node.name) { return true }
      if ["a", "del", "ins"].contains(node.name) { return node.children.allSatisfy(isPhrasing) }
      return false
    }
  }
}
