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
  /// Each edit of it drops the cached measures (`invalidateMeasures`), called by the
  /// edits themselves: a `didSet` would make every append of the parser's a slower call.
  public private(set) var children: [HTMLNode] = []
  /// The parent, held unretained: a `weak` reference would give every node a side table
  /// and make each retain of it slow. A parent clears its children's links as it goes
  /// (`deinit`), so the link never outlives the parent.
  private var parentLink: Unmanaged<HTMLNode>?
  public var parent: HTMLNode? { parentLink?.takeUnretainedValue() }
  /// Text measures of the subtree (see `TextMeasure.swift`), dropped on any edit below.
  var measures: NodeMeasures?

  public init(kind: Kind, name: String = "", attributes: [(String, String)] = [], text: String = "")
  {
    self.kind = kind
    self.name = name
    self.attributes = attributes.map { (name: $0.0, value: $0.1) }
    self.text = text
  }

  /// An element whose attribute names are lower case already (the parser's).
  init(element name: String, attributes: [(name: String, value: String)]) {
    kind = .element
    self.name = name
    self.attributes = attributes
    text = ""
  }

  private init(copying node: HTMLNode) {
    kind = node.kind
    name = node.name
    attributes = node.attributes
    text = node.text
  }

  /// A copy of this node and everything below it, detached from any parent; cached
  /// measures come along, as the copy has the same text.
  func deepCopy() -> HTMLNode {
    let copy = HTMLNode(copying: self)
    let copies = children.map { $0.deepCopy() }
    for child in copies { child.setParent(copy) }
    copy.children = copies
    copy.measures = measures
    return copy
  }

  deinit {
    let me = Unmanaged.passUnretained(self).toOpaque()
    // Read through the buffer: nothing else holds this node now, so its children stay
    // alive and unchanged without a retain of each.
    children.withUnsafeBufferPointer { children in
      for child in children where child.parentLink?.toOpaque() == me { child.parentLink = nil }
    }
  }

  private func setParent(_ node: HTMLNode?) {
    parentLink = node.map { Unmanaged.passUnretained($0) }
  }

  /// Whether this node is inside `root` (or is it). Follows the parent links without
  /// retaining: the extractor asks this of every element of a page.
  func isInside(_ root: HTMLNode) -> Bool {
    if self === root { return true }
    let target = Unmanaged.passUnretained(root).toOpaque()
    var link = parentLink
    while let current = link {
      if current.toOpaque() == target { return true }
      link = current._withUnsafeGuaranteedRef { $0.parentLink }
    }
    return false
  }

  /// Drops the cached measures of this node and its ancestors. A node with none has
  /// ancestors with none (measures are computed from the children's), so it stops there.
  func invalidateMeasures() {
    var node: HTMLNode? = self
    while let current = node, current.measures != nil {
      current.measures = nil
      node = current.parent
    }
  }

  public func append(_ child: HTMLNode) {
    child.setParent(self)
    children.append(child)
    invalidateMeasures()
  }

  public func removeChild(_ child: HTMLNode) {
    children.removeAll { $0 === child }
    invalidateMeasures()
    child.setParent(nil)
  }

  public func setAttribute(_ name: String, _ value: String) {
    if let index = attributes.firstIndex(where: { $0.name == name }) {
      attributes[index].value = value
    } else {
      attributes.append((name: name, value: value))
    }
    // A link's target weighs its text in the parent's link density.
    if name == "href" { parent?.invalidateMeasures() }
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
    forEachChild { child in
      switch child.kind {
      case .text: result += child.text
      case .element, .document: child.appendText(to: &result)
      case .comment: break
      }
    }
  }

  /// Calls `body` with each child, in order, without retaining each one: the walks below
  /// visit every node of a page many times, and a retain and release per node visited cost
  /// them more than their own work. The children array is held for the call, so a child
  /// that `body` detaches stays alive until the call ends, as in a `for` loop.
  @inline(__always)
  func forEachChild(_ body: (HTMLNode) -> Void) {
    let list = children
    list.withUnsafeBufferPointer { buffer in
      for index in buffer.indices {
        Unmanaged.passUnretained(buffer[index])._withUnsafeGuaranteedRef(body)
      }
    }
  }

  /// `forEachChild` while `body` returns true: whether it went through every child.
  @inline(__always)
  func everyChild(_ body: (HTMLNode) -> Bool) -> Bool {
    let list = children
    return list.withUnsafeBufferPointer { buffer in
      for index in buffer.indices {
        if !Unmanaged.passUnretained(buffer[index])._withUnsafeGuaranteedRef(body) {
          return false
        }
      }
      return true
    }
  }

  /// Every node below this one, depth first, in document order, that passes `predicate`.
  /// Walks by recursion over the children arrays: trees from `HTMLParser` are at most
  /// `HTMLParser.maximumDepth` deep, and no stack array is built per node.
  public func descendants(where predicate: (HTMLNode) -> Bool) -> [HTMLNode] {
    var found: [HTMLNode] = []
    collect(into: &found, predicate)
    return found
  }

  private func collect(into found: inout [HTMLNode], _ predicate: (HTMLNode) -> Bool) {
    forEachChild { child in
      if predicate(child) { found.append(child) }
      if !child.children.isEmpty { child.collect(into: &found, predicate) }
    }
  }

  /// Calls `body` with every node below this one in document order while it returns true;
  /// false when `body` stopped the walk.
  @discardableResult
  public func visitDescendants(_ body: (HTMLNode) -> Bool) -> Bool {
    everyChild { child in
      body(child) && (child.children.isEmpty || child.visitDescendants(body))
    }
  }

  /// Elements below this node with the given tag name.
  public func elements(named tag: String) -> [HTMLNode] {
    let count = tag.utf8.count
    return descendants { $0.kind == .element && $0.name.utf8.count == count && $0.name == tag }
  }

  /// The first element below with the given tag name.
  public func firstElement(named tag: String) -> HTMLNode? {
    var found: HTMLNode?
    visitDescendants { node in
      if node.kind == .element && node.name == tag {
        found = node
        return false
      }
      return true
    }
    return found
  }
}

