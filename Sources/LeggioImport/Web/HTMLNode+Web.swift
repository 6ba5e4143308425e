import Foundation

/// Read-only helpers over `HTMLNode` that the extractor and the metadata reader share.
extension HTMLNode {
  /// Text below the node with runs of whitespace collapsed to one space and trimmed.
  var innerText: String { textContent.collapsingWhitespace() }

  /// The node's position among its parent's children.
  var indexInParent: Int? { parent?.children.firstIndex { $0 === self } }

  var nextSibling: HTMLNode? {
    guard let parent, let index = indexInParent, index + 1 < parent.children.count else {
      return nil
    }
    return parent.children[index + 1]
  }

  /// The next sibling that is an element, skipping text and comments.
  var nextElementSibling: HTMLNode? {
    var node = nextSibling
    while let current = node, !current.isElement { node = current.nextSibling }
    return node
  }

  func removeFromParent() { parent?.removeChild(self) }

  /// True for a text node of only whitespace.
  var isWhitespaceText: Bool {
    kind == .text && text.unicodeScalars.allSatisfy(TextMeasure.isSpace)
  }

  /// An ancestor with the tag within `maxDepth` levels (0: unlimited) that passes `filter`.
  func hasAncestor(
    _ tag: String, maxDepth: Int = 3, where filter: ((HTMLNode) -> Bool)? = nil
  ) -> Bool {
    var depth = 0
    var node = parent
    while let current = node {
      if maxDepth > 0 && depth >= maxDepth { return false }
      if current.name == tag && (filter?(current) ?? true) { return true }
      node = current.parent
      depth += 1
    }
    return false
  }

  /// This element with its tag changed in place (Readability's `_setNodeTag`).
  @discardableResult
  func renamed(to tag: String) -> HTMLNode {
    rename(to: tag)
    return self
  }

  /// Detaches all `nodes` from their parents, one pass per parent rather than per node.
  package static func detach(_ nodes: [HTMLNode]) {
    var byParent: [ObjectIdentifier: (parent: HTMLNode, ids: Set<ObjectIdentifier>)] = [:]
    for node in nodes {
      guard let parent = node.parent else { continue }
      byParent[ObjectIdentifier(parent), default: (parent, [])].ids.insert(ObjectIdentifier(node))
    }
    for (parent, ids) in byParent.values { parent.removeChildren(identifiedBy: ids) }
  }

  /// Elements below with any of the tag names.
  package func elements(namedAnyOf tags: Set<String>) -> [HTMLNode] {
    descendants { $0.isElement && tags.contains($0.name) }
  }

}

extension StringProtocol {
  /// Whitespace runs collapsed to one space, ends trimmed. Works on the UTF-8 bytes,
  /// copying runs of text whole, to stay fast on megabyte pages.
  package func collapsingWhitespace() -> String {
    var string = String(self)
    return string.withUTF8 { bytes -> String in
      String(unsafeUninitializedCapacity: bytes.count) { output in
        var written = 0
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
          let (value, width) = TextMeasure.scalar(at: index, in: bytes)
          if TextMeasure.isSpace(value: value) {
            pendingSpace = written > 0
          } else {
            if pendingSpace {
              output[written] = 0x20
              written += 1
              pendingSpace = false
            }
            for offset in 0..<width where index + offset < bytes.count {
              output[written] = bytes[index + offset]
              written += 1
            }
          }
          index += width
        }
        return written
      }
    }
  }
}

extension StringProtocol {
  /// The text without whitespace at either end (`TextMeasure.isSpace`, which is
  /// Unicode's whitespace): Foundation's `trimmingCharacters` goes through `NSString`.
  package func trimmingWhitespace() -> String {
    trimming { TextMeasure.isSpace($0) }
  }

  /// The text without the given scalars at either end.
  func trimming(_ scalars: Set<Unicode.Scalar>) -> String {
    trimming { scalars.contains($0) }
  }

  private func trimming(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
    let view = unicodeScalars
    guard let first = view.firstIndex(where: { !isTrimmed($0) }),
      let last = view.lastIndex(where: { !isTrimmed($0) })
    else { return "" }
    return String(self[first...last])
  }
}

extension HTMLNode {
  /// The author's name in a byline element: a descendant marked `itemprop=name` if there
  /// is one, else the element's text without any `<time>` in it.
  var bylineText: String {
    if let name = descendants(where: {
      $0.isElement && ($0.attribute("itemprop")?.split(separator: " ").contains("name") ?? false)
    }).first {
      return name.innerText
    }
    var text = ""
    func collect(_ node: HTMLNode) {
      for child in node.children {
        switch child.kind {
        case .text: text += child.text
        case .element where child.name != "time": collect(child)
        default: break
        }
      }
    }
    collect(self)
    return text.collapsingWhitespace()
  }
}
