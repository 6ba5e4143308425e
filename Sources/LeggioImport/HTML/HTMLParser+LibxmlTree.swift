import CLibXML2
import Foundation

/// The first way Leggio built its tree: libxml2 builds its own tree (`htmlReadMemory`),
/// which is then copied node by node. `HTMLParser.parse` now builds straight from the
/// parser's SAX events; this copy stays as the reference its trees are checked against
/// (`HTMLParserTests`), with the same options and the same depth cap.
extension HTMLParser {
  package static func parseThroughLibxml2Tree(_ html: String) -> HTMLNode {
    let root = HTMLNode(kind: .document)
    var bytes = Array(html.utf8)
    if bytes.isEmpty { return root }
    XMLReadingPolicy.prepare()
    let count = Int32(clamping: bytes.count)
    let parsed: htmlDocPtr? = bytes.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        htmlReadMemory($0, count, nil, "UTF-8", options)
      }
    }
    guard let doc = parsed else { return root }
    defer { xmlFreeDoc(doc) }
    var names = NameTable()
    var child = doc.pointee.children
    while let node = child {
      convert(node, into: root, depth: 0, names: &names)
      child = node.pointee.next
    }
    return root
  }

  private static func convert(
    _ node: xmlNodePtr, into parent: HTMLNode, depth: Int, names: inout NameTable
  ) {
    switch node.pointee.type {
    case XML_ELEMENT_NODE:
      let name = names.name(node.pointee.name)
      var attributes: [(String, String)] = []
      var attribute = node.pointee.properties
      while let attr = attribute {
        let attrName = names.name(attr.pointee.name)
        var value = ""
        if let text = attr.pointee.children, text.pointee.next == nil,
          text.pointee.type == XML_TEXT_NODE, let content = text.pointee.content
        {
          value = String(cString: content)
        } else if let content = xmlNodeListGetString(node.pointee.doc, attr.pointee.children, 1) {
          value = String(cString: content)
          leggio_xml_free(content)
        }
        attributes.append((attrName, value))
        attribute = attr.pointee.next
      }
      guard depth < maximumDepth else {
        appendFlattenedText(of: node, into: parent)
        return
      }
      let target = HTMLNode(kind: .element, name: name, attributes: attributes)
      parent.append(target)
      var child = node.pointee.children
      while let next = child {
        convert(next, into: target, depth: depth + 1, names: &names)
        child = next.pointee.next
      }
    case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
      if let content = node.pointee.content {
        parent.append(HTMLNode(kind: .text, text: String(cString: content)))
      }
    case XML_COMMENT_NODE:
      parent.append(HTMLNode(kind: .comment))
    default:
      break
    }
  }

  /// The text below a node nested deeper than `maximumDepth`, appended to `parent`
  /// without recursion (an explicit stack), so no nesting depth can exhaust the stack.
  /// Script and style contents are left out, as the converter would skip them.
  private static func appendFlattenedText(of node: xmlNodePtr, into parent: HTMLNode) {
    var stack: [xmlNodePtr] = [node]
    while let current = stack.popLast() {
      switch current.pointee.type {
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = current.pointee.content {
          parent.append(HTMLNode(kind: .text, text: String(cString: content)))
        }
      case XML_ELEMENT_NODE:
        let name = String(cString: current.pointee.name).lowercased()
        guard name != "script" && name != "style" else { continue }
        var children: [xmlNodePtr] = []
        var child = current.pointee.children
        while let next = child {
          children.append(next)
          child = next.pointee.next
        }
        stack.append(contentsOf: children.reversed())
      default:
        break
      }
    }
  }
}
