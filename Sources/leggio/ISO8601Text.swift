import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Dates as `Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: .current)`
/// writes them (`2023-08-16T20:24:00+02:00`, `Z` for UTC, seconds truncated), made with
/// the C library's calendar: Foundation's took a tenth of `list --json`.
enum ISO8601Text {
  /// The local time of `date`; nil where Foundation's form is not certain to be this one
  /// (years outside 1000–9999, offsets of odd seconds), for the caller to ask Foundation.
  static func local(_ date: Date) -> String? {
    var bytes: [UInt8] = []
    guard appendLocal(date, offset: TimeZone.current.secondsFromGMT(for: date), to: &bytes)
    else { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `local`'s text appended to `output`, for a time zone `offset` seconds from UTC at
  /// `date`; false (nothing appended) where `local` is nil.
  static func appendLocal(_ date: Date, offset: Int, to output: inout [UInt8]) -> Bool {
    guard offset % 60 == 0, let parts = utcParts(date, shiftedBy: offset) else { return false }
    appendDay(parts, to: &output)
    output.append(UInt8(ascii: "T"))
    appendTwo(Int(parts.tm_hour), to: &output)
    output.append(UInt8(ascii: ":"))
    appendTwo(Int(parts.tm_min), to: &output)
    output.append(UInt8(ascii: ":"))
    appendTwo(Int(parts.tm_sec), to: &output)
    if offset == 0 {
      output.append(UInt8(ascii: "Z"))
      return true
    }
    let minutes = abs(offset) / 60
    output.append(UInt8(ascii: offset < 0 ? "-" : "+"))
    appendTwo(minutes / 60, to: &output)
    output.append(UInt8(ascii: ":"))
    appendTwo(minutes % 60, to: &output)
    return true
  }

  /// The UTC day of `date`, `2023-08-16`, as `.iso8601.year().month().day()` writes it;
  /// nil outside the years 1000–9999.
  static func utcDay(_ date: Date) -> String? {
    var bytes: [UInt8] = []
    guard appendUTCDay(date, to: &bytes) else { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `utcDay`'s text appended to `output`; false (nothing appended) where it is nil.
  static func appendUTCDay(_ date: Date, to output: inout [UInt8]) -> Bool {
    guard let parts = utcParts(date, shiftedBy: 0) else { return false }
    appendDay(parts, to: &output)
    return true
  }

  /// The calendar fields of `date` moved by `offset` seconds, seconds truncated; nil
  /// outside the years 1000–9999.
  private static func utcParts(_ date: Date, shiftedBy offset: Int) -> tm? {
    let seconds = date.timeIntervalSince1970.rounded(.down)
    guard seconds.magnitude < 1e12 else { return nil }
    var time = time_t(Int64(seconds) + Int64(offset))
    var parts = tm()
    guard gmtime_r(&time, &parts) != nil, (1000...9999).contains(Int(parts.tm_year) + 1900)
    else { return nil }
    return parts
  }

  private static func appendDay(_ parts: tm, to output: inout [UInt8]) {
    let year = Int(parts.tm_year) + 1900
    appendTwo(year / 100, to: &output)
    appendTwo(year % 100, to: &output)
    output.append(UInt8(ascii: "-"))
    appendTwo(Int(parts.tm_mon) + 1, to: &output)
    output.append(UInt8(ascii: "-"))
    appendTwo(Int(parts.tm_mday), to: &output)
  }

  private static func appendTwo(_ value: Int, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "0") + UInt8(value / 10))
    output.append(UInt8(ascii: "0") + UInt8(value % 10))
  }
}

/// The local time zone's offset from UTC, asked of Foundation once per UTC day rather than
/// once per date (a listing's dates fall on few days): a day whose first and last second
/// have the same offset has it throughout (time zones change at most once in a day), and
/// a day with a change is asked date by date.
struct LocalOffsets {
  private let zone = TimeZone.current
  private var day = Int.min
  private var dayOffset: Int?

  mutating func offset(at date: Date) -> Int {
    let seconds = date.timeIntervalSince1970
    guard seconds.magnitude < 1e12 else { return zone.secondsFromGMT(for: date) }
    let today = Int((seconds / 86_400).rounded(.down))
    if today != day {
      day = today
      let start = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(today) * 86_400))
      let end = zone.secondsFromGMT(
        for: Date(timeIntervalSince1970: Double(today + 1) * 86_400 - 1))
      dayOffset = start == end ? start : nil
    }
    return dayOffset ?? zone.secondsFromGMT(for: date)
  }
}
