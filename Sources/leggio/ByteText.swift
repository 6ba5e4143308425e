import LeggioModel

/// Text from the library copied as UTF-8 bytes into output, made safe on the way (a JSON
/// string, a terminal's line) without a `String` in between: `list` and `list --json` write
/// 100,000 articles' texts this way. The rules are `TerminalSafety`'s; invalid UTF-8 is
/// replaced by U+FFFD as `String(decoding:as:)` replaces it, so the bytes are those the
/// `String` path writes.
enum ByteText {
  /// `bytes` as a quoted JSON string: quote, backslash, line feed, carriage return and tab
  /// escaped by name, every other scalar `TerminalSafety.jsonEscape` names as `\uXXXX`.
  static func appendJSONString(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    appendRepaired(bytes, to: &output, appendJSONEscaped)
    output.append(UInt8(ascii: "\""))
  }

  /// `bytes` as `TerminalSafety.safe` lets them reach a terminal: a tab becomes a space,
  /// invisible scalars are dropped, other unsafe ones shown by their stand-in.
  static func appendTerminalSafe(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    appendRepaired(bytes, to: &output, appendTerminalSafeValid)
  }

  /// Runs `append` on `bytes`, or, when they are not valid UTF-8, on their repaired copy.
  private static func appendRepaired(
    _ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8],
    _ append: (UnsafeBufferPointer<UInt8>, inout [UInt8]) -> Bool
  ) {
    let start = output.count
    if append(bytes, &output) { return }
    output.removeSubrange(start...)
    var repaired = String(decoding: bytes, as: UTF8.self)
    _ = repaired.withUTF8 { append($0, &output) }
  }

  /// The JSON string's contents; false (with part written) when `bytes` are not valid UTF-8.
  private static func appendJSONEscaped(
    _ bytes: UnsafeBufferPointer<UInt8>, _ output: inout [UInt8]
  )
    -> Bool
  {
    var run = 0  // the start of the bytes not yet copied
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        if byte >= 0x20 && byte != 0x7F && byte != 0x22 && byte != 0x5C {
          index += 1
          continue
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
        switch byte {
        case 0x22: output.append(literal: #"\""#)
        case 0x5C: output.append(literal: #"\\"#)
        case 0x0A: output.append(literal: #"\n"#)
        case 0x0D: output.append(literal: #"\r"#)
        case 0x09: output.append(literal: #"\t"#)
        default: output.append(contentsOf: TerminalSafety.jsonEscape(Unicode.Scalar(byte))!.utf8)
        }
        index += 1
        run = index
        continue
      }
      guard let (scalar, length) = decode(bytes, at: index) else { return false }
      if let escaped = TerminalSafety.jsonEscape(scalar) {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
        output.append(contentsOf: escaped.utf8)
        run = index + length
      }
      index += length
    }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
    return true
  }

  /// `TerminalSafety.safe`'s text; false (with part written) when `bytes` are not valid
  /// UTF-8.
  private static func appendTerminalSafeValid(
    _ bytes: UnsafeBufferPointer<UInt8>, _ output: inout [UInt8]
  ) -> Bool {
    var run = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      let scalar: Unicode.Scalar
      let length: Int
      if byte < 0x80 {
        if byte >= 0x20 && byte != 0x7F {
          index += 1
          continue
        }
        (scalar, length) = (Unicode.Scalar(byte), 1)
      } else {
        guard let decoded = decode(bytes, at: index) else { return false }
        (scalar, length) = decoded
        guard TerminalSafety.isUnsafe(scalar) else {
          index += length
          continue
        }
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
      if scalar == "\t" {
        output.append(UInt8(ascii: " "))
      } else if !TerminalSafety.isInvisible(scalar) {
        output.append(contentsOf: String(TerminalSafety.visibleSymbol(for: scalar)).utf8)
      }
      index += length
      run = index
    }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
    return true
  }

  /// The scalar whose UTF-8 starts at `index` (a byte of 0x80 or more) and its length; nil
  /// for a sequence that is not well-formed (overlong, surrogate, beyond U+10FFFF, cut).
  private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int)
    -> (Unicode.Scalar, Int)?
  {
    let lead = UInt32(bytes[index])
    let length: Int
    let minimum: UInt32
    var value: UInt32
    switch lead {
    case 0xC2...0xDF: (length, minimum, value) = (2, 0x80, lead & 0x1F)
    case 0xE0...0xEF: (length, minimum, value) = (3, 0x800, lead & 0x0F)
    case 0xF0...0xF4: (length, minimum, value) = (4, 0x10000, lead & 0x07)
    default: return nil
    }
    guard index + length <= bytes.count else { return nil }
    for offset in 1..<length {
      let next = UInt32(bytes[index + offset])
      guard next & 0xC0 == 0x80 else { return nil }
      value = value << 6 | (next & 0x3F)
    }
    guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
    return (scalar, length)
  }
}

extension [UInt8] {
  /// Appends a literal's bytes (appending a `String`'s `utf8` copies through the string's
  /// storage: a fifth of `list --json` when every key and comma went that way).
  mutating func append(literal text: StaticString) {
    append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }
}
