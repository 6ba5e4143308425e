import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Time-sortable identifiers (RFC 9562 UUID version 7): 48 bits of Unix milliseconds,
/// then random bits. Identifiers made in this process sort in the order they were made,
/// even within one millisecond, because a counter fills the 12 `rand_a` bits.
public enum UUIDv7 {
  private struct Clock {
    /// The last millisecond and counter given for the present moment or the past.
    var lastMillis: UInt64 = 0
    var counter: UInt16 = 0
    /// Counters for dates ahead of the system clock (a record from a machine whose clock
    /// runs fast, a test's fixed clock), by millisecond: such a date never holds back the
    /// identifiers made now, and identifiers made in a row for one such date sort in the
    /// order they were made, whatever other dates are asked for in between.
    var ahead: [UInt64: UInt16] = [:]
    /// Random words drawn from the system 256 at a time: one system call per 256
    /// identifiers instead of two for each (storing a large feed makes 30,000).
    var pool: [UInt64] = []

    mutating func random() -> UInt64 {
      if pool.isEmpty {
        var generator = SystemRandomNumberGenerator()
        pool = RandomPool.fill(count: 256) ?? (0..<256).map { _ in generator.next() }
      }
      return pool.removeLast()
    }

    /// The next (millisecond, counter) pair for `now`, the present or a past date: after
    /// every pair given before, unless `now` is well before them (a date asked for on
    /// purpose, or the clock set back): then `now` is honoured and the clock left alone,
    /// so that identifiers made now still sort after those made a moment ago.
    mutating func next(at now: UInt64) -> (UInt64, UInt16) {
      if now + 1000 < lastMillis {
        return (now, UInt16(truncatingIfNeeded: random() % 0x200))
      }
      if now > lastMillis {
        lastMillis = now
        counter = UInt16(truncatingIfNeeded: random() % 0x200)
      } else if counter < 0xFFF {
        counter += 1
      } else {
        // 4,096 identifiers in one millisecond: borrow the next millisecond.
        lastMillis += 1
        counter = 0
      }
      return (lastMillis, counter)
    }

    /// The next (millisecond, counter) pair for `now`, a date ahead of the clock.
    mutating func nextAhead(at now: UInt64) -> (UInt64, UInt16) {
      var millis = now
      // 4,096 identifiers in one millisecond: borrow the next millisecond.
      while let counter = ahead[millis], counter >= 0xFFF { millis += 1 }
      let counter = ahead[millis].map { $0 + 1 } ?? UInt16(truncatingIfNeeded: random() % 0x200)
      if ahead.count >= 1024 { ahead.removeAll(keepingCapacity: true) }
      ahead[millis] = counter
      return (millis, counter)
    }
  }

  private static let clock = Mutex(Clock())

  private static func milliseconds(_ date: Date) -> UInt64 {
    UInt64(max(0, date.timeIntervalSince1970 * 1000))
  }

  /// A new UUID v7 for `date` (now by default).
  public static func make(at date: Date = Date()) -> UUID {
    let now = milliseconds(date)
    let present = milliseconds(Date())
    let isAhead = now > present + 1000
    let (millis, counter, tail) = clock.withLock { state -> (UInt64, UInt16, UInt64) in
      let (millis, counter) = isAhead ? state.nextAhead(at: now) : state.next(at: now)
      return (millis, counter, state.random())
    }
    var bytes = [UInt8](repeating: 0, count: 16)
    for i in 0..<6 { bytes[i] = UInt8(truncatingIfNeeded: millis >> (8 * (5 - i))) }
    bytes[6] = 0x70 | UInt8(counter >> 8)
    bytes[7] = UInt8(truncatingIfNeeded: counter)
    for i in 8..<16 { bytes[i] = UInt8(truncatingIfNeeded: tail >> (8 * (15 - i))) }
    bytes[8] = 0x80 | (bytes[8] & 0x3F)
    return UUID(
      uuid: (
        bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
        bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
      ))
  }

  /// A new UUID v7 as the lowercase string the library stores.
  public static func string(at date: Date = Date()) -> String {
    let bytes = make(at: date).uuid
    return withUnsafeBytes(of: bytes) { bytes in
      let hex: StaticString = "0123456789abcdef"
      return String(unsafeUninitializedCapacity: 36) { text in
        var position = 0
        for (index, byte) in bytes.enumerated() {
          if index == 4 || index == 6 || index == 8 || index == 10 {
            text[position] = UInt8(ascii: "-")
            position += 1
          }
          text[position] = hex.utf8Start[Int(byte >> 4)]
          text[position + 1] = hex.utf8Start[Int(byte & 0x0F)]
          position += 2
        }
        return position
      }
    }
  }

  /// The millisecond timestamp inside a UUID v7.
  public static func date(of uuid: UUID) -> Date {
    let b = uuid.uuid
    let parts = [b.0, b.1, b.2, b.3, b.4, b.5]
    let millis = parts.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    return Date(timeIntervalSince1970: Double(millis) / 1000)
  }
}

/// Bulk randomness: glibc's `arc4random_buf` (a ChaCha20 stream the kernel seeds), where
/// the C library has it.
private enum RandomPool {
  static func fill(count: Int) -> [UInt64]? {
    #if canImport(Glibc)
      var words = [UInt64](repeating: 0, count: count)
      words.withUnsafeMutableBytes { arc4random_buf($0.baseAddress!, $0.count) }
      return words
    #else
      return nil
    #endif
  }
}
