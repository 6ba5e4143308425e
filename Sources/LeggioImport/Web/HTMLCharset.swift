import Foundation

/// Finds the character encoding of HTML bytes and decodes them, the way the HTML standard
/// tells browsers to: a byte-order mark, then the HTTP `Content-Type` charset, then a
/// `<meta>` in the first 1024 bytes (`MetaCharsetPrescan`), then a guess (valid UTF-8,
/// else windows-1252). Labels follow the WHATWG Encoding Standard (`Charset`), and every
/// encoding it names decodes, through iconv for the legacy ones.
public enum HTMLCharset {
  /// Where the encoding came from, for warnings and tests.
  public enum Source: String, Sendable {
    case httpHeader, byteOrderMark, metaTag, detected
  }

  /// The decoded text and how its encoding was found.
  public struct Decoded: Sendable {
    public var text: String
    /// The encoding's name in the Encoding Standard ("UTF-8", "windows-1252", "EUC-JP"...).
    public var encoding: String
    public var source: Source
    /// A declared charset that Leggio does not know, if any.
    public var warning: String?
  }

  public static func decode(_ data: Data, contentType: String? = nil) -> Decoded {
    let bytes = [UInt8](data)
    let found = detect(bytes, contentType: contentType)
    return Decoded(
      text: found.charset.decode(bytes[found.start...]), encoding: found.charset.name,
      source: found.source, warning: found.warning)
  }

  /// The page as UTF-8 bytes, for the parser: the text `decode` gives, without making a
  /// string of it (UTF-8 pages, most of them, are only checked).
  struct DecodedBytes {
    var utf8: [UInt8]
    var encoding: String
    var source: Source
    var warning: String?
  }

  static func decodeToUTF8(_ data: Data, contentType: String? = nil) -> DecodedBytes {
    let bytes = [UInt8](data)
    let found = detect(bytes, contentType: contentType)
    return DecodedBytes(
      utf8: found.charset.utf8Bytes(bytes[found.start...]), encoding: found.charset.name,
      source: found.source, warning: found.warning)
  }

  /// The charset, where the text starts (after a byte-order mark), how it was found, and a
  /// warning about a charset declared but unknown.
  private static func detect(
    _ bytes: [UInt8], contentType: String?
  ) -> (charset: Charset, start: Int, source: Source, warning: String?) {
    if let (charset, length) = byteOrderMark(bytes) {
      return (charset, length, .byteOrderMark, nil)
    }
    var warning: String?
    if let label = contentType.flatMap(charsetParameter(in:)) {
      if let charset = Charset(label: label) { return (charset, 0, .httpHeader, nil) }
      warning = "the server declared charset \"\(label)\", which Leggio does not know"
    }
    let prescan = MetaCharsetPrescan.scan(bytes)
    if let charset = prescan.charset { return (charset, 0, .metaTag, warning) }
    if let label = prescan.unknownLabel {
      warning = "the page declared charset \"\(label)\", which Leggio does not know"
    }
    return (guessedCharset(bytes), 0, .detected, warning)
  }

  /// The charset of an undeclared page: UTF-8 when its bytes are valid UTF-8 beyond
  /// ASCII, else the standard's default for most of the world, windows-1252.
  static func guessedCharset(_ bytes: [UInt8]) -> Charset {
    let isASCII = !bytes.contains { $0 >= 0x80 }
    return !isASCII && UTF8Validation.isValid(bytes) ? .utf8 : .windows1252
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

  /// The encoding a byte-order mark announces, and the mark's length.
  static func byteOrderMark(_ bytes: [UInt8]) -> (Charset, Int)? {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
    if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
    if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
    return nil
  }
}
