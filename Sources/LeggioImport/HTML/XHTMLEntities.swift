import CLibXML2
import Foundation
import Synchronization

/// The HTML named entities (`&nbsp;`, `&eacute;`) for libxml2's XML parser, which knows
/// only XML's five: each is handed to the parser as a predefined entity holding the
/// character the HTML parser would give, so the parser passes that character on as text.
///
/// The entities are made the first time a book asks for them and kept for the life of
/// the process (at most the HTML table's 253); nothing here is ever loaded from outside.
enum XHTMLEntities {
  /// Addresses of the entities made so far, by name.
  private static let made = Mutex<[String: UInt]>([:])

  /// The entity `name` stands for in HTML, or nil when HTML has no such name.
  static func entity(named name: UnsafePointer<xmlChar>) -> xmlEntityPtr? {
    let key = String(cString: name)
    if let address = made.withLock({ $0[key] }) {
      return xmlEntityPtr(bitPattern: address)
    }
    guard let description = htmlEntityLookup(name),
      let scalar = Unicode.Scalar(UInt32(description.pointee.value))
    else { return nil }
    let entity = UnsafeMutablePointer<xmlEntity>.allocate(capacity: 1)
    entity.initialize(to: xmlEntity())
    entity.pointee.type = XML_ENTITY_DECL
    entity.pointee.etype = XML_INTERNAL_PREDEFINED_ENTITY
    entity.pointee.name = UnsafePointer(xmlStrdup(name))
    let utf8 = Array(String(Character(scalar)).utf8)
    entity.pointee.content = utf8.withUnsafeBufferPointer {
      xmlStrndup($0.baseAddress, Int32($0.count))
    }
    entity.pointee.orig = xmlStrdup(entity.pointee.content)
    entity.pointee.length = Int32(utf8.count)
    let address = UInt(bitPattern: entity)
    let kept = made.withLock { table -> UInt in
      if let first = table[key] { return first }
      table[key] = address
      return address
    }
    if kept != address {
      // Another thread made it first: keep theirs.
      leggio_xml_free(UnsafeMutableRawPointer(mutating: entity.pointee.name))
      leggio_xml_free(entity.pointee.content)
      leggio_xml_free(entity.pointee.orig)
      entity.deallocate()
    }
    return xmlEntityPtr(bitPattern: kept)
  }
}