// Tree edits the web extractor needs (additive; they keep `parent` links right).
extension HTMLNode {
  /// Inserts `child` at `index` among this node's children, detaching it from any old parent.
  public func insert(_ child: HTMLNode, at index: Int) {
    child.parent?.removeChild(child)
    child.setParent(self)
    children.insert(child, at: min(max(index, 0), children.count))
    invalidateMeasures()
  }

  /// Puts `replacement` where `old` was; `old` leaves the tree.
  public func replaceChild(_ old: HTMLNode, with replacement: HTMLNode) {
    guard let index = children.firstIndex(where: { $0 === old }) else { return }
    replacement.parent?.removeChild(replacement)
    let position = children.firstIndex(where: { $0 === old }) ?? index
    children[position] = replacement
    invalidateMeasures()
    replacement.setParent(self)
    old.setParent(nil)
  }

  /// Detaches and returns all children, in order.
  public func removeAllChildren() -> [HTMLNode] {
    let taken = children
    for child in taken { child.setParent(nil) }
    children = []
    invalidateMeasures()
    return taken
  }

  /// Changes an element's tag in place (`div` -> `p`), keeping its identity and children.
  public func rename(to tag: String) {
    guard name != tag else { return }
    // Whether a child is a link counts in its parent's link density.
    if name == "a" || tag == "a" { parent?.invalidateMeasures() }
    name = tag
  }

  /// Detaches every child whose identity is in `ids`, in one pass over the children.
  public func removeChildren(identifiedBy ids: Set<ObjectIdentifier>) {
    children.removeAll { child in
      guard ids.contains(ObjectIdentifier(child)) else { return false }
      child.setParent(nil)
      return true
    }
    invalidateMeasures()
  }

  /// Removes the attribute if present.
  public func removeAttribute(_ name: String) {
    attributes.removeAll { $0.name == name }
    if name == "href" { parent?.invalidateMeasures() }
  }
}
