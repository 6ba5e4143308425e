import Foundation

/// Says what non-HTML bytes are, from the Content-Type or the first bytes (magic numbers).
public enum ContentSniffer {
  /// A description such as "a PDF document" when the content is not HTML or text, else nil.
  public static func nonHTMLKind(contentType: String?, prefix data: Data) -> String? {
    if let kind = kindFromMagic(data) { return kind }
    if looksLikeMarkup(data) { return nil }
    guard
      let type = contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces)
        .lowercased(), !type.isEmpty
    else { return nil }
    if type.contains("html") || type.hasPrefix("text/") || type.contains("xml") { return nil }
    if type == "application/pdf" { return "a PDF document" }
    if type.hasPrefix("image/") { return "an image (\(type))" }
    if type.hasPrefix("video/") { return "a video (\(type))" }
    if type.hasPrefix("audio/") { return "audio (\(type))" }
    if type == "application/json" { return "JSON data" }
    if type.contains("zip") || type.contains("octet-stream") { return "a binary file (\(type))" }
    return nil
  }

  /// Bytes that start, after a BOM and whitespace, with `<`: HTML whatever the label says.
  private static func looksLikeMarkup(_ data: Data) -> Bool {
    let bytes = data.prefix(512).drop { [0xEF, 0xBB, 0xBF, 0x20, 0x09, 0x0A, 0x0D].contains($0) }
    return bytes.first == UInt8(ascii: "<")
  }

  private static func kindFromMagic(_ data: Data) -> String? {
    let bytes = [UInt8](data.prefix(16))
    func starts(_ magic: [UInt8]) -> Bool { bytes.starts(with: magic) }
    if starts(Array("%PDF-".utf8)) { return "a PDF document" }
    if starts([0x89, 0x50, 0x4E, 0x47]) { return "an image (PNG)" }
    if starts([0xFF, 0xD8, 0xFF]) { return "an image (JPEG)" }
    if starts(Array("GIF8".utf8)) { return "an image (GIF)" }
    if starts(Array("RIFF".utf8)) && bytes.count >= 12 && Array(bytes[8..<12]) == Array("WEBP".utf8)
    {
      return "an image (WebP)"
    }
    if starts([0x50, 0x4B, 0x03, 0x04]) { return "a ZIP archive (or an e-book/office file)" }
    if starts([0x1F, 0x8B]) { return "a gzip archive" }
    return nil
  }
}
