import Foundation

/// HTML's named entities that feeds use without declaring them (`&nbsp;` in an RSS
/// 0.91 feed whose DTD is never loaded).
enum HTMLEntities {
  static let named: [String: String] = [
    "nbsp": "\u{00A0}", "iexcl": "¡", "cent": "¢", "pound": "£", "euro": "€", "yen": "¥",
    "sect": "§", "copy": "©", "laquo": "«", "raquo": "»", "reg": "®", "deg": "°",
    "plusmn": "±", "middot": "·", "frac12": "½", "iquest": "¿", "times": "×", "divide": "÷",
    "agrave": "à", "aacute": "á", "acirc": "â", "auml": "ä", "ccedil": "ç", "egrave": "è",
    "eacute": "é", "ecirc": "ê", "euml": "ë", "igrave": "ì", "iacute": "í", "ouml": "ö",
    "ograve": "ò", "oacute": "ó", "ugrave": "ù", "uacute": "ú", "uuml": "ü", "ntilde": "ñ",
    "Agrave": "À", "Eacute": "É", "Egrave": "È", "Ouml": "Ö", "Uuml": "Ü", "Auml": "Ä",
    "szlig": "ß", "ndash": "–", "mdash": "—", "lsquo": "‘", "rsquo": "’", "ldquo": "“",
    "rdquo": "”", "sbquo": "‚", "bdquo": "„", "hellip": "…", "bull": "•", "trade": "™",
    "prime": "′", "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}",
    "zwnj": "\u{200C}", "zwj": "\u{200D}", "shy": "\u{00AD}", "larr": "←", "rarr": "→",
  ]
}

extension HTMLEntities {
  /// Rewrites HTML's named entities that the document does not declare as numeric
  /// references, which XML always knows (libxml2 drops an undeclared `&egrave;`).
  static func numericReferences(in bytes: [UInt8]) -> [UInt8] {
    bytes.withUnsafeBufferPointer { numericReferencesIfAny(in: $0) } ?? bytes
  }

  /// `numericReferences(in:)` for bytes read where they lie: nil when there is nothing to
  /// rewrite, so that the bytes are not copied.
  static func numericReferencesIfAny(in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    var result: [UInt8] = []
    var copied = 0  // bytes[..<copied] are in result
    var declared: Set<String>?
    var index = 0
    while let found = firstAmpersand(in: bytes, from: index) {
      index = found + 1
      var end = index
      while end < bytes.count, end - index < 10, isNameByte(bytes[end]) { end += 1 }
      guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > index,
        !isXMLPredefined(bytes[index..<end])
      else { continue }
      let name = String(decoding: bytes[index..<end], as: UTF8.self)
      guard let text = named[name] else { continue }
      if declared == nil { declared = declaredNames(bytes) }
      guard !declared!.contains(name) else { continue }
      if result.isEmpty { result.reserveCapacity(bytes.count + 64) }
      result.append(contentsOf: bytes[copied..<found])
      for scalar in text.unicodeScalars { result += Array("&#\(scalar.value);".utf8) }
      copied = end + 1
      index = end + 1
    }
    guard copied > 0 else { return nil }
    result.append(contentsOf: bytes[copied...])
    return result
  }

  /// The index of the first `&` from `start` on, found by `memchr`: a slice's
  /// `firstIndex(of:)` took 6 instructions a byte of the feed (142 million for a ten-feed
  /// update of 22 MB), most of them bytes far from any entity.
  private static func firstAmpersand(in bytes: UnsafeBufferPointer<UInt8>, from start: Int)
    -> Int?
  {
    guard start < bytes.count, let address = bytes.baseAddress else { return nil }
    let base = UnsafeRawPointer(address)
    guard let found = memchr(base + start, Int32(UInt8(ascii: "&")), bytes.count - start)
    else { return nil }
    return base.distance(to: UnsafeRawPointer(found))
  }

  /// `lt`, `gt`, `amp`, `quot`, `apos`: XML's own, which libxml2 reads; a feed holds
  /// thousands (escaped HTML), so they are passed over without making a string.
  /// Compared byte by byte: `elementsEqual` on a slice and a string's UTF-8 cost 144
  /// instructions an entity.
  private static func isXMLPredefined(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    let start = name.startIndex
    switch name.count {
    case 2:
      return name[start + 1] == UInt8(ascii: "t")
        && (name[start] == UInt8(ascii: "l") || name[start] == UInt8(ascii: "g"))
    case 3:
      return name[start] == UInt8(ascii: "a") && name[start + 1] == UInt8(ascii: "m")
        && name[start + 2] == UInt8(ascii: "p")
    case 4:
      let word = (name[start], name[start + 1], name[start + 2], name[start + 3])
      return word == (0x71, 0x75, 0x6F, 0x74) || word == (0x61, 0x70, 0x6F, 0x73)  // quot, apos
    default:
      return false
    }
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
      || (byte >= 0x30 && byte <= 0x39)
  }

  /// Names declared by `<!ENTITY name` in the document's prolog.
  private static func declaredNames(_ bytes: UnsafeBufferPointer<UInt8>) -> Set<String> {
    let head = String(decoding: bytes.prefix(65_536), as: UTF8.self)
    var names = Set<String>()
    var rest = head[...]
    while let declaration = rest.range(of: "<!ENTITY") {
      let after = rest[declaration.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" }
      names.insert(String(after.prefix { !$0.isWhitespace }))
      rest = after
    }
    return names
  }
}
