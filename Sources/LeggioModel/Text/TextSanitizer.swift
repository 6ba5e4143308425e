/// Keeps control characters out of stored text and normalises line endings.
///
/// This is part of the security boundary of the architecture: nothing `TerminalSafety`
/// calls unsafe, but `\n` and `\t`, reaches the stored text, so nothing imported can drive
/// the terminal or hide text in it.
public enum TextSanitizer {
  /// Whether a scalar never enters the text.
  public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    scalar != "\n" && scalar != "\t" && TerminalSafety.isUnsafe(scalar)
  }

  /// The text with `\r\n`, `\r`, NEL, form feed and U+2028 turned into `\n`, U+2029 into
  /// a blank line, and every forbidden scalar removed.
  public static func sanitize(_ text: String) -> String {
    if isClean(text) { return text }
    var text = text
    return text.withUTF8 { bytes in
      // Nothing grows: every replacement is at most as long as what it replaces.
      String(unsafeUninitializedCapacity: max(1, bytes.count)) { output in
        sanitize(bytes, into: output.baseAddress!)
      }
    }
  }

  /// The sanitised bytes of the well-formed UTF-8 `bytes` written to `output` (room for
  /// `bytes.count`); returns how many. Runs of printable ASCII are copied eight bytes at a
  /// time; other scalars are decoded and judged one by one, as `sanitizeScalars` does. A
  /// CRLF book (Project Gutenberg's) is thereby read in a few milliseconds, not 60.
  package static func sanitize(
    _ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>
  )
    -> Int
  {
    guard let base = bytes.baseAddress else { return 0 }
    let count = bytes.count
    var read = 0
    var written = 0
    var afterCarriageReturn = false
    var escape = EscapeState.none
    while read < count {
      if escape == .none {
        // Eight printable ASCII bytes (0x20...0x7E) at a time.
        while read + 8 <= count {
          let word = UnsafeRawPointer(base + read).loadUnaligned(as: UInt64.self)
          let below = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
          let above = ((word &+ 0x0101_0101_0101_0101) | word) & 0x8080_8080_8080_8080
          guard below | above == 0 else { break }
          UnsafeMutableRawPointer(output + written).storeBytes(of: word, as: UInt64.self)
          read += 8
          written += 8
          afterCarriageReturn = false
        }
        guard read < count else { break }
        let byte = base[read]
        if byte >= 0x20 && byte < 0x7F {
          output[written] = byte
          read += 1
          written += 1
          afterCarriageReturn = false
          continue
        }
      }
      let start = read
      let scalar = decodeScalar(base, &read)
      let wasAfterCarriageReturn = afterCarriageReturn
      afterCarriageReturn = scalar == "\r"
      if escape.swallows(scalar) { continue }
      switch scalar.value {
      case 0x0D, 0x85, 0x0C, 0x2028:
        output[written] = 0x0A
        written += 1
      case 0x0A:
        if !wasAfterCarriageReturn {
          output[written] = 0x0A
          written += 1
        }
      case 0x2029:
        output[written] = 0x0A
        output[written + 1] = 0x0A
        written += 2
      case 0x1B:
        escape = .started
      default:
        if !isForbidden(scalar) {
          for index in start..<read {
            output[written] = base[index]
            written += 1
          }
        }
      }
    }
    return written
  }

  /// The scalar at `index` of well-formed UTF-8, `index` moved past it.
  @inline(__always)
  private static func decodeScalar(_ base: UnsafePointer<UInt8>, _ index: inout Int)
    -> Unicode.Scalar
  {
    let lead = UInt32(base[index])
    var value: UInt32
    var length: Int
    switch lead {
    case ..<0x80: value = lead; length = 1
    case ..<0xE0: value = lead & 0x1F; length = 2
    case ..<0xF0: value = lead & 0x0F; length = 3
    default: value = lead & 0x07; length = 4
    }
    for offset in 1..<max(1, length) { value = value << 6 | UInt32(base[index + offset] & 0x3F) }
    index += length
    return Unicode.Scalar(value) ?? "\u{FFFD}"
  }

  /// The same as `sanitize`, scalar by scalar: the definition the byte loop follows, kept
  /// for the tests that hold the two to the same results.
  package static func sanitizeScalars(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    result.reserveCapacity(text.utf8.count)
    var afterCarriageReturn = false
    var escape = EscapeState.none
    for scalar in text.unicodeScalars {
      defer { afterCarriageReturn = scalar == "\r" }
      if escape.swallows(scalar) { continue }
      switch scalar.value {
      case 0x0D, 0x85, 0x0C, 0x2028:
        result.append("\n")
      case 0x0A:
        if !afterCarriageReturn { result.append("\n") }
      case 0x2029:
        result.append(contentsOf: "\n\n".unicodeScalars)
      case 0x1B:
        escape = .started
      default:
        if !isForbidden(scalar) { result.append(scalar) }
      }
    }
    return String(result)
  }

  /// Where we are in a terminal escape sequence (`ESC [ 31 m`, `ESC ] 0;title BEL`), so
  /// that a text saved from a terminal loses the whole sequence, not just the ESC.
  private enum EscapeState {
    case none, started, csi, osc, oscEscape

    /// Advances over `scalar`; true when it belongs to the sequence and is dropped.
    mutating func swallows(_ scalar: Unicode.Scalar) -> Bool {
      switch self {
      case .none:
        return false
      case .started:
        switch scalar {
        case "[": self = .csi
        case "]": self = .osc
        default: self = .none
        }
        return scalar.value >= 0x20 && scalar.value < 0x7F
      case .csi:
        if (0x40...0x7E).contains(scalar.value) || scalar == "\n" { self = .none }
        return scalar != "\n"
      case .osc:
        if scalar.value == 0x07 || scalar == "\n" { self = .none }
        if scalar.value == 0x1B { self = .oscEscape }
        return scalar != "\n"
      case .oscEscape:
        self = .none
        return true
      }
    }
  }

  /// Text from markup (an HTML text node, an attribute): forbidden scalars removed, line
  /// endings made `\n` and left to the whitespace collapsing that follows.
  package static func removingForbidden(_ text: String) -> String {
    // `isClean` judges the bytes in one pass: most text nodes have nothing to remove.
    if isClean(text) { return text }
    guard text.unicodeScalars.contains(where: isForbidden) else { return text }
    var result = String.UnicodeScalarView()
    var afterCarriageReturn = false
    for scalar in text.unicodeScalars {
      defer { afterCarriageReturn = scalar == "\r" }
      if scalar == "\r" {
        result.append("\n")
      } else if scalar == "\n" {
        if !afterCarriageReturn { result.append(scalar) }
      } else if !isForbidden(scalar) {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// Whether the text has nothing to remove or normalise, judged from its UTF-8 bytes in
  /// one pass: the common case, which then costs no copy. Printable ASCII, most of any
  /// text, is passed over with one comparison per byte.
  package static func isClean(_ text: String) -> Bool {
    var text = text  // native strings are read in place; others are made contiguous once
    return text.withUTF8(isClean)
  }

  /// Bit 7 of each of the eight bytes of `word` (little-endian: the first byte lowest)
  /// that is neither printable ASCII (0x20–0x7E) nor a line feed: zero when all pass. The
  /// lowest bit set is the first such byte; bits above it may be set in error (a byte of
  /// 0xFF carries into the next). With bit 7 set in every byte first, subtracting 0x20
  /// from each borrows from none of the others.
  @inlinable
  package static func otherThanPrintableOrLineFeeds(_ word: UInt64) -> UInt64 {
    let high: UInt64 = 0x8080_8080_8080_8080
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    // Each byte below 0x20 (those of 0x80 and up are caught by `above`).
    let below = ~((word | high) &- 0x2020_2020_2020_2020) & high
    // Each byte above 0x7E.
    let above = ((word &+ 0x0101_0101_0101_0101) | word) & high
    // Each line feed: a byte that is zero once XORed with 0x0A.
    let feeds = word ^ 0x0A0A_0A0A_0A0A_0A0A
    let lineFeeds = ~(((feeds & low) &+ low) | feeds) & high
    return (below & ~lineFeeds) | above
  }

  /// Whether the scalar whose lead byte is at `index` of well-formed UTF-8 is one the
  /// sanitiser removes or changes: C1 controls (NEL), U+061C, U+200B, U+200E, U+200F,
  /// U+2028–U+202E, U+2060–U+2064, U+2066–U+2069, U+FEFF and the tag characters. Only the
  /// lead bytes C2, D8, E2, EF and F3 can start one; any other byte is false.
  @inlinable
  package static func isForbiddenSequence(
    _ base: UnsafePointer<UInt8>, count: Int, at index: Int
  ) -> Bool {
    guard index &+ 1 < count else { return false }
    let second = base[index &+ 1]
    switch base[index] {
    case 0xC2: return second <= 0x9F  // C1, NEL
    case 0xD8: return second == 0x9C  // U+061C
    case 0xE2, 0xEF, 0xF3:
      guard index &+ 2 < count else { return false }
      let third = base[index &+ 2]
      switch (base[index], second) {
      case (0xE2, 0x80):  // U+200B, U+200E, U+200F, U+2028–U+202E
        return third == 0x8B || third == 0x8E || third == 0x8F || (0xA8...0xAE).contains(third)
      case (0xE2, 0x81):  // U+2060–U+2064, U+2066–U+2069
        return (0xA0...0xA4).contains(third) || (0xA6...0xA9).contains(third)
      case (0xEF, 0xBB): return third == 0xBF  // U+FEFF
      case (0xF3, 0xA0): return third == 0x80 || third == 0x81  // U+E0000–U+E007F
      default: return false
      }
    default: return false
    }
  }

  /// `isClean` on UTF-8 bytes.
  package static func isClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      guard let base = bytes.baseAddress else { return true }
      let count = bytes.count
      var index = 0
      // Eight bytes at a time while all are printable ASCII (0x20–0x7E) or line feeds,
      // each of which passes; in a window with any other byte, the bytes before the first
      // such are passed over and that one is read below. (A window read byte by byte cost
      // ten instructions a byte, and a book has a line feed every 40 bytes or so and an
      // accented letter every 50: half of this check's instructions.)
      while index < count {
        if index &+ 8 <= count {
          let others = otherThanPrintableOrLineFeeds(
            UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
          if others == 0 {
            index &+= 8
            continue
          }
          index &+= others.trailingZeroBitCount &>> 3
        }
        defer { index &+= 1 }
        let byte = bytes[index]
        if byte >= 0x20 && byte < 0x7F { continue }
        if byte < 0x20 && byte != 0x0A && byte != 0x09 || byte == 0x7F { return false }
        if byte >= 0x80 && isForbiddenSequence(base, count: count, at: index) { return false }
      }
      return true
    }
    return scan(bytes)
  }
}
