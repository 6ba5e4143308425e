/// Collapses HTML whitespace (space, tab, line feed) to single spaces on the UTF-8 bytes,
/// several times faster than walking the text's characters, which was the largest part of
/// reading a long book. Equal to walking characters (`collapsedByCharacter`) whenever
/// every whitespace byte is a character of its own; when a space may join a neighbour in
/// one grapheme (a combining mark, joiner or spacing mark after it, a prepended mark
/// before it, a carriage return before a line feed) it returns nil and the caller walks
/// the characters.
enum WhitespaceCollapse {
  /// `text` collapsed; a leading whitespace run becomes a space only if
  /// `keepLeadingSpace`. Text with nothing to collapse is returned as it is, not copied.
  static func bytes(_ text: String, keepLeadingSpace: Bool) -> String? {
    var text = text
    var joins = false
    var changed = false
    // One pass written straight into the new string's storage, a byte at a time through
    // pointers: a copy call per word, into an array copied again into a string, was
    // most of the cost.
    let collapsed = text.withUTF8 { bytes -> String in
      guard let source = bytes.baseAddress, !bytes.isEmpty else { return "" }
      return String(unsafeUninitializedCapacity: bytes.count) { buffer in
        guard let out = buffer.baseAddress else { return 0 }
        var count = 0
        var endsWithSpace = false
        var index = 0
        while index < bytes.count {
          let byte = source[index]
          if !isWhitespace(byte) {
            out[count] = byte
            count += 1
            endsWithSpace = false
            index += 1
            continue
          }
          let afterReturn = byte == 0x0A && index > 0 && source[index - 1] == 0x0D
          if afterReturn || (byte == 0x20 && !standsAlone(bytes, space: index)) {
            joins = true
            return 0
          }
          if !endsWithSpace && (count > 0 || keepLeadingSpace) {
            out[count] = 0x20
            if byte != 0x20 { changed = true }
            count += 1
            endsWithSpace = true
          } else {
            changed = true
          }
          index += 1
        }
        return count
      }
    }
    if joins { return nil }
    return changed ? collapsed : text
  }

  @inline(__always)
  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09
  }

  /// Whether the space at `index` is a grapheme of its own: nothing before it that
  /// prepends (GB9b) and nothing after it that extends (GB9, GB9a). ASCII neighbours
  /// never do; other neighbours are judged by their properties, erring towards nil.
  private static func standsAlone(_ bytes: UnsafeBufferPointer<UInt8>, space index: Int)
    -> Bool
  {
    if index + 1 < bytes.count, bytes[index + 1] >= 0x80,
      let next = scalar(in: bytes, at: index + 1), mayExtend(next)
    {
      return false
    }
    if index > 0, bytes[index - 1] >= 0x80 {
      var start = index - 1
      while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
      if let previous = scalar(in: bytes, at: start), mayPrepend(previous) { return false }
    }
    return true
  }

  private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int)
    -> Unicode.Scalar?
  {
    var iterator = bytes[index...].makeIterator()
    var decoder = UTF8()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
    return nil
  }

  /// `mayExtend` and `mayPrepend` of the scalars below U+0800 (two UTF-8 bytes or
  /// fewer), worked out once: the letters beside spaces in most Latin, Greek, Cyrillic,
  /// Hebrew and Arabic text, whose properties were costly to look up at every space.
  private static let twoByteScalars: [(extends: Bool, prepends: Bool)] = (0..<0x800).map {
    let scalar = Unicode.Scalar(UInt32($0))!
    return (slowMayExtend(scalar), slowMayPrepend(scalar))
  }

  private static func mayExtend(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x800 ? twoByteScalars[Int(scalar.value)].extends : slowMayExtend(scalar)
  }

  private static func mayPrepend(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x800 ? twoByteScalars[Int(scalar.value)].prepends : slowMayPrepend(scalar)
  }

  private static func slowMayExtend(_ scalar: Unicode.Scalar) -> Bool {
    let properties = scalar.properties
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
    default: break
    }
    return properties.isGraphemeExtend || properties.isEmojiModifier
      || scalar.value == 0x0E33 || scalar.value == 0x0EB3
  }

  /// Prepended concatenation marks and the other Prepend characters of UAX #29.
  private static func slowMayPrepend(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.properties.generalCategory == .format { return true }
    switch scalar.value {
    case 0x0D4E, 0x111C2, 0x111C3, 0x1193F, 0x11941, 0x11A3A, 0x11A84...0x11A89, 0x11D46,
      0x11F02:
      return true
    default: return false
    }
  }
}
