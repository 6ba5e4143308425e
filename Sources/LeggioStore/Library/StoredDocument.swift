import CZlibStore
import Foundation
import GRDB

/// A text version's document as the library stores it (issue 17): its JSON compressed
/// with zlib, as a BLOB of the JSON's length (4 bytes, little-endian) then the zlib
/// stream. Prose JSON shrinks to about two fifths. Versions stored before hold their JSON
/// as TEXT; both are read, so no library needs rewriting.
enum StoredDocument {
  /// zlib's fastest level: feeds store thousands of documents a second, and the levels
  /// above it gain little on short texts.
  static let level: Int32 = 1

  /// The stored form of `json`.
  static func compress(_ json: String) -> Data {
    var json = json
    return json.withUTF8 { source -> Data in
      var capacity = compressBound(uLong(source.count))
      var output = Data(count: 4 + Int(capacity))
      let status = output.withUnsafeMutableBytes { buffer -> Int32 in
        let base = buffer.baseAddress!
        var length = UInt32(source.count).littleEndian
        withUnsafeBytes(of: &length) { base.copyMemory(from: $0.baseAddress!, byteCount: 4) }
        return compress2(
          base.advanced(by: 4).assumingMemoryBound(to: Bytef.self), &capacity,
          source.baseAddress, uLong(source.count), level)
      }
      // Only a buffer too small fails, and compressBound rules that out; keep the JSON
      // as it is all the same rather than lose it.
      guard status == Z_OK else { return Data(source) }
      output.count = 4 + Int(capacity)
      return output
    }
  }

  /// The JSON of a stored document: a compressed BLOB inflated, TEXT as it is; nil for
  /// NULL or a BLOB that does not inflate.
  static func json(from value: DatabaseValue) -> String? {
    switch value.storage {
    case .string(let json): return json
    case .blob(let data): return inflate(data)
    default: return nil
    }
  }

  private static func inflate(_ data: Data) -> String? {
    guard data.count >= 4 else { return nil }
    return data.withUnsafeBytes { buffer -> String? in
      let length = Int(buffer.loadUnaligned(fromByteOffset: 0, as: UInt32.self).littleEndian)
      // A document of the JSON's stated length, or nothing: no allocation beyond 1 GB.
      guard length < 1 << 30 else { return nil }
      var written = uLongf(length)
      let bytes = [UInt8](unsafeUninitializedCapacity: max(1, length)) { output, count in
        let status = uncompress(
          output.baseAddress, &written,
          buffer.baseAddress!.advanced(by: 4).assumingMemoryBound(to: Bytef.self),
          uLong(buffer.count - 4))
        count = status == Z_OK ? Int(written) : 0
      }
      guard bytes.count == length else { return nil }
      return String(decoding: bytes, as: UTF8.self)
    }
  }
}
