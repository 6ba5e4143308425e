import CZlibStore
import Foundation

/// One zlib stream kept for many documents: `compress2` sets up and frees a whole
/// deflate state (about 270 KB, part of it zeroed) for every call, which cost more than
/// compressing a feed item's 4 KB. Reset between documents, the stream makes the same
/// zlib format (`StoredDocument` inflates either). Used by one thread at a time.
final class DocumentDeflater {
  private var stream = z_stream()
  private let isReady: Bool

  init() {
    isReady =
      deflateInit2_(
        &stream, StoredDocument.level, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
        Int32(MemoryLayout<z_stream>.size)) == Z_OK
  }

  deinit {
    if isReady { deflateEnd(&stream) }
  }

  /// `source` as zlib data after `headerSize` bytes left for the caller; nil if zlib
  /// failed (the caller then falls back to `compress2`).
  func deflate(_ source: UnsafeBufferPointer<UInt8>, headerSize: Int) -> Data? {
    guard isReady, deflateReset(&stream) == Z_OK else { return nil }
    let bound = Int(deflateBound(&stream, uLong(source.count)))
    var output = Data(count: headerSize + bound)
    let status = output.withUnsafeMutableBytes { buffer -> Int32 in
      stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
      stream.avail_in = uInt(source.count)
      stream.next_out = buffer.baseAddress!.advanced(by: headerSize).assumingMemoryBound(
        to: Bytef.self)
      stream.avail_out = uInt(bound)
      defer {
        stream.next_in = nil
        stream.next_out = nil
      }
      return CZlibStore.deflate(&stream, Z_FINISH)
    }
    guard status == Z_STREAM_END else { return nil }
    output.count = headerSize + Int(stream.total_out)
    return output
  }
}
