import Foundation

/// A picture's format and size in pixels, read from its header without decoding it: a
/// decompression bomb (a tiny PNG that inflates to gigabytes) is refused by its declared
/// size before any decoder sees it.
public struct ImageInfo: Codable, Hashable, Sendable {
  public var format: ImageFormat
  public var width: Int
  public var height: Int

  public init(format: ImageFormat, width: Int, height: Int) {
    self.format = format
    self.width = width
    self.height = height
  }

  /// The header of `data`, nil when it is not a picture of a known format or its header
  /// is cut short or gives no size.
  public init?(_ data: Data) {
    guard let format = ImageFormat(sniffing: data) else { return nil }
    let bytes = [UInt8](data.prefix(format == .jpeg ? 1 << 20 : 64))
    let size: (Int, Int)? =
      switch format {
      case .png: Self.pngSize(bytes)
      case .gif: Self.gifSize(bytes)
      case .jpeg: Self.jpegSize(bytes)
      case .webp: Self.webpSize(bytes)
      }
    guard let (width, height) = size, width > 0, height > 0 else { return nil }
    self.init(format: format, width: width, height: height)
  }

  /// Pixels in all.
  public var pixels: Int { width * height }

  private static func bigEndian(_ b: [UInt8], _ at: Int, _ count: Int) -> Int? {
    guard at + count <= b.count else { return nil }
    return b[at..<at + count].reduce(0) { $0 << 8 | Int($1) }
  }

  private static func littleEndian(_ b: [UInt8], _ at: Int, _ count: Int) -> Int? {
    guard at + count <= b.count else { return nil }
    return b[at..<at + count].reversed().reduce(0) { $0 << 8 | Int($1) }
  }

  /// IHDR is always the first chunk: width and height at bytes 16 and 20.
  private static func pngSize(_ b: [UInt8]) -> (Int, Int)? {
    guard b.count >= 24, b[12..<16].elementsEqual("IHDR".utf8),
      let width = bigEndian(b, 16, 4), let height = bigEndian(b, 20, 4)
    else { return nil }
    return (width, height)
  }

  private static func gifSize(_ b: [UInt8]) -> (Int, Int)? {
    guard let width = littleEndian(b, 6, 2), let height = littleEndian(b, 8, 2) else {
      return nil
    }
    return (width, height)
  }

  /// Walks the segments up to the first start-of-frame marker (SOF0…SOF15 but DHT, JPG
  /// and DAC), which holds the height and width.
  private static func jpegSize(_ b: [UInt8]) -> (Int, Int)? {
    var at = 2
    while at + 4 <= b.count {
      guard b[at] == 0xFF else { return nil }
      var marker = b[at + 1]
      while marker == 0xFF && at + 2 < b.count {
        at += 1
        marker = b[at + 1]
      }
      at += 2
      if marker == 0x01 || (0xD0...0xD7).contains(marker) { continue }
      guard let length = bigEndian(b, at, 2), length >= 2 else { return nil }
      if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
        guard let height = bigEndian(b, at + 3, 2), let width = bigEndian(b, at + 5, 2) else {
          return nil
        }
        return (width, height)
      }
      if marker == 0xD9 || marker == 0xDA { return nil }
      at += length
    }
    return nil
  }

  /// The first chunk says which: lossy (`VP8 `), lossless (`VP8L`) or extended (`VP8X`).
  private static func webpSize(_ b: [UInt8]) -> (Int, Int)? {
    guard b.count >= 30 else { return nil }
    let chunk = String(decoding: b[12..<16], as: UTF8.self)
    switch chunk {
    case "VP8 ":
      guard b[23] == 0x9D, b[24] == 0x01, b[25] == 0x2A,
        let width = littleEndian(b, 26, 2), let height = littleEndian(b, 28, 2)
      else { return nil }
      return (width & 0x3FFF, height & 0x3FFF)
    case "VP8L":
      guard b[20] == 0x2F, let bits = littleEndian(b, 21, 4) else { return nil }
      return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    case "VP8X":
      guard let width = littleEndian(b, 24, 3), let height = littleEndian(b, 27, 3) else {
        return nil
      }
      return (width + 1, height + 1)
    default:
      return nil
    }
  }
}
