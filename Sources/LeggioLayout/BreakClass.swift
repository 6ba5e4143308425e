/// How a grapheme cluster takes part in line breaking.
enum BreakClass: UInt8 {
  /// Letters, digits and most symbols: no break on either side.
  case normal
  /// A breaking space; dropped at the end of a line.
  case space
  /// A tab: breaks like a space, expands to the next tab stop.
  case tab
  /// A hard line break ("\n", "\r\n", U+2028, U+2029).
  case newline
  /// A hyphen or dash: a line may end after it.
  case hyphen
  /// Opening punctuation: a line never ends after it.
  case opening
  /// Closing punctuation: a line never starts with it.
  case closing
  /// An ideograph or other wide character: a line may end before or after it.
  case ideographic
  /// A slash: a line may end after it when nothing better fits (long URLs).
  case slash
  /// A zero-width space: a break opportunity that takes no cell.
  case zeroWidthSpace
  /// A control character, drawn as a visible symbol.
  case control
  /// A soft hyphen (U+00AD): takes no cell; a line may end after it, with a hyphen drawn.
  case softHyphen

  /// The class of a one-scalar cluster of width `width`.
  static func of(_ scalar: Unicode.Scalar, width: Int) -> BreakClass {
    switch scalar.value {
    case 0x20, 0x1680, 0x2000...0x2006, 0x2008...0x200A, 0x205F, 0x3000: return .space
    case 0x09: return .tab
    case 0x0A, 0x2028, 0x2029: return .newline
    case 0x200B: return .zeroWidthSpace
    case 0xAD: return .softHyphen
    case 0x2D, 0x2010, 0x2012...0x2014, 0x2E3A, 0x2E3B: return .hyphen
    case 0x2F: return .slash
    case 0x28, 0x5B, 0x7B, 0xAB, 0x2018, 0x201A, 0x201C, 0x201E, 0x2039, 0x3008, 0x300A, 0x300C,
      0x300E, 0x3010, 0x3014, 0x3016, 0xFF08, 0xFF3B, 0xFF5B, 0xFF62:
      return .opening
    case 0x29, 0x5D, 0x7D, 0x21, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0xBB, 0x2019, 0x201D, 0x203A, 0x2026,
      0x3001, 0x3002, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0xFF01, 0xFF09,
      0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D, 0xFF63, 0x30FC, 0x3005:
      return .closing
    default:
      if CellWidth.isControl(scalar) { return .control }
      // Korean breaks at spaces; other wide characters (CJK, kana, emoji) between them.
      if width == 2 && !(0xAC00...0xD7AF).contains(scalar.value)
        && !(0x1100...0x11FF).contains(scalar.value)
      {
        return .ideographic
      }
      return .normal
    }
  }

  /// The class of a one-byte (ASCII) cluster.
  static let ascii: [BreakClass] = (0..<128).map {
    of(Unicode.Scalar(UInt8($0)), width: 1)
  }
}
