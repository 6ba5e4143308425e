import Foundation

/// Time-sortable UUIDs (RFC 9562 version 7) for annotations: 48 bits of Unix time in
/// milliseconds, then a counter that keeps ids made in the same millisecond in order,
/// then random bits. Text form: lowercase, as the library stores UUIDs.
public enum AnnotationUUID {
  private static let state = Mutex()

  /// A new version 7 UUID string for `now`. Made in the same millisecond as the previous
  /// one, or up to 10 s before it (the clock stepped back), it sorts after it.
  public static func make(now: Date = Date()) -> String {
    let milliseconds = UInt64(max(0, now.timeIntervalSince1970 * 1000))
    let (time, counter) = state.next(milliseconds)
    var bytes = [UInt8](repeating: 0, count: 16)
    for index in 0..<6 {
      bytes[index] = UInt8(truncatingIfNeeded: time >> (40 - 8 * UInt64(index)))
    }
    bytes[6] = 0x70 | UInt8(truncatingIfNeeded: counter >> 8 & 0x0F)
    bytes[7] = UInt8(truncatingIfNeeded: counter)
    var random = SystemRandomNumberGenerator()
    for index in 8..<16 { bytes[index] = random.next() }
    bytes[8] = 0x80 | bytes[8] & 0x3F
    let uuid = UUID(
      uuid: (
        bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
        bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
      ))
    return uuid.uuidString.lowercased()
  }

  /// The millisecond timestamp a version 7 UUID string carries, if it is one.
  public static func date(of uuid: String) -> Date? {
    let hex = uuid.replacingOccurrences(of: "-", with: "")
    guard hex.count == 32, hex[hex.index(hex.startIndex, offsetBy: 12)] == "7",
      let milliseconds = UInt64(hex.prefix(12), radix: 16)
    else { return nil }
    return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
  }

  /// The last timestamp and counter handed out, behind a lock.
  private final class Mutex: @unchecked Sendable {
    private let lock = NSLock()
    private var lastTime: UInt64 = 0
    private var counter: UInt16 = 0

    func next(_ time: UInt64) -> (UInt64, UInt16) {
      lock.lock()
      defer { lock.unlock() }
      if time > lastTime {
        lastTime = time
        counter = UInt16.random(in: 0..<0x200)
      } else if lastTime - time > 10_000 {
        // A date given from long ago (an import, a test), not a clock step back.
        return (time, UInt16.random(in: 0..<0x200))
      } else if counter < 0xFFF {
        counter += 1
      } else {
        lastTime += 1
        counter = 0
      }
      return (lastTime, counter)
    }
  }
}
