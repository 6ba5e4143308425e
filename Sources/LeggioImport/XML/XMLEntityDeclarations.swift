import Foundation

/// Finds, before libxml2 sees them, the entity declarations that only attacks need.
///
/// Feeds, OPML and books have no use for entities beyond the predefined five and the odd
/// `&nbsp;`. A
/// document type's internal subset that declares parameter entities, entities whose value
/// refers to other entities (the nesting that makes a "billion laughs" grow
/// exponentially), very many entities or very long values is refused at once. External
/// entities (`SYSTEM`, `PUBLIC`) are allowed to be declared but are never loaded: the
/// parser runs without `XML_PARSE_NOENT` or DTD loading and the tree builders drop them.
/// Part of `XMLReadingPolicy`.
package enum XMLEntityDeclarations {
  package static let maximumDeclarations = 64
  package static let maximumValueBytes = 64 * 1024

  /// Why the document must be refused ("it declares parameter entities"), or nil.
  package static func refusal<Bytes: Collection<UInt8>>(in bytes: Bytes) -> String? {
    // Only the prolog can hold a document type declaration; look at its first 64 KiB.
    // Without a "[" there, there is no internal subset: no need to decode and search it
    // (a book's 116 KB package took more to search than to parse).
    let prefix = bytes.prefix(65_536)
    let opens =
      prefix.withContiguousStorageIfAvailable { buffer in
        buffer.baseAddress.map { memchr($0, 0x5B, buffer.count) != nil } ?? false
      }
      ?? prefix.contains(0x5B)
    guard opens else { return nil }
    let head = String(decoding: prefix, as: UTF8.self)
    guard let doctype = head.range(of: "<!DOCTYPE", options: .caseInsensitive),
      let open = head[doctype.upperBound...].firstIndex(where: { $0 == "[" || $0 == ">" }),
      head[open] == "["
    else { return nil }
    let subset = head[head.index(after: open)...]
    var count = 0
    var totalValue = 0
    var rest = subset[...]
    while let declaration = rest.range(of: "<!ENTITY") {
      count += 1
      guard count <= maximumDeclarations else {
        return "it declares more than \(maximumDeclarations) entities"
      }
      let body = rest[declaration.upperBound...]
      let end = body.firstIndex(of: ">") ?? body.endIndex
      let text = body[..<end]
      if text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("%") {
        return "it declares parameter entities"
      }
      if let value = quotedValue(text) {
        if refersToEntities(value) {
          return "it declares entities that expand other entities"
        }
        totalValue += value.utf8.count
        if totalValue > maximumValueBytes {
          return "its entity values exceed \(maximumValueBytes / 1024) KiB"
        }
      }
      rest = body[end...].dropFirst()
      // The internal subset ends at "]"; declarations after it are not declarations.
      if rest.drop(while: { $0.isWhitespace }).first == "]" { break }
    }
    return nil
  }

  /// Whether an entity's value names other entities (`&name;`, `%name;`); character
  /// references such as `&#160;` expand to one character and are fine.
  private static func refersToEntities(_ value: Substring) -> Bool {
    if value.contains("%") { return true }
    var rest = value[...]
    while let ampersand = rest.firstIndex(of: "&") {
      rest = rest[rest.index(after: ampersand)...]
      if rest.first != "#" { return true }
    }
    return false
  }

  /// The replacement text of an internal entity declaration, nil for an external one.
  private static func quotedValue(_ declaration: Substring) -> Substring? {
    guard let quote = declaration.firstIndex(where: { $0 == "\"" || $0 == "'" }) else {
      return nil
    }
    let before = declaration[..<quote]
    if before.contains("SYSTEM") || before.contains("PUBLIC") { return nil }
    let mark = declaration[quote]
    let after = declaration[declaration.index(after: quote)...]
    return after.prefix { $0 != mark }
  }
}
