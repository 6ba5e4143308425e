import CDeflate
import CZlibStore
import Foundation

/// A long document's stored form (`StoredDocument`: the payload's length, then the zlib
/// stream of byte 1, the text's length, the text and the JSON) compressed in two parts on
/// two threads with ISA-L (issue 13): the text part as soon as the canonical text is made,
/// the JSON part as soon as the JSON is written. The text part ends with a full flush, so
/// the two raw deflate parts join into one zlib stream, which every reader inflates as
/// before; its checksum is the two parts' combined.
///
/// On a 3 MB book's 9.7 MB payload libdeflate's level 1 took 55 ms on one thread (3.80
/// MB); ISA-L's level 1 takes about 30 ms in all (4.06 MB), split over both cores.
/// Without ISA-L (`isAvailable`) the payload is compressed whole, as before.
enum SplitDeflate {
  /// One part: raw deflate, with the Adler-32 checksum and length of what it holds.
  struct Part: @unchecked Sendable {
    let deflated: Data
    let adler: UInt32
    let length: Int
  }

  static var isAvailable: Bool { leggio_isal_available() != 0 }

  /// The payload's first part: the text mark, the text's length and the text.
  static func textPart(_ text: String) -> Part? {
    var payload = [UInt8]()
    payload.reserveCapacity(5 + text.utf8.count)
    payload.append(StoredDocument.textMark)
    withUnsafeBytes(of: UInt32(text.utf8.count).littleEndian) { payload.append(contentsOf: $0) }
    payload.append(contentsOf: text.utf8)
    return payload.withUnsafeBufferPointer { deflate($0, last: false) }
  }

  /// The payload's last part: the document's JSON.
  static func jsonPart(_ json: String) -> Part? {
    var json = json
    return json.withUTF8 { deflate($0, last: true) }
  }

  /// The stored form of the payload the two parts make, in `StoredDocument`'s format.
  static func join(_ text: Part, _ json: Part) -> Data? {
    let length = text.length + json.length
    guard length < 1 << 32 else { return nil }
    var stored = Data(capacity: 4 + 2 + text.deflated.count + json.deflated.count + 4)
    withUnsafeBytes(of: UInt32(length).littleEndian) { stored.append(contentsOf: $0) }
    // zlib's header: deflate with a 32 KB window, fastest level (0x7801 is a multiple of 31).
    stored.append(contentsOf: [0x78, 0x01])
    stored.append(text.deflated)
    stored.append(json.deflated)
    let adler = UInt32(
      truncatingIfNeeded: adler32_combine(uLong(text.adler), uLong(json.adler), .init(json.length)))
    withUnsafeBytes(of: adler.bigEndian) { stored.append(contentsOf: $0) }
    return stored
  }

  private static func deflate(_ source: UnsafeBufferPointer<UInt8>, last: Bool) -> Part? {
    guard let base = source.baseAddress, source.count < 1 << 31 else { return nil }
    // ISA-L at level 1 never writes more than the input and its stored blocks' headers.
    let capacity = source.count + source.count / 1024 + 1024
    guard let buffer = malloc(capacity) else { return nil }
    let written = leggio_isal_deflate_part(base, source.count, buffer, capacity, last ? 1 : 0)
    guard written > 0 else {
      free(buffer)
      return nil
    }
    let adler = UInt32(leggio_isal_adler32(1, base, source.count))
    let shrunk = realloc(buffer, written) ?? buffer
    return Part(
      deflated: Data(bytesNoCopy: shrunk, count: written, deallocator: .free), adler: adler,
      length: source.count)
  }
}
