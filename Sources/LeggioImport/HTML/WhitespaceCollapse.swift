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
    // `nil` when unchanged, `.some(nil)` when a space may join a neighbour.
    let collapsed = text.withUTF8 { bytes -> String?? in
      guard !bytes.isEmpty else { return nil }
      // Written into scratch space, and made a string only when something changed: most
      // text nodes of a book are copied once or not at all. The result needs no UTF-8
      // check of its own: only ASCII whitespace bytes are dropped or made spaces.
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { scratch in
        guard
          let (count, changed) = collapse(
            bytes, into: scratch, keepLeadingSpace: keepLeadingSpace)
        else { return .some(nil) }
        guard changed else { return nil }
        return UTF8Validation.string(
          checked: UnsafeBufferPointer(rebasing: scratch[..<count]), isASCII: false)
      }
    }
    return collapsed ?? text
  }

  /// Collapses `bytes` into `scratch` (as long as `bytes`): the bytes written and whether
  /// they differ from `bytes`; nil when a space may join a neighbour in one grapheme.
  /// Eight bytes are copied at a time up to the next byte below `!` (whitespace or
  /// another control): only those are looked at one by one.
  private static func collapse(
    _ bytes: UnsafeBufferPointer<UInt8>, into scratch: UnsafeMutableBufferPointer<UInt8>,
    keepLeadingSpace: Bool
  ) -> (count: Int, changed: Bool)? {
    guard let source = bytes.baseAddress, let out = scratch.baseAddress else { return (0, false) }
    let end = bytes.count
    var count = 0
    var changed = false
    var endsWithSpace = false
    var index = 0
    while index < end {
      if index + 8 <= end {
        // The word is stored whole; `count` only takes the bytes before the first one
        // below 0x21, and `count <= index` keeps the store inside `scratch`.
        let raw = UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)
        UnsafeMutableRawPointer(out + count).storeBytes(of: raw, as: UInt64.self)
        let word = UInt64(littleEndian: raw)
        // A flag on each byte below 0x21; the lowest flag is exact (borrows only
        // spill upwards), and bytes from 0x80 are never flagged on their own.
        let low = (word &- 0x2121_2121_2121_2121) & ~word & 0x8080_8080_8080_8080
        let taken = low == 0 ? 8 : low.trailingZeroBitCount >> 3
        if taken > 0 {
          count += taken
          index += taken
          endsWithSpace = false
          continue
        }
      }
      let byte = source[index]
      index += 1
      guard isWhitespace(byte) else {
        out[count] = byte
        count += 1
        endsWithSpace = false
        continue
      }
      let space = index - 1
      let afterReturn = byte == 0x0A && space > 0 && source[space - 1] == 0x0D
      if afterReturn || (byte == 0x20 && !standsAlone(bytes, space: space)) { return nil }
      if !endsWithSpace && (count > 0 || keepLeadingSpace) {
        out[count] = 0x20
        if byte != 0x20 { changed = true }
        count += 1
        endsWithSpace = true
      } else {
        changed = true
      }
    }
    return (count, changed)
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

  /// The General Punctuation dashes, quotes, ellipsis and the like (U+2010 to U+2029,
  /// U+2030 to U+205F): neither extend nor prepend, and they stand beside spaces in much
  /// typeset prose (’ — …).
  static func isPlainPunctuation(_ value: UInt32) -> Bool {
    (0x2010...0x2029).contains(value) || (0x2030...0x205F).contains(value)
  }

  private static func mayExtend(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x800 { return twoByteScalars[Int(scalar.value)].extends }
    return isPlainPunctuation(scalar.value) ? false : slowMayExtend(scalar)
  }

  private static func mayPrepend(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x800 { return twoByteScalars[Int(scalar.value)].prepends }
    return isPlainPunctuation(scalar.value) ? false : slowMayPrepend(scalar)
  }

  static func slowMayExtend(_ scalar: Unicode.Scalar) -> Bool {
    let properties = scalar.properties
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
    default: break
    }
    return properties.isGraphemeExtend || properties.isEmojiModifier
      || scalar.value == 0x0E33 || scalar.value == 0x0EB3
  }

  /// Prepended concatenation marks and the other Prepend characters of UAX #29.
  static func slowMayPrepend(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.properties.generalCategory == .format { return true }
    switch scalar.value {
    case 0x0D4E, 0x111C2, 0x111C3, 0x1193F, 0x11941, 0x11A3A, 0x11A84...0x11A89, 0x11D46,
      0x11F02:
      return true
    default: return false
    }
  }
}
