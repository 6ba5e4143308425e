import Foundation
import LeggioImport

/// Turns a feed's bytes into UTF-8 for the parsers, following RFC 7303's order: a byte
/// order mark, then the HTTP header's charset, then the XML declaration, then UTF-8.
///
/// A declared charset that the bytes contradict is corrected with a warning: bytes
/// declared UTF-8 that are not valid UTF-8 are read as Windows-1252, and bytes declared
/// Latin-1 that are valid multi-byte UTF-8 are read as UTF-8 (the usual mistake of a
/// template copied from an older site).
enum FeedCharset {
  struct Decoded {
    /// UTF-8 bytes, or the original bytes when `libxmlEncoding` is not UTF-8.
    var bytes: [UInt8]
    /// The encoding name to hand libxml2 (it converts the rarer charsets with iconv).
    var libxmlEncoding: String
    var warnings: [String]
  }

  static func decode(_ data: Data, httpCharset: String?) -> Decoded {
    var bytes = [UInt8](data)
    var warnings: [String] = []
    // Byte order marks win over everything.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      bytes.removeFirst(3)
      return utf8OrFallback(bytes, declared: "UTF-8 (byte order mark)", warnings: &warnings)
    }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      let little = bytes[0] == 0xFF
      let text = String(
        data: Data(bytes[2...]), encoding: little ? .utf16LittleEndian : .utf16BigEndian)
      return Decoded(bytes: Array((text ?? "").utf8), libxmlEncoding: "UTF-8", warnings: [])
    }
    let declared = normalized(httpCharset) ?? normalized(xmlDeclaredEncoding(bytes))
    switch declared {
    case nil, "utf-8", "utf8", "us-ascii", "ascii":
      return utf8OrFallback(bytes, declared: declared ?? "UTF-8", warnings: &warnings)
    case "iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "iso-8859-15":
      if !isASCII(bytes), isValidUTF8(bytes) {
        warnings.append("declared \(declared!) but the bytes are UTF-8; read as UTF-8")
        return Decoded(bytes: bytes, libxmlEncoding: "UTF-8", warnings: warnings)
      }
      return Decoded(bytes: windows1252(bytes), libxmlEncoding: "UTF-8", warnings: warnings)
    case "utf-16", "utf-16le", "utf-16be":
      let encoding: String.Encoding = declared == "utf-16be" ? .utf16BigEndian : .utf16LittleEndian
      let text = String(data: Data(bytes), encoding: encoding) ?? ""
      return Decoded(bytes: Array(text.utf8), libxmlEncoding: "UTF-8", warnings: warnings)
    case let other?:
      return Decoded(bytes: bytes, libxmlEncoding: other.uppercased(), warnings: warnings)
    }
  }

  private static func utf8OrFallback(_ bytes: [UInt8], declared: String, warnings: inout [String])
    -> Decoded
  {
    if isValidUTF8(bytes) {  // ASCII is UTF-8 too
      return Decoded(bytes: bytes, libxmlEncoding: "UTF-8", warnings: warnings)
    }
    warnings.append("declared \(declared) but the bytes are not UTF-8; read as Windows-1252")
    return Decoded(bytes: windows1252(bytes), libxmlEncoding: "UTF-8", warnings: warnings)
  }

  /// The `encoding` of `<?xml version="1.0" encoding="..."?>`, if the bytes start with one.
  static func xmlDeclaredEncoding(_ bytes: [UInt8]) -> String? {
    let head = String(decoding: bytes.prefix(200), as: UTF8.self)
    guard let declStart = head.range(of: "<?xml"),
      let declEnd = head.range(of: "?>", range: declStart.upperBound..<head.endIndex)
    else { return nil }
    let declaration = head[declStart.upperBound..<declEnd.lowerBound]
    guard let key = declaration.range(of: "encoding") else { return nil }
    let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" }
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
    return String(rest.dropFirst().prefix { $0 != quote })
  }

  private static func normalized(_ name: String?) -> String? {
    guard let name = name?.trimmingCharacters(in: CharacterSet(charactersIn: " \"'")),
      !name.isEmpty
    else { return nil }
    return name.lowercased()
  }

  private static func isValidUTF8(_ bytes: [UInt8]) -> Bool { UTF8Validation.isValid(bytes) }

  private static func isASCII(_ bytes: [UInt8]) -> Bool { !bytes.contains { $0 >= 0x80 } }

  private static let cp1252High: [UInt16] = [
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
  ]

  /// Windows-1252 (a superset of Latin-1's printable range) to UTF-8.
  static func windows1252(_ bytes: [UInt8]) -> [UInt8] {
    var scalars = String.UnicodeScalarView()
    for byte in bytes {
      let value: UInt32 =
        (0x80...0x9F).contains(byte) ? UInt32(cp1252High[Int(byte) - 0x80]) : UInt32(byte)
      scalars.append(Unicode.Scalar(value)!)
    }
    return Array(String(scalars).utf8)
  }
}
