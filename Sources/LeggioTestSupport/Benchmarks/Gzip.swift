import Foundation
import ZIPFoundation

/// Reads a gzip file (RFC 1952) as the benchmark corpora store their pages: the header is
/// skipped and the deflate stream inflated with ZIPFoundation's inflater.
public enum Gzip {
  public struct NotGzip: Error {}

  public static func decompress(_ data: Data) throws -> Data {
    let bytes = [UInt8](data)
    guard bytes.count > 18, bytes[0] == 0x1F, bytes[1] == 0x8B, bytes[2] == 8 else {
      throw NotGzip()
    }
    let flags = bytes[3]
    var offset = 10
    if flags & 0x04 != 0 {  // FEXTRA
      guard offset + 2 <= bytes.count else { throw NotGzip() }
      offset += 2 + Int(bytes[offset]) + Int(bytes[offset + 1]) << 8
    }
    for flag: UInt8 in [0x08, 0x10] where flags & flag != 0 {  // FNAME, FCOMMENT
      while offset < bytes.count && bytes[offset] != 0 { offset += 1 }
      offset += 1
    }
    if flags & 0x02 != 0 { offset += 2 }  // FHCRC
    guard offset < bytes.count - 8 else { throw NotGzip() }
    let deflated = data.subdata(in: offset..<(bytes.count - 8))
    var output = Data()
    _ = try Data.decompress(
      size: Int64(deflated.count), bufferSize: 64 * 1024, skipCRC32: true,
      provider: { position, size in
        // The Linux inflater asks for full chunks past the end: give what is left.
        let start = min(Int(position), deflated.count)
        return deflated.subdata(in: start..<min(start + size, deflated.count))
      },
      consumer: { output.append($0) })
    return output
  }
}
