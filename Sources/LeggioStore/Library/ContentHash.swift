import LeggioModel

/// The content hash of a text version: SHA-256 of its UTF-8 bytes as 64 lowercase hex
/// digits. A long text (a book) is hashed by libcrypto, opened with dlopen, whose SHA-256
/// uses the processor's SHA instructions: a 4.4 MB book took the Swift `SHA256` about
/// 25 ms, libcrypto about 3. Shorter texts, and every text where libcrypto cannot be
/// loaded, go through `SHA256`, which gives the same digest.
///
/// A batch of many short texts (a feed update's) is hashed by libcrypto too
/// (`batchHex`): the one load is shared by thousands of texts, and the Swift digest of a
/// 1.5 KB item took 12 µs, a twentieth of that item's whole update.
enum ContentHash {
  /// Texts shorter than this are hashed in Swift: loading libcrypto costs more than it
  /// saves on them.
  static let libraryLength = 256 * 1024

  static func hex(_ text: String) -> String {
    guard text.utf8.count >= libraryLength, let digest = libraryDigest(text) else {
      return SHA256.hex(text)
    }
    return SHA256.hexDigits(digest)
  }

  /// The hash of one of many texts hashed together: libcrypto's whatever the length.
  static func batchHex(_ text: String) -> String {
    guard let digest = libraryDigest(text) else { return SHA256.hex(text) }
    return SHA256.hexDigits(digest)
  }

  /// libcrypto's digest of `text`'s UTF-8, nil without libcrypto.
  static func libraryDigest(_ text: String) -> [UInt8]? {
    var text = text
    return text.withUTF8 { SHA256.libraryDigest(UnsafeRawBufferPointer($0)) }
  }
}
