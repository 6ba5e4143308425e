import CLibXML2
import Foundation

/// An element of a book's package files (container, OPF, NCX), read with the safe
/// policy every XML reader of Leggio follows.
final class EPUBXMLElement {
  /// The local name, without prefix ("item", "navPoint").
  let name: String
  let namespace: String?
  /// Attributes by local name; a prefixed one also by `prefix:name` ("opf:role").
  let attributes: [String: String]
  private(set) var children: [EPUBXMLElement] = []
  private var texts: [String] = []

  init(name: String, namespace: String?, attributes: [String: String]) {
    self.name = name
    self.namespace = namespace
    self.attributes = attributes
  }

  func attribute(_ name: String) -> String? { attributes[name] }

  /// The element's text, its descendants' included, with white space collapsed.
  var text: String {
    var parts: [String] = []
    collect(into: &parts)
    return parts.joined().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  private func collect(into parts: inout [String]) {
    // Text and children interleave in document order; `order` records it.
    var textIndex = 0
    var childIndex = 0
    for kind in order {
      if kind {
        children[childIndex].collect(into: &parts)
        childIndex += 1
      } else {
        parts.append(texts[textIndex])
        textIndex += 1
      }
    }
  }

  /// true for a child element, false for a text, in document order.
  private var order: [Bool] = []

  fileprivate func append(_ child: EPUBXMLElement) {
    children.append(child)
    order.append(true)
  }

  fileprivate func append(text: String) {
    texts.append(text)
    order.append(false)
  }

  /// The child elements named `name` (local name).
  func children(named name: String) -> [EPUBXMLElement] { children.filter { $0.name == name } }

  func firstChild(named name: String) -> EPUBXMLElement? { children.first { $0.name == name } }

  /// Every descendant named `name`, in document order.
  func descendants(named name: String) -> [EPUBXMLElement] {
    var found: [EPUBXMLElement] = []
    var stack = Array(children.reversed())
    while let element = stack.popLast() {
      if element.name == name { found.append(element) }
      stack.append(contentsOf: element.children.reversed())
    }
    return found
  }
}

/// Parses a book's package files with libxml2 under `XMLReadingPolicy`: nothing loaded
/// from outside, attack-only entity declarations refused, internal entities expanded by
/// the tree builder within the policy's budget, depth capped.
enum EPUBXML {
  static let maximumDepth = XMLReadingPolicy.maximumDepth

  /// The root element, or nil when nothing could be read (or the policy refuses it).
  static func parse(_ data: Data) -> EPUBXMLElement? {
    guard !data.isEmpty, XMLEntityDeclarations.refusal(in: data) == nil else { return nil }
    XMLReadingPolicy.prepare()
    guard let context = xmlNewParserCtxt() else { return nil }
    defer { xmlFreeParserCtxt(context) }
    let document: xmlDocPtr? = data.withUnsafeBytes { raw in
      raw.baseAddress!.withMemoryRebound(to: CChar.self, capacity: raw.count) {
        xmlCtxtReadMemory(
          context, $0, Int32(clamping: raw.count), nil, nil, XMLReadingPolicy.parserOptions)
      }
    }
    guard let document else { return nil }
    defer { xmlFreeDoc(document) }
    guard let root = xmlDocGetRootElement(document) else { return nil }
    var budget = XMLReadingPolicy.entityBudget(forInputBytes: data.count)
    return element(root, document: document, depth: 0, budget: &budget)
  }

  private static func element(
    _ node: xmlNodePtr, document: xmlDocPtr, depth: Int, budget: inout Int
  ) -> EPUBXMLElement {
    var attributes: [String: String] = [:]
    var attribute = node.pointee.properties
    while let attr = attribute {
      let name = String(cString: attr.pointee.name)
      guard let value = XMLReadingPolicy.attributeValue(attr, in: document, budget: &budget)
      else { break }
      if attributes[name] == nil { attributes[name] = value }
      if let prefix = attr.pointee.ns?.pointee.prefix {
        attributes[String(cString: prefix) + ":" + name] = value
      }
      attribute = attr.pointee.next
    }
    let result = EPUBXMLElement(
      name: String(cString: node.pointee.name),
      namespace: node.pointee.ns?.pointee.href.map { String(cString: $0) },
      attributes: attributes)
    var child = node.pointee.children
    while let current = child {
      child = current.pointee.next
      switch current.pointee.type {
      case XML_ELEMENT_NODE where depth < maximumDepth:
        result.append(element(current, document: document, depth: depth + 1, budget: &budget))
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = current.pointee.content { result.append(text: String(cString: content)) }
      case XML_ENTITY_REF_NODE:
        // Only internal entities, and only within the budget; external ones never load.
        if let entity = xmlGetDocEntity(document, current.pointee.name),
          entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY,
          let content = entity.pointee.content
        {
          let text = String(cString: content)
          budget -= text.utf8.count
          if budget >= 0 { result.append(text: text) }
        }
      default:
        break
      }
    }
    return result
  }
}
