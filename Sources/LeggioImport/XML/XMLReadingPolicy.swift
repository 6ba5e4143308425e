import CLibXML2
import Foundation

/// The one way Leggio reads XML, whatever the format: feeds, OPML, EPUB package files and
/// navigation, and any format to come.
///
/// - nothing is ever loaded from outside: no network (`NONET`), no DTD loading, and an
///   external entity loader that returns nothing;
/// - libxml2 never substitutes entities itself (no `NOENT`) and keeps its own amplification
///   limits (no `HUGE`); internal entities are expanded by our tree builders within
///   `entityBudget(forInputBytes:)`, and declarations only attacks need are refused before
///   parsing (`XMLEntityDeclarations`);
/// - trees deeper than `maximumDepth` are cut there;
/// - libxml2's own messages never reach stderr (`NOERROR`, `NOWARNING`): readers report
///   problems in their own words; `RECOVER` keeps what a malformed file holds.
package enum XMLReadingPolicy {
  /// Elements deeper than this are dropped with their content.
  package static let maximumDepth = 256

  /// The options every `xmlCtxtReadMemory` / push parser of Leggio runs with.
  package static let parserOptions: Int32 = Int32(
    bitPattern:
      XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
      | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)

  /// How many bytes of entity replacement text a document of `count` bytes may expand
  /// into: eight times its size, at least 4 MiB.
  package static func entityBudget(forInputBytes count: Int) -> Int {
    max(count * 8, 4 << 20)
  }

  /// Initialises libxml2 once (not safe from several threads at a time) and makes its
  /// external entity loader load nothing, whatever a document asks for. Call before any
  /// parse; cheap after the first time.
  package static func prepare() { _ = prepared }

  /// An attribute's value with its entity references expanded, each counted against
  /// `budget` (bytes left); nil once the budget runs out. libxml2 keeps references in
  /// attributes as nodes, and its own `xmlNodeListGetString` would expand them without
  /// limit. External and undeclared entities expand to nothing.
  package static func attributeValue(
    _ attribute: xmlAttrPtr, in document: xmlDocPtr, budget: inout Int
  ) -> String? {
    var value = ""
    var node = attribute.pointee.children
    while let current = node {
      node = current.pointee.next
      switch current.pointee.type {
      case XML_TEXT_NODE:
        if let content = current.pointee.content { value += String(cString: content) }
      case XML_ENTITY_REF_NODE:
        if let entity = xmlGetDocEntity(document, current.pointee.name) {
          guard entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY,
            let content = entity.pointee.content
          else { continue }
          budget -= strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
          if budget < 0 { return nil }
          value += String(cString: content)
        }
      default:
        break
      }
    }
    return value
  }

  private static let prepared: Void = {
    xmlInitParser()
    xmlSetExternalEntityLoader { _, _, _ in nil }
  }()
}
