import Foundation

/// Readies a parsed page for scoring: swaps lazy images for their `<noscript>` fallbacks,
/// removes scripts, styles and other non-content, turns runs of `<br>` into paragraphs
/// and `<font>` into `<span>`.
enum PagePreparation {
  static let removedTags: Set<String> = [
    "script", "style", "noscript", "template", "link", "meta", "title", "head",
  ]

  /// - Parameter index: the parser's index of the untouched page, which saves the walk.
  static func prepare(_ document: HTMLNode, index: ParsedPageIndex? = nil) {
    // One walk finds everything the steps need: none of them adds such nodes.
    var noscripts: [HTMLNode] = []
    var removed: [HTMLNode] = []
    var breaks: [HTMLNode] = []
    var fonts: [HTMLNode] = []
    if let index {
      noscripts = index.elements(named: "noscript")
      breaks = index.elements(named: "br")
      fonts = index.elements(named: "font")
      removed = index.comments + removedTags.flatMap { index.elements(named: $0) }
    } else {
      document.visitDescendants { node in
        if node.kind == .comment {
          removed.append(node)
        } else if node.kind == .element {
          switch node.name {
          case "br": breaks.append(node)
          case "font": fonts.append(node)
          case "noscript":
            noscripts.append(node)
            removed.append(node)
          default: if removedTags.contains(node.name) { removed.append(node) }
          }
        }
        return true
      }
    }
    unwrapNoscriptImages(noscripts)
    unwrapNoscriptContent(noscripts, in: document)
    HTMLNode.detach(removed)
    replaceBreaks(breaks)
    for font in fonts { font.renamed(to: "span") }
  }

  /// A `<noscript>` holding just one image replaces the placeholder image before it.
  static func unwrapNoscriptImages(_ noscripts: [HTMLNode]) {
    for noscript in noscripts {
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

  /// A `<noscript>` holding the page's text is unwrapped, not removed: pages that show
  /// their article only without scripts, and pages where a stray unclosed `<noscript>`
  /// swallowed the rest of the body. A short notice ("enable JavaScript") still goes.
  static func unwrapNoscriptContent(_ noscripts: [HTMLNode], in document: HTMLNode) {
    for noscript in noscripts.reversed() {
      guard let parent = noscript.parent, let index = noscript.indexInParent,
        noscript.innerTextLength >= 200, !noscript.elements(namedAnyOf: contentTags).isEmpty
      else { continue }
      let children = noscript.removeAllChildren()
      noscript.removeFromParent()
      // One left open in `<head>` took the body with it: the text goes back to the body.
      if parent.name == "head" || parent.hasAncestor("head", maxDepth: 0) {
        let body =
          document.firstElement(named: "body")
          ?? {
            let made = HTMLNode(kind: .element, name: "body")
            (document.firstElement(named: "html") ?? document).append(made)
            return made
          }()
        for (offset, child) in children.enumerated() { body.insert(child, at: offset) }
      } else {
        for (offset, child) in children.enumerated() { parent.insert(child, at: index + offset) }
      }
    }
  }

  private static let contentTags: Set<String> = [
    "p", "div", "article", "section", "main", "h1", "h2", "h3", "table", "ul", "ol",
  ]

  /// The node itself or its only descendant image, with no text around it.
  private static func singleImage(in node: HTMLNode) -> HTMLNode? {
    if node.name == "img" { return node }
    let elements = node.children.filter(\.isElement)
    guard elements.count == 1, node.innerText.isEmpty else { return nil }
    return singleImage(in: elements[0])
  }

  /// Two or more `<br>` in a row end a paragraph: the phrasing content after them
  /// becomes a `<p>` (Readability's `_replaceBrs`). Each parent's children are rebuilt
  /// in one pass, so a page of thousands of lines stays linear.
  static func replaceBreaks(_ breaks: [HTMLNode]) {
    var parents: [HTMLNode] = []
    var seen: Set<ObjectIdentifier> = []
    for br in breaks {
      if let parent = br.parent, seen.insert(ObjectIdentifier(parent)).inserted {
        parents.append(parent)
      }
    }
    for parent in parents { replaceBreaks(amongChildrenOf: parent) }
  }

  private static func replaceBreaks(amongChildrenOf parent: HTMLNode) {
    let children = parent.children
    /// The index of the next node after `index` that is not whitespace text.
    func nextSolid(after index: Int) -> Int? {
      var next = index + 1
      while next < children.count, children[next].isWhitespaceText { next += 1 }
      return next < children.count ? next : nil
    }
    func isBreak(_ index: Int?) -> Bool { index.map { children[$0].name == "br" } ?? false }
    guard
      children.indices.contains(where: {
        children[$0].name == "br" && isBreak(nextSolid(after: $0))
      })
    else { return }

    _ = parent.removeAllChildren()
    var rebuilt: [HTMLNode] = []
    var index = 0
    var madeParagraph = false
    while index < children.count {
      let node = children[index]
      guard node.name == "br", isBreak(nextSolid(after: index)) else {
        rebuilt.append(node)
        index += 1
        continue
      }
      // Skip the run of breaks, then gather the phrasing content that follows.
      var cursor = index
      while let next = nextSolid(after: cursor), children[next].name == "br" { cursor = next }
      cursor += 1
      let paragraph = HTMLNode(kind: .element, name: "p")
      var gathered: [HTMLNode] = []
      while cursor < children.count {
        let current = children[cursor]
        if current.name == "br", isBreak(nextSolid(after: cursor)) { break }
        if !Phrasing.isPhrasing(current) { break }
        gathered.append(current)
        cursor += 1
      }
      while let last = gathered.last, last.isWhitespaceText || last.name == "br" {
        gathered.removeLast()
      }
      rebuilt.append(paragraph)
      madeParagraph = true
      for child in gathered { paragraph.append(child) }
      index = cursor
    }
    for child in rebuilt { parent.append(child) }
    if madeParagraph && parent.name == "p" { parent.rename(to: "div") }
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
