import Foundation
import GRDB
import LeggioModel

/// Dates read back without a calendar. GRDB turns its stored text into a `Date` through
/// `Calendar.date(from:)`, a few microseconds each: listing 100,000 articles read 200,000
/// dates, a good part of `leggio list`. The text `DatabaseDate` writes (and GRDB's own,
/// `yyyy-MM-dd HH:mm:ss.SSS` or without milliseconds, UTC) is read here digit by digit;
/// anything else goes to GRDB as before. Tests hold the two to the same `Date`.
extension DatabaseDate {
  /// The date in `value`, as GRDB would read it.
  static func date(_ value: DatabaseValue) -> Date? {
    if case .string(let text) = value.storage, let date = parse(text) { return date }
    return Date.fromDatabaseValue(value)
  }

  /// `yyyy-MM-dd HH:mm:ss` with an optional `.SSS`, UTC; nil for any other text.
  static func parse(_ text: String) -> Date? {
    var text = text
    return text.withUTF8 { parse(bytes: $0) }
  }

  /// `parse` over the text's UTF-8 bytes (a listing reads them straight from SQLite).
  static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
    guard bytes.count == 19 || bytes.count == 23 else { return nil }
    func number(_ start: Int, _ count: Int) -> Int? {
      var value = 0
      for index in start..<start + count {
        let digit = Int(bytes[index]) - 48
        guard digit >= 0, digit <= 9 else { return nil }
        value = value * 10 + digit
      }
      return value
    }
    guard bytes[4] == 45, bytes[7] == 45, bytes[10] == 32, bytes[13] == 58, bytes[16] == 58,
      let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
      let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
      (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
    else { return nil }
    var milliseconds = 0
    if bytes.count == 23 {
      guard bytes[19] == 46, let value = number(20, 3) else { return nil }
      milliseconds = value
    }
    let days = CivilDays.since1970(year: year, month: month, day: day)
    // Seconds since 2001-01-01 (day 11,323 after 1970) summed as Foundation's calendar
    // sums them, to the same last bit: the time of day with its fraction first, then
    // the day's start.
    let time =
      Double(hour * 3_600 + minute * 60 + second) + Double(milliseconds * 1_000_000) / 1e9
    return Date(timeIntervalSinceReferenceDate: Double((days - 11_323) * 86_400) + time)
  }
}
