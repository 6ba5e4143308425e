import CPictures
import Foundation

/// A picture decoded to RGBA pixels (8 bits a channel, unassociated alpha).
public struct DecodedPicture: Sendable {
  public let width: Int
  public let height: Int
  public let rgba: [UInt8]

  /// Decodes JPEG, PNG, GIF (its first frame) or WebP; nil when the decoders are missing
  /// or the bytes are not a picture they read. The caller checks the size in the header
  /// first (`ImageInfo`): decoding allocates width x height x 4 bytes.
  public init?(_ data: Data) {
    var width: Int32 = 0
    var height: Int32 = 0
    let pixels = data.withUnsafeBytes { raw -> UnsafeMutablePointer<UInt8>? in
      guard let base = raw.bindMemory(to: UInt8.self).baseAddress else { return nil }
      return leggio_pictures_decode(base, raw.count, &width, &height)
    }
    guard let pixels else { return nil }
    defer { leggio_pictures_free_pixels(pixels) }
    self.width = Int(width)
    self.height = Int(height)
    self.rgba = Array(UnsafeBufferPointer(start: pixels, count: Int(width) * Int(height) * 4))
  }

  /// Whether pictures can be drawn here: libchafa and libstb load. Nil when they do,
  /// else why not (for a status message).
  public static var unavailableReason: String? {
    var message = [CChar](repeating: 0, count: 256)
    guard leggio_pictures_load(&message, message.count) != 0 else { return nil }
    return String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
