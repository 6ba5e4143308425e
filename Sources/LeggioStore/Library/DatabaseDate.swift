import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#endif

/// Dates as GRDB stores them ("yyyy-MM-dd HH:mm:ss.SSS", UTC, rounded to the nearest
/// millisecond as its `DateFormatter` rounds), written without a formatter for dates from
/// 1970 to 9999: a large feed update stores tens of thousands of dates, and the
/// formatter was a tenth of its time. Tests hold the two to the same text.
enum DatabaseDate {
  static func value(_ date: Date?) -> DatabaseValue {
    guard let date else { return .null }
    return text(date).map { $0.databaseValue } ?? date.databaseValue
  }

  /// The stored text, or nil outside 1970...9999.
  static func text(_ date: Date) -> String? {
    let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
    guard milliseconds >= 0, milliseconds < 253_402_300_800_000 else { return nil }
    let seconds = (milliseconds / 1000).rounded(.down)
    var time = time_t(seconds)
    var parts = tm()
    guard gmtime_r(&time, &parts) != nil else { return nil }
    var text: [UInt8] = []
    text.reserveCapacity(23)
    func digits(_ value: Int, _ count: Int) {
      var divisor = 1
      for _ in 1..<count { divisor *= 10 }
      while divisor > 0 {
        text.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
        divisor /= 10
      }
    }
    digits(Int(parts.tm_year) + 1900, 4)
    text.append(UInt8(ascii: "-"))
    digits(Int(parts.tm_mon) + 1, 2)
    text.append(UInt8(ascii: "-"))
    digits(Int(parts.tm_mday), 2)
    text.append(UInt8(ascii: " "))
    digits(Int(parts.tm_hour), 2)
    text.append(UInt8(ascii: ":"))
    digits(Int(parts.tm_min), 2)
    text.append(UInt8(ascii: ":"))
    digits(Int(parts.tm_sec), 2)
    text.append(UInt8(ascii: "."))
    digits(Int(milliseconds - seconds * 1000), 3)
    return String(decoding: text, as: UTF8.self)
  }
}
