import CDeflate
import Foundation
import ZIPFoundation

/// Where an entry's data lies in an archive held in memory, as its central directory
/// record and local header say (`ZIPBounds.check` finds them, inside the bytes), and its
/// inflating by libdeflate straight into a buffer of the declared size.
///
/// ZIPFoundation inflates through zlib in 64 KiB chunks and checks the CRC-32 in Swift:
/// for a 3 MB book's 575 chapters that was about 60 ms of CPU, libdeflate (opened with
/// dlopen, see `CDeflate`) takes about a third. Anything out of the ordinary (another
/// method, a damaged stream, a size or checksum that does not match) gives nil, and the
/// caller reads the entry through ZIPFoundation, which says what is wrong.
struct ZIPEntryLocation: Sendable, Equatable {
  /// 0 stored, 8 deflated.
  var method: UInt16
  var checksum: UInt32
  /// Offset of the entry's data in the archive.
  var start: Int
  var compressedSize: Int
  /// Uncompressed size.
  var size: Int

  /// The entry's bytes from `archive`, checked against its size and CRC-32; nil when
  /// libdeflate is missing or anything is not as declared.
  func inflate(from archive: Data) -> Data? {
    guard method == 0 || method == 8, size >= 0, compressedSize >= 0,
      start >= 0, start <= archive.count, compressedSize <= archive.count - start,
      leggio_deflate_available() != 0
    else { return nil }
    // An empty entry is left to ZIPFoundation: there is nothing to gain.
    guard size > 0 else { return nil }
    var output = Data(count: size)
    let inflated = archive.withUnsafeBytes { whole -> Bool in
      let source = UnsafeRawBufferPointer(rebasing: whole[start..<(start + compressedSize)])
      return output.withUnsafeMutableBytes { target -> Bool in
        if method == 0 {
          guard compressedSize == size else { return false }
          target.copyMemory(from: source)
        } else if leggio_deflate_raw_decompress(
          source.baseAddress, source.count, target.baseAddress, size) != 0
        {
          return false
        }
        return leggio_deflate_crc32(0, target.baseAddress, size) == checksum
      }
    }
    return inflated ? output : nil
  }

  /// Whether this is where ZIPFoundation's `entry` lies: the same sizes and checksum.
  func matches(_ entry: Entry) -> Bool {
    UInt64(size) == entry.uncompressedSize && UInt64(compressedSize) == entry.compressedSize
      && checksum == entry.checksum
      && method == (entry.isCompressed ? 8 : 0)
  }
}
