import Foundation
import LeggioModel

/// A long UTF-8 text decoded in pieces side by side, each cut just after a line feed:
/// checking, copying and sanitising a 3 MB book were a sixth of `leggio show`'s time on
/// one thread, before any layout could start. The pieces are what `TextDecoder` makes of
/// the whole, cut at the same places (no sanitising rule reaches across a line feed).
enum TextPieces {
  /// Shorter texts are decoded whole: threads cost more than they save.
  static let minimumLength = 1 << 20

  /// The sanitised pieces of `data` (a UTF-8 byte order mark dropped), in order, or nil
  /// when the bytes are not all UTF-8 (read whole as Windows-1252 then) or a piece lost
  /// its last line feed to an escape sequence (then only the whole text reads right).
  static func decode(_ data: Data) -> [String]? {
    data.withUnsafeBytes { raw -> [String]? in
      let all = raw.bindMemory(to: UInt8.self)
      let skip = all.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      let bytes = Bytes(buffer: UnsafeBufferPointer(rebasing: all[skip...]))
      let ranges = stretches(bytes.buffer, pieces: 8)
      let pieces = ConcurrentSlices.map(ranges, minimumSliceLength: 1) { slice in
        slice.map { range -> String? in
          let piece = UnsafeBufferPointer(rebasing: bytes.buffer[range])
          // Checked once, here, a word at a time: the `String`s are made without the
          // standard library's own check, a byte at a time (3% of `show` for a book).
          // Whether the sanitiser would change anything is found in the same pass.
          guard let (isASCII, isClean) = UTF8Validation.checkClean(piece) else { return nil }
          let clean: String
          if isClean {
            clean = UTF8Validation.string(checked: piece, isASCII: isASCII)
          } else {
            // Sanitised straight from the bytes (a CRLF book), whole scalars kept or
            // replaced by line feeds, so the result is well-formed too.
            let output = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, piece.count))
            defer { output.deallocate() }
            let count = TextSanitizer.sanitize(piece, into: output)
            clean = UTF8Validation.string(
              checked: UnsafeBufferPointer(start: output, count: count), isASCII: isASCII)
          }
          guard range.upperBound == bytes.buffer.count || clean.utf8.last == 0x0A else {
            return nil
          }
          return clean
        }
      }.flatMap { $0 }
      guard pieces.allSatisfy({ $0 != nil }) else { return nil }
      return pieces.map { $0! }
    }
  }

  /// Byte ranges that cover `bytes`, each but the last ending just after a line feed.
  static func stretches(_ bytes: UnsafeBufferPointer<UInt8>, pieces: Int) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    for piece in 1..<max(1, pieces) {
      var cut = max(start, bytes.count * piece / pieces)
      while cut < bytes.count && bytes[cut] != 0x0A { cut += 1 }
      guard cut < bytes.count else { break }
      ranges.append(start..<cut + 1)
      start = cut + 1
    }
    ranges.append(start..<bytes.count)
    return ranges
  }

  /// The file's bytes, read by every thread while `decode` waits for them.
  private struct Bytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
  }
}
