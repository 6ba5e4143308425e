import Foundation

/// The text of a content document, ready for the HTML parser.
///
/// Charset: EPUB requires UTF-8 or UTF-16, and books often declare another charset than
/// the one they are written in, so bytes that are valid UTF-8 are read as UTF-8 whatever
/// they declare; anything else follows a byte-order mark, the XML declaration or
/// `<meta charset>`, else Windows-1252.
///
/// Entities: XHTML may declare its own in the DOCTYPE's declared subset, which the HTML
/// parser does not read (it would show the subset as text). The subset is taken out;
/// simple internal entities (a plain value, at most 64 of them) are expanded within a
/// budget, and references to external ones are shown as written, never loaded.
enum ChapterText {
  static func decode(_ data: Data) -> String {
    prepare(charsetDecoded(data))
  }

  static func charsetDecoded(_ data: Data) -> String {
    if data.starts(with: [0xEF, 0xBB, 0xBF]) {
      return String(decoding: data.dropFirst(3), as: UTF8.self)
    }
    if let text = validUTF8(data) { return text }
    if let label = Charset.xmlDeclaredLabel(in: data) {
      return HTMLCharset.decode(data, contentType: "text/html; charset=" + label).text
    }
    return HTMLCharset.decode(data).text
  }

  /// `data` as a string when it is well-formed UTF-8: checked eight ASCII bytes at a time
  /// (`UTF8Validation`) and copied without the standard library's second, byte-by-byte
  /// check, which was a tenth of reading a book's chapters.
  static func validUTF8(_ data: Data) -> String? {
    data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      return UTF8Validation.check(bytes).map { UTF8Validation.string(checked: bytes, isASCII: $0) }
    }
  }

  static let maximumEntities = 64

  /// Whether a `<!DOCTYPE` in the first 64 KiB is followed by `[` before its `>`.
  static func hasInternalSubset(_ text: String) -> Bool {
    var text = text
    // On the contiguous bytes: a generic walk of `utf8` slices cost a few per cent of
    // adding a long book.
    return text.withUTF8 { all in
      let bytes = UnsafeBufferPointer(rebasing: all.prefix(65_536))
      guard let base = bytes.baseAddress else { return false }
      var index = 0
      while index < bytes.count {
        // The next "<" by memchr (vectorised): scanning byte by byte was 7 ms of a book.
        guard let found = memchr(base + index, Int32(UInt8(ascii: "<")), bytes.count - index)
        else { return false }
        index = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
        guard index < bytes.count, bytes[index] == UInt8(ascii: "!"),
          isDoctype(bytes, at: index + 1)
        else { continue }
        for byte in bytes[(index + 8)...] {
          if byte == UInt8(ascii: "[") { return true }
          if byte == UInt8(ascii: ">") { return false }
        }
        return false
      }
      return false
    }
  }

  /// Whether `doctype`, in any case, starts at `index`.
  private static func isDoctype(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    guard index + 7 <= bytes.count else { return false }
    for (offset, letter) in "doctype".utf8.enumerated() where bytes[index + offset] | 0x20 != letter
    {
      return false
    }
    return true
  }

  /// `text` without its DOCTYPE declared subset, that subset's entities applied.
  static func prepare(_ text: String) -> String {
    // Nearly every chapter has no internal subset: look for its "[" on the bytes first.
    guard hasInternalSubset(text) else { return text }
    let head = text.prefix(65_536)
    guard let doctype = head.range(of: "<!DOCTYPE", options: .caseInsensitive),
      let open = head[doctype.upperBound...].firstIndex(where: { $0 == "[" || $0 == ">" }),
      head[open] == "[",
      let close = text[open...].range(of: "]>")
        ?? text[open...].range(of: #"\]\s*>"#, options: .regularExpression)
    else { return text }
    let subset = text[text.index(after: open)..<close.lowerBound]
    var declared: [(String, String)] = []
    var external: [String] = []
    var rest = subset[...]
    while let declaration = rest.range(of: "<!ENTITY"), declared.count < maximumEntities {
      let body = rest[declaration.upperBound...]
      let end = body.firstIndex(of: ">") ?? body.endIndex
      let parts = body[..<end].split(whereSeparator: \.isWhitespace)
      rest = body[end...].dropFirst()
      guard let name = parts.first, name != "%", !name.contains("&") else { continue }
      let value = body[..<end].drop { $0 != "\"" && $0 != "'" }
      if parts.count > 1, parts[1] == "SYSTEM" || parts[1] == "PUBLIC" || value.isEmpty {
        external.append(String(name))
      } else if let quote = value.first {
        let inner = value.dropFirst().prefix { $0 != quote }
        if !inner.contains("&"), !inner.contains("<"), inner.utf8.count <= 1024 {
          declared.append((String(name), String(inner)))
        }
      }
    }
    // The subset goes with its closing "]>"; the DOCTYPE gets its ">" back.
    var result = String(text[..<open]) + ">" + String(text[close.upperBound...])
    var budget = max(text.utf8.count, 1 << 20)
    for (name, value) in declared where result.contains("&" + name + ";") {
      let count = result.components(separatedBy: "&" + name + ";").count - 1
      budget -= count * value.utf8.count
      guard budget >= 0 else { break }
      result = result.replacingOccurrences(of: "&" + name + ";", with: value)
    }
    for name in external {
      result = result.replacingOccurrences(of: "&" + name + ";", with: "&amp;" + name + ";")
    }
    return result
  }
}
