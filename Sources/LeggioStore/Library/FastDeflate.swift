import CDeflate
import Foundation

/// libdeflate for the payloads of large documents (`StoredDocument`): the same zlib format,
/// so every Leggio reads what it writes, at about half zlib's time to compress and a third
/// of its time to inflate. A 3 MB book's 9.7 MB payload took zlib 115 ms to compress at
/// level 1 (4.2 MB) and 36 ms to inflate; libdeflate 55 ms (3.8 MB) and 14 ms.
///
/// Smaller payloads stay with zlib when read (zlib inflates a 4 KB payload a little
/// faster), as do all when libdeflate is not installed. A feed batch compresses its short
/// documents with libdeflate too (`minimum: 0`): on 3.7 KB feed payloads zlib's level 1
/// took 87 µs a document even with its stream kept (`DocumentDeflater`), libdeflate's
/// 22 µs, and made them 3% smaller. ISA-L's igzip, where installed, compresses those short
/// payloads in three fifths of libdeflate's time, to the same size (`leggio_isal_zlib_compress`).
enum FastDeflate {
  /// Payloads from this many bytes on are compressed and inflated by libdeflate.
  static let threshold = 256 * 1024

  /// libdeflate's fastest level: it compresses better than zlib's level 1.
  static let level: Int32 = 1

  /// The stored form of `source` (its length, 4 bytes little-endian, then the zlib
  /// stream); nil for a payload shorter than `minimum` or without libdeflate.
  static func compress(_ source: UnsafeBufferPointer<UInt8>, minimum: Int = threshold) -> Data? {
    guard source.count >= minimum, source.count < 1 << 32, leggio_deflate_available() != 0
    else { return nil }
    let capacity = 4 + leggio_deflate_zlib_bound(source.count)
    guard let buffer = malloc(capacity) else { return nil }
    var length = UInt32(source.count).littleEndian
    withUnsafeBytes(of: &length) { buffer.copyMemory(from: $0.baseAddress!, byteCount: 4) }
    // A short document (a feed batch's) goes to ISA-L first where it is installed.
    var written =
      source.count < threshold
      ? leggio_isal_zlib_compress(source.baseAddress, source.count, buffer + 4, capacity - 4)
      : 0
    if written == 0 {
      written = leggio_deflate_zlib_compress(
        source.baseAddress, source.count, buffer + 4, capacity - 4, level)
    }
    guard written > 0 else {
      free(buffer)
      return nil
    }
    // Not zero-filled first, and given back its unused end: a book's payload is 10 MB.
    let shrunk = realloc(buffer, 4 + written) ?? buffer
    return Data(bytesNoCopy: shrunk, count: 4 + written, deallocator: .free)
  }

  /// `compressed` (a zlib stream) inflated into `output`, which holds exactly the
  /// payload's length; false for a short payload, without libdeflate, or when the
  /// stream does not inflate to that length (zlib then says what it makes of it).
  static func inflate(
    _ compressed: UnsafeRawBufferPointer, into output: UnsafeMutableBufferPointer<UInt8>
  ) -> Bool {
    guard output.count >= threshold else { return false }
    return leggio_deflate_zlib_decompress(
      compressed.baseAddress, compressed.count, output.baseAddress, output.count) == 0
  }
}
