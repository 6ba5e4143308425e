/// The HTML standard's prescan of a page's first bytes for a `<meta>` that declares its
/// encoding, as browsers do it before parsing.
///
/// Comments are skipped (a `<meta charset>` inside one is not obeyed), other tags and
/// their attributes are stepped over (one inside an attribute value is not either), and a
/// `<meta http-equiv=content-type content="...charset=X">` counts only with both
/// attributes, in either order. Only the first 1024 bytes are read.
struct MetaCharsetPrescan {
  /// How many leading bytes browsers search.
  static let length = 1024

  /// What the prescan found: the encoding, and a declared label no encoding answers to.
  struct Result {
    var charset: Charset?
    var unknownLabel: String?
  }

  private let bytes: [UInt8]
  private var position = 0
  private var unknownLabel: String?

  private init(_ bytes: some Collection<UInt8>) { self.bytes = Array(bytes.prefix(Self.length)) }

  static func scan(_ bytes: some Collection<UInt8>) -> Result {
    var scanner = MetaCharsetPrescan(bytes)
    let charset = scanner.run()
    return Result(charset: charset, unknownLabel: charset == nil ? scanner.unknownLabel : nil)
  }

  private mutating func run() -> Charset? {
    while position < bytes.count {
      // Every step below starts at a `<`.
      guard bytes[position] == UInt8(ascii: "<") else {
        position += 1
        continue
      }
      if matches("<!--") {
        guard let end = commentEnd(from: position + 4) else { return nil }
        position = end
      } else if matchesCaseInsensitive("<meta"), position + 5 < bytes.count,
        Self.isSpace(bytes[position + 5]) || bytes[position + 5] == UInt8(ascii: "/")
      {
        position += 5
        switch meta() {
        case .found(let charset): return charset
        case .ended: return nil
        case .none: break
        }
      } else if startsTag() {
        while position < bytes.count, !Self.isSpace(bytes[position]),
          bytes[position] != UInt8(ascii: ">")
        {
          position += 1
        }
        attributes: while true {
          switch attribute() {
          case .attribute: continue attributes
          case .none: break attributes
          case .ended: return nil
          }
        }
      } else if matches("<!") || matches("</") || matches("<?") {
        guard let close = bytes[position...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        position = close
      }
      position += 1
    }
    return nil
  }

  private enum MetaOutcome { case found(Charset), none, ended }

  /// The attributes of one `<meta>`: what they declare, if it is a declaration.
  private mutating func meta() -> MetaOutcome {
    var seen: Set<[UInt8]> = []
    var gotPragma = false
    var needPragma: Bool?
    var charset: Charset?
    while true {
      let next = attribute()
      guard case .attribute(let name, let value) = next else {
        if case .ended = next { return .ended }
        break
      }
      guard seen.insert(name).inserted else { continue }
      switch String(decoding: name, as: UTF8.self) {
      case "http-equiv":
        if value == Array("content-type".utf8) { gotPragma = true }
      case "content":
        if charset == nil, let label = Self.charsetLabel(inContent: value) {
          if let found = lookUp(label) {
            charset = found
            needPragma = true
          }
        }
      case "charset":
        charset = lookUp(String(decoding: value, as: UTF8.self))
        needPragma = false
      default: break
      }
    }
    guard let needPragma, !(needPragma && !gotPragma), let charset else { return .none }
    if charset.isUTF16 { return .found(.utf8) }
    if charset == .userDefined { return .found(.windows1252) }
    return .found(charset)
  }

  private mutating func lookUp(_ label: String) -> Charset? {
    if let charset = Charset(label: label) { return charset }
    if !label.isEmpty { unknownLabel = label }
    return nil
  }

  private enum Attribute { case attribute(name: [UInt8], value: [UInt8]), none, ended }

  /// The standard's "get an attribute": one name and value, lower-cased, or none at `>`.
  private mutating func attribute() -> Attribute {
    while position < bytes.count, Self.isSpace(bytes[position]) || bytes[position] == 0x2F {
      position += 1
    }
    guard position < bytes.count else { return .ended }
    if bytes[position] == UInt8(ascii: ">") { return .none }
    var name: [UInt8] = []
    // The name.
    while true {
      guard position < bytes.count else { return .ended }
      let byte = bytes[position]
      if byte == UInt8(ascii: "="), !name.isEmpty {
        position += 1
        return attributeValue(name: name)
      }
      if Self.isSpace(byte) { break }
      if byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") {
        return .attribute(name: name, value: [])
      }
      name.append(Self.lowercased(byte))
      position += 1
    }
    // Spaces after the name, then `=` or not.
    while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
    guard position < bytes.count else { return .ended }
    guard bytes[position] == UInt8(ascii: "=") else { return .attribute(name: name, value: []) }
    position += 1
    return attributeValue(name: name)
  }

