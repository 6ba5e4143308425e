/// A character encoding of the WHATWG Encoding Standard, the one table browsers share.
///
/// Any of an encoding's labels finds it (`iso8859-2`, `l2`, `csisolatin2` and `latin2` are
/// all ISO-8859-2), and labels that browsers deliberately read as another encoding follow
/// them (`iso-8859-1` and `us-ascii` are windows-1252, `gb2312` is GBK, `tis-620` is
/// windows-874). Decoding never fails: bytes an encoding cannot map become U+FFFD.
public struct Charset: Hashable, Sendable, CustomStringConvertible {
  /// The encoding's name in the standard ("UTF-8", "windows-1252", "Shift_JIS"...).
  public let name: String

  private init(_ name: String) { self.name = name }

  public var description: String { name }

  /// The encoding a label names, or nil when the standard does not know the label.
  /// Surrounding ASCII whitespace and case do not matter.
  public init?(label: some StringProtocol) {
    let key = label.trimmingASCIIWhitespace().lowercasedASCII()
    guard let name = Charset.labels[key] else { return nil }
    self.init(name)
  }

  public static let utf8 = Charset("UTF-8")
  public static let utf16BigEndian = Charset("UTF-16BE")
  public static let utf16LittleEndian = Charset("UTF-16LE")
  public static let windows1252 = Charset("windows-1252")
  /// The standard's guard against encodings that smuggle ASCII (ISO-2022-KR, HZ...):
  /// decodes anything to one U+FFFD.
  public static let replacement = Charset("replacement")
  public static let userDefined = Charset("x-user-defined")

  /// Whether the encoding is one of UTF-16's two byte orders.
  public var isUTF16: Bool { self == .utf16BigEndian || self == .utf16LittleEndian }

  /// The text of `bytes` in this encoding.
  public func decode(_ bytes: some Collection<UInt8>) -> String {
    switch self {
    case .utf8: return String(decoding: Array(bytes), as: UTF8.self)
    case .windows1252: return Windows1252.decode(bytes)
    case .utf16BigEndian: return UTF16Bytes.decode(bytes, bigEndian: true)
    case .utf16LittleEndian: return UTF16Bytes.decode(bytes, bigEndian: false)
    case .replacement: return bytes.isEmpty ? "" : "\u{FFFD}"
    case .userDefined:
      return String(
        String.UnicodeScalarView(
          bytes.map { Unicode.Scalar($0 < 0x80 ? UInt32($0) : 0xF780 + UInt32($0) - 0x80)! }))
    default:
      return IconvDecoder.decode(Array(bytes), from: Charset.iconvNames[name] ?? name)
        ?? Windows1252.decode(bytes)
    }
  }

  /// What `decode` gives, as UTF-8 bytes: UTF-8 that is valid is only checked, and
  /// windows-1252 is encoded byte by byte, without making a string.
  func utf8Bytes(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    switch self {
    case .utf8:
      let valid = bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) }
      return valid ? Array(bytes) : Array(decode(bytes).utf8)
    case .windows1252: return Windows1252.utf8Bytes(bytes)
    default: return Array(decode(bytes).utf8)
    }
  }

  /// glibc's iconv names where they differ from the standard's, chosen for the same
  /// mappings: browsers' Shift_JIS is Microsoft's CP932, EUC-KR is CP949, Big5 includes
  /// HKSCS, GBK is decoded as GB18030.
  static let iconvNames: [String: String] = [
    "ISO-8859-8-I": "ISO-8859-8", "windows-874": "CP874", "macintosh": "MACINTOSH",
    "x-mac-cyrillic": "MAC-CYRILLIC", "GBK": "GB18030", "gb18030": "GB18030",
    "Big5": "BIG5-HKSCS", "Shift_JIS": "CP932", "EUC-KR": "CP949",
    "windows-1250": "CP1250", "windows-1251": "CP1251", "windows-1253": "CP1253",
    "windows-1254": "CP1254", "windows-1255": "CP1255", "windows-1256": "CP1256",
    "windows-1257": "CP1257", "windows-1258": "CP1258",
  ]
}

extension Charset {
  /// The label in an `<?xml … encoding="…"?>` declaration among the first 200 bytes,
  /// lower-cased: what feeds and e-book files declare.
  package static func xmlDeclaredLabel(in bytes: some Collection<UInt8>) -> String? {
    let head = String(decoding: bytes.prefix(200), as: UTF8.self)
    guard let start = head.range(of: "<?xml"),
      let end = head.range(of: "?>", range: start.upperBound..<head.endIndex)
    else { return nil }
    let declaration = head[start.upperBound..<end.lowerBound]
    guard let key = declaration.range(of: "encoding") else { return nil }
    let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" }
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
    let value = rest.dropFirst().prefix { $0 != quote }
    return value.isEmpty ? nil : value.lowercased()
  }
}

extension StringProtocol {
  fileprivate func trimmingASCIIWhitespace() -> Substring {
    let whitespace: Set<Character> = ["\t", "\n", "\u{0C}", "\r", " "]
    let text = Substring(self)
    guard let first = text.firstIndex(where: { !whitespace.contains($0) }),
      let last = text.lastIndex(where: { !whitespace.contains($0) })
    else { return "" }
    return text[first...last]
  }
}

extension Substring {
  fileprivate func lowercasedASCII() -> String {
    String(
      String.UnicodeScalarView(
        unicodeScalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32)! : $0 }))
  }
}
