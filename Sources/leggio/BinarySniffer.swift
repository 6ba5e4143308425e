import Foundation

/// Recognises bytes that are not text before an importer sees them.
enum BinarySniffer {
  private static let signatures: [(bytes: [UInt8], name: String)] = [
    (Array("%PDF".utf8), "it starts with %PDF, a PDF document"),
    ([0x89, 0x50, 0x4E, 0x47], "it starts with the PNG signature, an image"),
    ([0xFF, 0xD8, 0xFF], "it starts with the JPEG signature, an image"),
    (Array("GIF8".utf8), "it starts with GIF8, an image"),
    ([0x50, 0x4B, 0x03, 0x04], "it is a ZIP archive"),
    ([0x1F, 0x8B], "it is gzip-compressed"),
    ([0x7F, 0x45, 0x4C, 0x46], "it is an executable (ELF)"),
    (Array("SQLite format 3".utf8), "it is an SQLite database"),
  ]

  /// Why `data` is not text, nil when it may be.
  static func reasonNotText(_ data: Data) -> String? {
    let head = [UInt8](data.prefix(8192))
    for signature in signatures where head.starts(with: signature.bytes) {
      return signature.name
    }
    // UTF-16 text is full of zero bytes; its byte order mark says so.
    if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return nil }
    if head.contains(0) { return "it contains zero bytes" }
    let controls = head.filter { $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D, 0x1B].contains($0) }
    if controls.count * 20 > head.count { return "it is full of control bytes" }
    return nil
  }
}
