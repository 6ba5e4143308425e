import Foundation

/// An element of a parsed feed document: a small, immutable-after-build tree that the
/// format readers walk. Namespaces are URIs (prefixes mean nothing), and every element
/// knows its base URL, so `xml:base` applies to the links inside it. Once built it is
/// only read, so the readers convert a large feed's items on several threads at once.
final class FeedXMLElement: @unchecked Sendable {
  enum Content {
    case text(String)
    case element(FeedXMLElement)
  }

  struct Attribute {
    let name: String
    let namespace: String?
    let value: String
  }

  let name: String
  let namespace: String?
  let attributes: [Attribute]
  /// The base URL for links inside this element (`xml:base`, else the parent's base).
  let base: URL?
  var contents: [Content] = []
  /// For content of type xhtml: the markup of the children, as XML.
  var innerXML: String?

  init(name: String, namespace: String?, attributes: [Attribute], base: URL?) {
    self.name = name
    self.namespace = namespace
    self.attributes = attributes
    self.base = base
  }

  var children: [FeedXMLElement] {
    contents.compactMap { if case .element(let element) = $0 { element } else { nil } }
  }

  /// The first child with this local name in one of `namespaces` (nil stands for none).
  func child(_ name: String, in namespaces: Set<String?>) -> FeedXMLElement? {
    for case .element(let element) in contents
    where element.name == name && namespaces.contains(element.namespace) {
      return element
    }
    return nil
  }

  /// The children with this local name in one of `namespaces`, in one pass: the readers
  /// ask each item for a dozen names, most of them absent, and gathering every child first
  /// made two arrays a question.
  func children(_ name: String, in namespaces: Set<String?>) -> [FeedXMLElement] {
    var found: [FeedXMLElement] = []
    for case .element(let element) in contents
    where element.name == name && namespaces.contains(element.namespace) {
      found.append(element)
    }
    return found
  }

  /// An attribute by local name; namespaced attributes only when `namespace` says so.
  func attribute(_ name: String, namespace: String? = nil) -> String? {
    attributes.first { $0.name == name && (namespace == nil || $0.namespace == namespace) }?.value
  }

  /// All the text inside, in document order.
  var textContent: String {
    if contents.count == 1, case .text(let text) = contents[0] { return text }
    var result = ""
    appendText(to: &result)
    return result
  }

  private func appendText(to result: inout String) {
    for content in contents {
      switch content {
      case .text(let text): result += text
      case .element(let element): element.appendText(to: &result)
      }
    }
  }

  /// The trimmed text, nil when empty; control characters removed.
  var trimmedText: String? {
    let text = FeedTextCleaner.clean(textContent)
    return text.isEmpty ? nil : text
  }

  /// Resolves a possibly relative link against this element's base.
  func resolve(_ link: String) -> String {
    let trimmed = FeedTextCleaner.clean(link)
    guard !trimmed.isEmpty, let base, !FeedXMLElement.isAbsolute(trimmed) else { return trimmed }
    return URL(string: trimmed, relativeTo: base)?.absoluteString ?? trimmed
  }

  static func isAbsolute(_ link: String) -> Bool {
    // An ASCII scheme is judged on its bytes: asking each character whether it is a
    // letter reads Unicode's properties, a third of reading an item's link. (Not when a
    // scalar outside ASCII follows the colon: it could join the colon's character.)
    let bytes = link.utf8
    if let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
      bytes[..<colon].allSatisfy({ $0 < 0x80 }),
      bytes.index(after: colon) == bytes.endIndex || bytes[bytes.index(after: colon)] < 0x80
    {
      return colon != bytes.startIndex
        && bytes[..<colon].allSatisfy { byte in
          (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
    }
    guard let colon = link.firstIndex(of: ":") else { return false }
    let scheme = link[..<colon]
    return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
  }
}

/// The namespaces the readers know.
enum FeedNamespace {
  static let atom10 = "http://www.w3.org/2005/Atom"
  static let atom03 = "http://purl.org/atom/ns#"
  static let rss10 = "http://purl.org/rss/1.0/"
  static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
  static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  static let dublinCore = "http://purl.org/dc/elements/1.1/"
  static let content = "http://purl.org/rss/1.0/modules/content/"
  static let media = "http://search.yahoo.com/mrss/"
  static let xhtml = "http://www.w3.org/1999/xhtml"
  static let xml = "http://www.w3.org/XML/1998/namespace"
}
