import Foundation

/// The picture formats Leggio keeps, recognised by their first bytes, never by a name or
/// a Content-Type (a server may call an HTML page `image/png`).
public enum ImageFormat: String, Codable, CaseIterable, Hashable, Sendable {
  case jpeg
  case png
  case gif
  case webp

  /// The format `data` starts as, nil for anything else.
  public init?(sniffing data: Data) {
    let bytes = [UInt8](data.prefix(12))
    if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
      self = .jpeg
    } else if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
      self = .png
    } else if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) {
      self = .gif
    } else if bytes.count == 12, bytes[0..<4].elementsEqual("RIFF".utf8),
      bytes[8..<12].elementsEqual("WEBP".utf8)
    {
      self = .webp
    } else {
      return nil
    }
  }

  /// The MIME type, as the picture is handed to a viewer.
  public var mimeType: String { "image/" + rawValue }
}
