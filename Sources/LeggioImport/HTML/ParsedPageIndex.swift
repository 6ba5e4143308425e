/// Elements of a freshly parsed page that the web extractor asks for by name, and its
/// comments, each in document order, gathered while `HTMLParser` builds the tree: the
/// extractor's first steps (`<base>`, then `PagePreparation`) read them here instead of
/// walking the whole page. Valid until the tree is first edited.
struct ParsedPageIndex {
  /// The names gathered: what `PagePreparation` removes or rewrites, and `<base>`.
  static let names = [
    "base", "br", "font", "noscript", "script", "style", "template", "link", "meta", "title",
    "head",
  ]

  private var elements: [[HTMLNode]] = Array(repeating: [], count: names.count)
  private(set) var comments: [HTMLNode] = []

  /// The slot of a gathered name, nil for the others.
  static func slot(of name: String) -> Int? { names.firstIndex(of: name) }

  mutating func add(_ element: HTMLNode, slot: Int) { elements[slot].append(element) }

  mutating func addComment(_ comment: HTMLNode) { comments.append(comment) }

  /// The elements with a gathered name (empty for a name not gathered).
  func elements(named name: String) -> [HTMLNode] {
    Self.slot(of: name).map { elements[$0] } ?? []
  }
}
