import CLibXML2
import Foundation
import LeggioImport

/// Parses XML with libxml2 into a `FeedXMLElement` tree, safely.
///
/// It follows `XMLReadingPolicy` (a malformed feed yields what can be read, plus a
/// warning), with IGNORE_ENC since the bytes are already UTF-8 (see `FeedCharset`).
/// Internal entities are expanded by the tree builder within the policy's budget;
/// external ones are dropped with a warning.
enum FeedXMLReader {
  struct Result {
    var root: FeedXMLElement
    var warnings: [String]
  }

  static let maximumDepth = XMLReadingPolicy.maximumDepth

  static func parse(_ input: [UInt8], encoding: String, url: URL?, source: String) throws -> Result
  {
    if let refusal = XMLEntityDeclarations.refusal(in: input) {
      throw FeedError.entityExpansion(source: source, detail: refusal)
    }
    let bytes = encoding == "UTF-8" ? HTMLEntities.numericReferences(in: input) : input
    XMLReadingPolicy.prepare()
    guard let context = xmlNewParserCtxt() else {
      throw FeedError.malformedXML(source: source, detail: "libxml2 could not start")
    }
    defer { xmlFreeParserCtxt(context) }
    var options = XMLReadingPolicy.parserOptions
    if encoding == "UTF-8" { options |= Int32(XML_PARSE_IGNORE_ENC.rawValue) }
    let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        xmlCtxtReadMemory(
          context, $0, Int32(clamping: buffer.count), url?.absoluteString, encoding,
          options)
      }
    }
    return try finish(
      context, document: document, url: url, source: source, builder: nil,
      budget: XMLReadingPolicy.entityBudget(forInputBytes: bytes.count))
  }

  /// What a parse ends with, read whole or streamed: a warning if the XML was malformed
  /// (an entity loop refuses it), the root element, and the rest of the tree as ours.
  /// Frees `document`. `builder` is the one that read the streamed items, if any.
  static func finish(
    _ context: xmlParserCtxtPtr, document: xmlDocPtr?, url: URL?, source: String,
    builder: Builder?, budget: Int
  ) throws -> Result {
    var warnings: [String] = []
    if context.pointee.wellFormed == 0 {
      let error = context.pointee.lastError
      let message =
        error.message.map { String(cString: $0) }?
        .trimmingCharacters(in: .whitespacesAndNewlines) ?? "malformed XML"
      if Int(error.code) == Int(XML_ERR_ENTITY_LOOP.rawValue) {
        if let document { xmlFreeDoc(document) }
        throw FeedError.entityExpansion(source: source, detail: message)
      }
      warnings.append(
        "the XML is malformed (line \(error.line): \(message)); kept what could be read")
    }
    guard let document, let rootNode = xmlDocGetRootElement(document) else {
      if let document { xmlFreeDoc(document) }
      throw FeedError.malformedXML(source: source, detail: "no root element")
    }
    // Freeing a large feed's tree takes as long as building ours from it: done on
    // another thread, off the update's path.
    defer { ReleasedElsewhere.free(document) }
    var builder = builder ?? Builder(document: document, budget: budget)
    let root = builder.element(rootNode, base: url, depth: 0)
    if builder.overBudget {
      throw FeedError.entityExpansion(source: source, detail: "its entities expand past the limit")
    }
    return Result(root: root, warnings: warnings + builder.warnings)
  }

  struct Builder {
    let document: xmlDocPtr
    var budget: Int
    var overBudget = false
    var warnings: [String] = []
    var droppedExternal = Set<String>()
    /// libxml2 interns names in its dictionary: one Swift string per distinct pointer.
    var names: [UnsafePointer<xmlChar>: String] = [:]

    init(document: xmlDocPtr, budget: Int) {
      self.document = document
      self.budget = budget
    }

    /// The base URL in force inside `node`: `xml:base` on it and its ancestors, resolved
    /// against `url` as `element` resolves them.
    static func base(of node: xmlNodePtr, url: URL?) -> URL? {
      var chain: [xmlNodePtr] = []
      var current: xmlNodePtr? = node
      while let element = current, element.pointee.type == XML_ELEMENT_NODE {
        chain.append(element)
        current = element.pointee.parent
      }
      var base = url
      for element in chain.reversed() {
        if let value = xmlGetNsProp(element, "base", "http://www.w3.org/XML/1998/namespace") {
          let text = String(cString: value)
          leggio_xml_free(value)
          base =
            URL(string: text.trimmingCharacters(in: .whitespaces), relativeTo: base)?.absoluteURL
            ?? base
        }
      }
      return base
    }

    mutating func element(_ node: xmlNodePtr, base: URL?, depth: Int) -> FeedXMLElement {
      let name = intern(node.pointee.name)
      let namespace = node.pointee.ns.flatMap { $0.pointee.href }.map { intern($0) }
      var attributes: [FeedXMLElement.Attribute] = []
      var newBase = base
      var attribute = node.pointee.properties
      while let attr = attribute {
        let attrName = intern(attr.pointee.name)
        let attrNamespace = attr.pointee.ns.flatMap { $0.pointee.href }.map { intern($0) }
        guard let value = XMLReadingPolicy.attributeValue(attr, in: document, budget: &budget)
        else {
          overBudget = true
          break
        }
        if attrName == "base", attrNamespace == FeedNamespace.xml {
          newBase =
            URL(string: value.trimmingCharacters(in: .whitespaces), relativeTo: base)?
            .absoluteURL ?? base
        }
        attributes.append(.init(name: attrName, namespace: attrNamespace, value: value))
        attribute = attr.pointee.next
      }
      let element = FeedXMLElement(
        name: name, namespace: namespace, attributes: attributes, base: newBase)
      if let type = element.attribute("type"), type == "xhtml" || type.hasSuffix("xhtml+xml") {
        element.innerXML = innerXML(of: node)
      }
      appendChildren(of: node, to: element, depth: depth)
      return element
    }

    private mutating func intern(_ pointer: UnsafePointer<xmlChar>) -> String {
      if let known = names[pointer] { return known }
      let string = String(cString: pointer)
      names[pointer] = string
      return string
    }

    private mutating func appendChildren(
      of node: xmlNodePtr, to element: FeedXMLElement, depth: Int
    ) {
      var child = node.pointee.children
      while let current = child {
        child = current.pointee.next
        switch current.pointee.type {
        case XML_ELEMENT_NODE:
          if depth < FeedXMLReader.maximumDepth {
            element.contents.append(
              .element(self.element(current, base: element.base, depth: depth + 1)))
          } else {
            appendChildren(of: current, to: element, depth: depth)
          }
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
          if let content = current.pointee.content {
            element.contents.append(.text(Self.string(content)))
          }
        case XML_ENTITY_REF_NODE:
          appendEntity(current, to: element)
        default:
          break
        }
      }
    }

    private mutating func appendEntity(_ node: xmlNodePtr, to element: FeedXMLElement) {
      let name = String(cString: node.pointee.name)
      if let entity = xmlGetDocEntity(document, node.pointee.name) {
        guard entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY else {
          if droppedExternal.insert(name).inserted {
            warnings.append("ignored the external entity &\(name); (never loaded)")
          }
          return
        }
        let text = entity.pointee.content.map { String(cString: $0) } ?? ""
        budget -= text.utf8.count
        if budget < 0 {
          overBudget = true
          return
        }
        element.contents.append(.text(text))
      } else if let text = HTMLEntities.named[name] {
        element.contents.append(.text(text))
      }
    }

    /// A text node's content as a string. libxml2 hands over the UTF-8 it read, so it is
    /// checked by `UTF8Validation` (a word at a time over ASCII) and copied without the
    /// standard library's own check, which was 3% of a large update; anything that is not
    /// well-formed is repaired as `String(cString:)` repairs it.
    static func string(_ content: UnsafePointer<xmlChar>) -> String {
      let length = strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
      let bytes = UnsafeBufferPointer(start: content, count: length)
      guard let isASCII = UTF8Validation.check(bytes) else { return String(cString: content) }
      return String(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: isASCII))
    }

    private func innerXML(of node: xmlNodePtr) -> String {
      guard let buffer = xmlBufferCreate() else { return "" }
      defer { xmlBufferFree(buffer) }
      // Atom wraps xhtml content in one <div>; its children are the content.
      var first = node.pointee.children
      while let current = first, current.pointee.type != XML_ELEMENT_NODE {
        first = current.pointee.next
      }
      var child = node.pointee.children
      if let wrapper = first, String(cString: wrapper.pointee.name) == "div" {
        child = wrapper.pointee.children
      }
      while let current = child {
        xmlNodeDump(buffer, document, current, 0, 0)
        child = current.pointee.next
      }
      return xmlBufferContent(buffer).map { String(cString: $0) } ?? ""
    }
  }
}
