import Foundation

/// Finds the character encoding of HTML bytes and decodes them.
///
/// The order is the one browsers use: the HTTP `Content-Type` charset, a byte-order
/// mark, `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 4 KiB,
/// then detection (valid UTF-8, else Windows-1252).
public enum HTMLCharset {
  /// Where the encoding came from, for warnings and tests.
  public enum Source: String, Sendable {
    case httpHeader, byteOrderMark, metaTag, detected
  }

  /// The decoded text and how its encoding was found.
  public struct Decoded: Sendable {
    public var text: String
    /// The WHATWG-style label of the encoding used ("utf-8", "windows-1252"...).
    public var encoding: String
    public var source: Source
    /// A declared charset that was unknown or did not fit the bytes, if any.
    public var warning: String?
  }

  /// How many leading bytes are searched for a `<meta>` declaration.
  public static let prescanLength = 4096

  public static func decode(_ data: Data, contentType: String? = nil) -> Decoded {
    let bytes = [UInt8](data)
    var warning: String?
    if let label = contentType.flatMap(charsetParameter(in:)) {
      if let decoded = decode(bytes, label: label, source: .httpHeader) { return decoded }
      warning = "the server declared charset \"\(label)\", which Leggio cannot decode"
    }
    if let (label, length) = byteOrderMark(bytes),
      let decoded = decode(Array(bytes[length...]), label: label, source: .byteOrderMark)
    {
      return decoded
    }
    if let label = metaCharset(in: bytes) {
      // A page served as UTF-16 cannot declare itself in ASCII; browsers treat it as UTF-8.
      let effective = label.hasPrefix("utf-16") ? "utf-8" : label
      if let decoded = decode(bytes, label: effective, source: .metaTag) {
        return Decoded(
          text: decoded.text, encoding: decoded.encoding, source: .metaTag, warning: warning)
      }
      warning = "the page declared charset \"\(label)\", which Leggio cannot decode"
    }
    if let text = String(validating: bytes, as: UTF8.self) {
      return Decoded(text: text, encoding: "utf-8", source: .detected, warning: warning)
    }
    return Decoded(
      text: Windows1252.decode(bytes), encoding: "windows-1252", source: .detected,
      warning: warning)
  }

  /// The `charset=` parameter of a Content-Type value, lower-cased and unquoted.
  public static func charsetParameter(in contentType: String) -> String? {
    for parameter in contentType.split(separator: ";").dropFirst() {
      let pair = parameter.split(separator: "=", maxSplits: 1)
      guard pair.count == 2,
        pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset"
      else { continue }
      let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
      return value.isEmpty ? nil : value.lowercased()
    }
    return nil
  }

  /// The charset declared by a `<meta>` tag in the first `prescanLength` bytes.
  public static func metaCharset(in bytes: [UInt8]) -> String? {
    let prefix = String(decoding: bytes.prefix(prescanLength), as: UTF8.self).lowercased()
    var searchStart = prefix.startIndex
    while let range = prefix.range(of: "<meta", range: searchStart..<prefix.endIndex) {
      let tagEnd = prefix[range.upperBound...].firstIndex(of: ">") ?? prefix.endIndex
      let tag = prefix[range.upperBound..<tagEnd]
      if let label = charsetValue(inMetaTag: tag) { return label }
      searchStart = tagEnd
    }
    return nil
  }

  /// `charset=` inside a meta tag: either the attribute or inside `content`.
  private static func charsetValue(inMetaTag tag: Substring) -> String? {
    guard let range = tag.range(of: "charset") else { return nil }
    var rest = tag[range.upperBound...].drop { $0 == " " }
    guard rest.first == "=" else { return nil }
    rest = rest.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
    let label = rest.prefix { !" \"';/>\t\n\r".contains($0) }
    return label.isEmpty ? nil : String(label)
  }

  private static func byteOrderMark(_ bytes: [UInt8]) -> (String, Int)? {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("utf-8", 3) }
    if bytes.starts(with: [0xFE, 0xFF]) { return ("utf-16be", 2) }
    if bytes.starts(with: [0xFF, 0xFE]) { return ("utf-16le", 2) }
    return nil
  }

  /// Decodes with a named encoding; nil when the name is unknown or the bytes do not fit.
  static func decode(_ bytes: [UInt8], label: String, source: Source) -> Decoded? {
    let name = label.lowercased().trimmingCharacters(in: .whitespaces)
    if ["utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8"].contains(name) {
      // Browsers replace bad sequences rather than reject a declared UTF-8 page.
      return Decoded(
        text: String(decoding: bytes, as: UTF8.self), encoding: "utf-8", source: source)
    }
    if Windows1252.labels.contains(name) {
      return Decoded(text: Windows1252.decode(bytes), encoding: "windows-1252", source: source)
    }
    guard let encoding = foundationEncodings[name],
      let text = String(data: Data(bytes), encoding: encoding)
    else { return nil }
    return Decoded(text: text, encoding: name, source: source)
  }

  /// Encodings that Foundation decodes on every platform, by IANA/WHATWG label.
  static let foundationEncodings: [String: String.Encoding] = [
    "utf-16": .utf16, "utf-16le": .utf16LittleEndian, "utf-16be": .utf16BigEndian,
    "iso-8859-2": .isoLatin2, "latin2": .isoLatin2,
    "windows-1250": .windowsCP1250, "cp1250": .windowsCP1250,
    "windows-1251": .windowsCP1251, "cp1251": .windowsCP1251,
    "windows-1253": .windowsCP1253, "windows-1254": .windowsCP1254,
    "shift_jis": .shiftJIS, "shift-jis": .shiftJIS, "sjis": .shiftJIS,
    "euc-jp": .japaneseEUC, "iso-2022-jp": .iso2022JP,
  ]
}
