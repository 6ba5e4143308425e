import CCrypto
import Foundation
import LeggioModel

/// The SHA-256 of a picture's bytes in hex, by which the library keeps each picture once.
/// A large picture (a book's cover, a photograph) is hashed by libcrypto, opened with
/// dlopen, whose SHA-256 uses the processor's SHA instructions: a 640 KB cover took the
/// Swift `SHA256` of `KeptImage.init` about 4 ms. Small pictures, and every picture where
/// libcrypto cannot be loaded, go through `SHA256`: the same digest.
enum PictureHash {
  /// Pictures smaller than this are hashed in Swift: loading libcrypto costs more.
  static let libraryLength = 64 * 1024

  static func hex(_ data: Data) -> String {
    var digest = [UInt8](repeating: 0, count: 32)
    let status =
      data.count < libraryLength
      ? -1
      : data.withUnsafeBytes { bytes in
        digest.withUnsafeMutableBufferPointer {
          leggio_crypto_sha256(bytes.baseAddress, bytes.count, $0.baseAddress)
        }
      }
    let bytes = status == 0 ? digest : SHA256.hash(data)
    let digits = Array("0123456789abcdef".utf8)
    return String(
      decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
  }
}
