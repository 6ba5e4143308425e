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
    let ampersand = UInt8(ascii: "&")
    guard bytes.contains(ampersand) else { return bytes }
    var result: [UInt8] = []
    var index = 0
    var declared: Set<String>?
    while index < bytes.count {
      let byte = bytes[index]
      guard byte == ampersand else {
        result.append(byte)
        index += 1
        continue
      }
      var end = index + 1
      while end < bytes.count, end - index <= 10, isNameByte(bytes[end]) { end += 1 }
      if end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > index + 1 {
        let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
        if let text = named[name] {
          if declared == nil { declared = declaredNames(bytes) }
          if !declared!.contains(name) {
            for scalar in text.unicodeScalars { result += Array("&#\(scalar.value);".utf8) }
            index = end + 1
            continue
          }
        }
      }
      result.append(byte)
      index += 1
    }
    return result
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
      || (byte >= 0x30 && byte <= 0x39)
  }

  /// Names declared by `<!ENTITY name` in the document's prolog.
  private static func declaredNames(_ bytes: [UInt8]) -> Set<String> {
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
