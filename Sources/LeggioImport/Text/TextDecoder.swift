import Foundation
import LeggioModel

/// Turns the bytes of a text file into clean text.
///
/// The order follows the architecture: a byte order mark decides first (UTF-8, UTF-16
/// LE/BE); bytes that are valid UTF-8 are UTF-8; anything else is Windows-1252, which
/// reads Latin-1 text too. The result never holds control characters and uses `\n`
/// line endings (see `TextSanitizer`).
public enum TextDecoder {
  public struct Decoded: Hashable, Sendable {
    public var text: String
    public var encoding: TextEncoding
  }

  /// Decodes `data`, or throws `ImportError.notText` when it is binary.
  public static func decode(_ data: Data, name: String) throws(ImportError) -> Decoded {
    if let evidence = BinarySniffer.evidenceOfBinary(data) {
      throw .notText(name: name, evidence: evidence)
    }
    let (raw, encoding) = decodeRaw(data)
    return Decoded(text: TextSanitizer.sanitize(raw), encoding: encoding)
  }

  /// The text before sanitising, and the encoding it was read in.
  static func decodeRaw(_ data: Data) -> (String, TextEncoding) {
    if data.starts(with: [0xEF, 0xBB, 0xBF]) {
      return (String(decoding: data.dropFirst(3), as: UTF8.self), .utf8)
    }
    if data.starts(with: [0xFF, 0xFE]) {
      return (UTF16Bytes.decode(data.dropFirst(2), bigEndian: false), .utf16LittleEndian)
    }
    if data.starts(with: [0xFE, 0xFF]) {
      return (UTF16Bytes.decode(data.dropFirst(2), bigEndian: true), .utf16BigEndian)
    }
    if let text = String(validating: data, as: UTF8.self) {
      return (text, .utf8)
    }
    return (Windows1252.decode(data), .windows1252)
  }
}
