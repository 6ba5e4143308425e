import Foundation

/// Time-sortable UUIDs (RFC 9562 version 7): 48 bits of Unix milliseconds, then random
/// bits. The library's identity rule ("identity is for ever") wants them on every record.
enum FeedUUID {
  static func v7(at date: Date = Date()) -> UUID {
    let milliseconds = UInt64(max(0, date.timeIntervalSince1970 * 1000))
    var bytes = [UInt8](repeating: 0, count: 16)
    for index in 0..<6 {
      bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - index)))
    }
    var generator = SystemRandomNumberGenerator()
    let random = (generator.next() as UInt64, generator.next() as UInt64)
    for index in 6..<8 { bytes[index] = UInt8(truncatingIfNeeded: random.0 >> (8 * index)) }
    for index in 8..<16 { bytes[index] = UInt8(truncatingIfNeeded: random.1 >> (8 * (index - 8))) }
    bytes[6] = (bytes[6] & 0x0F) | 0x70  // version 7
    bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 9562 variant
    return UUID(
      uuid: (
        bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
        bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
      ))
  }
}