  private mutating func attributeValue(name: [UInt8]) -> Attribute {
    var value: [UInt8] = []
    while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
    guard position < bytes.count else { return .ended }
    let first = bytes[position]
    if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
      position += 1
      while position < bytes.count {
        if bytes[position] == first {
          position += 1
          return .attribute(name: name, value: value)
        }
        value.append(Self.lowercased(bytes[position]))
        position += 1
      }
      return .ended
    }
    if first == UInt8(ascii: ">") { return .attribute(name: name, value: []) }
    while position < bytes.count {
      let byte = bytes[position]
      if Self.isSpace(byte) || byte == UInt8(ascii: ">") {
        return .attribute(name: name, value: value)
      }
      value.append(Self.lowercased(byte))
      position += 1
    }
    return .ended
  }

  /// The standard's "extract a character encoding from a meta element": the label after
  /// `charset=` in a `content` value.
  static func charsetLabel(inContent value: [UInt8]) -> String? {
    let key = Array("charset".utf8)
    var index = 0
    while index + key.count <= value.count {
      guard value[index..<(index + key.count)].elementsEqual(key) else {
        index += 1
        continue
      }
      var cursor = index + key.count
      while cursor < value.count, isSpace(value[cursor]) { cursor += 1 }
      guard cursor < value.count, value[cursor] == UInt8(ascii: "=") else {
        index = cursor
        continue
      }
      cursor += 1
      while cursor < value.count, isSpace(value[cursor]) { cursor += 1 }
      guard cursor < value.count else { return nil }
      let first = value[cursor]
      if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
        guard let close = value[(cursor + 1)...].firstIndex(of: first) else { return nil }
        return String(decoding: value[(cursor + 1)..<close], as: UTF8.self)
      }
      let end =
        value[cursor...].firstIndex { isSpace($0) || $0 == UInt8(ascii: ";") } ?? value.count
      return String(decoding: value[cursor..<end], as: UTF8.self)
    }
    return nil
  }

  /// The index after the `>` that closes a comment whose text starts at `start`; the
  /// dashes of `<!--` count, so `<!-->` is a whole comment.
  private func commentEnd(from start: Int) -> Int? {
    var index = start
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: ">"), bytes[index - 1] == 0x2D, bytes[index - 2] == 0x2D {
        return index
      }
      index += 1
    }
    return nil
  }

  /// `<` followed by a letter, or `</` followed by a letter.
  private func startsTag() -> Bool {
    guard bytes[position] == UInt8(ascii: "<"), position + 1 < bytes.count else { return false }
    if Self.isLetter(bytes[position + 1]) { return true }
    return bytes[position + 1] == UInt8(ascii: "/") && position + 2 < bytes.count
      && Self.isLetter(bytes[position + 2])
  }

  private func matches(_ text: String) -> Bool {
    var index = position
    for expected in text.utf8 {
      guard index < bytes.count, bytes[index] == expected else { return false }
      index += 1
    }
    return true
  }

  /// Whether the bytes at `position` are `text` (lower case) in any case.
  private func matchesCaseInsensitive(_ text: String) -> Bool {
    var index = position
    for expected in text.utf8 {
      guard index < bytes.count, Self.lowercased(bytes[index]) == expected else { return false }
      index += 1
    }
    return true
  }

  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D || byte == 0x20
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
  }

  private static func lowercased(_ byte: UInt8) -> UInt8 {
    (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
  }
}
