import Foundation
import LeggioModel

/// A parsed HTML node: a small, immutable-after-parse Swift tree that the
/// extractor and the HTML-to-Document converter walk without touching libxml2.
public final class HTMLNode {
  public enum Kind: Sendable {
    case element
    case text
    case comment
    case document
  }

  public let kind: Kind
  /// Lower-case tag name for elements, empty otherwise.
  public private(set) var name: String
  /// Attributes with lower-case names, in source order.
  public private(set) var attributes: [(name: String, value: String)]
  /// Text content of a text node.
  public let text: String
  public private(set) var children: [HTMLNode] = []
  public private(set) weak var parent: HTMLNode?

  public init(kind: Kind, name: String = "", attributes: [(String, String)] = [], text: String = "")
  {
    self.kind = kind
    self.name = name
    self.attributes = attributes.map { (name: $0.0, value: $0.1) }
    self.text = text
  }

  public func append(_ child: HTMLNode) {
    child.parent = self
    children.append(child)
  }

  public func removeChild(_ child: HTMLNode) {
    children.removeAll { $0 === child }
    child.parent = nil
  }

  public func setAttribute(_ name: String, _ value: String) {
    if let index = attributes.firstIndex(where: { $0.name == name }) {
      attributes[index].value = value
    } else {
      attributes.append((name: name, value: value))
    }
  }

  public func attribute(_ name: String) -> String? {
    attributes.first { $0.name == name }?.value
  }

  public var isElement: Bool { kind == .element }

  /// Element children only.
  public var elementChildren: [HTMLNode] { children.filter(\.isElement) }

  /// All text below this node, concatenated as in the source.
  public var textContent: String {
    switch kind {
    case .text: return text
    case .comment: return ""
    case .element, .document:
      var result = ""
      appendText(to: &result)
      return result
    }
  }

  private func appendText(to result: inout String) {
    for child in children {
      switch child.kind {
      case .text: result += child.text
      case .element, .document: child.appendText(to: &result)
      case .comment: break
      }
    }
  }

  /// This node and every node below it, depth first, in document order.
  public func descendants(where predicate: (HTMLNode) -> Bool) -> [HTMLNode] {
    var found: [HTMLNode] = []
    var stack: [HTMLNode] = children.reversed()
    while let node = stack.popLast() {
      if predicate(node) { found.append(node) }
      stack.append(contentsOf: node.children.reversed())
    }
    return found
  }

  /// Elements below this node with the given tag name.
  public func elements(named tag: String) -> [HTMLNode] {
    descendants { $0.kind == .element && $0.name == tag }
  }

  /// The first element below with the given tag name.
  public func firstElement(named tag: String) -> HTMLNode? {
    var stack: [HTMLNode] = children.reversed()
    while let node = stack.popLast() {
      if node.kind == .element && node.name == tag { return node }
      stack.append(contentsOf: node.children.reversed())
    }
    return nil
  }
}

// Tree edits the web extractor needs (additive; they keep `parent` links right).
extension HTMLNode {
  /// Inserts `child` at `index` among this node's children, detaching it from any old parent.
  public func insert(_ child: HTMLNode, at index: Int) {
    child.parent?.removeChild(child)
    child.parent = self
    children.insert(child, at: min(max(index, 0), children.count))
  }

  /// Puts `replacement` where `old` was; `old` leaves the tree.
  public func replaceChild(_ old: HTMLNode, with replacement: HTMLNode) {
    guard let index = children.firstIndex(where: { $0 === old }) else { return }
    replacement.parent?.removeChild(replacement)
    let position = children.firstIndex(where: { $0 === old }) ?? index
    children[position] = replacement
    replacement.parent = self
    old.parent = nil
  }

  /// Detaches and returns all children, in order.
  public func removeAllChildren() -> [HTMLNode] {
    let taken = children
    for child in taken { child.parent = nil }
    children = []
    return taken
  }

  /// Changes an element's tag in place (`div` -> `p`), keeping its identity and children.
  public func rename(to tag: String) {
    name = tag
  }

  /// Detaches every child whose identity is in `ids`, in one pass over the children.
  public func removeChildren(identifiedBy ids: Set<ObjectIdentifier>) {
    children.removeAll { child in
      guard ids.contains(ObjectIdentifier(child)) else { return false }
      child.parent = nil
      return true
    }
  }

  /// Removes the attribute if present.
  public func removeAttribute(_ name: String) {
    attributes.removeAll { $0.name == name }
  }
}
