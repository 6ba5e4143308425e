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
    let library =
      data.count < libraryLength ? nil : data.withUnsafeBytes { SHA256.libraryDigest($0) }
    return SHA256.hexDigits(library ?? SHA256.hash(data))
  }
}
