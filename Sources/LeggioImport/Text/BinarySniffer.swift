import Foundation

/// Tells text from binary data before any decoding, and names well-known binary
/// formats by their magic numbers so the error can say what the file is.
enum BinarySniffer {
  private static let signatures: [(magic: [UInt8], evidence: String)] = [
    (Array("%PDF".utf8), "it starts with %PDF, so it is a PDF document"),
    ([0x89, 0x50, 0x4E, 0x47], "it is a PNG image"),
    ([0xFF, 0xD8, 0xFF], "it is a JPEG image"),
    (Array("GIF87a".utf8), "it is a GIF image"),
    (Array("GIF89a".utf8), "it is a GIF image"),
    ([0x50, 0x4B, 0x03, 0x04], "it is a ZIP archive, an EPUB or an office document"),
    ([0x50, 0x4B, 0x05, 0x06], "it is an empty ZIP archive"),
    ([0x1F, 0x8B], "it is gzip-compressed; decompress it first"),
    (Array("BZh".utf8), "it is bzip2-compressed; decompress it first"),
    ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "it is xz-compressed; decompress it first"),
    ([0x7F, 0x45, 0x4C, 0x46], "it is an ELF program"),
    ([0xD0, 0xCF, 0x11, 0xE0], "it is an old Microsoft Office document"),
    (Array("RIFF".utf8), "it is a RIFF media file"),
    (Array("SQLite format 3".utf8), "it is an SQLite database"),
  ]

  /// How many leading bytes are examined for binary evidence.
  static let sampleSize = 8192

  /// Why `data` is not text, or nil when it looks like text. Data that starts with a
  /// UTF-16 byte order mark is text even though half its bytes are NUL.
  static func evidenceOfBinary(_ data: Data) -> String? {
    let sample = data.prefix(sampleSize)
    if sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF]) { return nil }
    for signature in signatures where sample.starts(with: signature.magic) {
      if signature.magic == Array("%PDF".utf8) { return "it starts with %PDF" }
      return signature.evidence
    }
    var nul = 0
    var control = 0
    for byte in sample {
      if byte == 0 {
        nul += 1
      } else if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C
        && byte != 0x1B
      {
        control += 1
      }
    }
    if nul > 0 { return "it contains NUL bytes, which text never has" }
    if control * 20 > sample.count {
      return "\(control * 100 / max(sample.count, 1))% of its first bytes are control codes"
    }
    return nil
  }
}
