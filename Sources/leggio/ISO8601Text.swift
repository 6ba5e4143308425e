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
    let seconds = date.timeIntervalSince1970.rounded(.down)
    guard seconds.magnitude < 1e12 else { return nil }
    let offset = TimeZone.current.secondsFromGMT(for: date)
    guard offset % 60 == 0 else { return nil }
    var time = time_t(Int64(seconds) + Int64(offset))
    var parts = tm()
    guard gmtime_r(&time, &parts) != nil else { return nil }
    let year = Int(parts.tm_year) + 1900
    guard (1000...9999).contains(year) else { return nil }
    var text = String(year) + "-" + two(Int(parts.tm_mon) + 1) + "-" + two(Int(parts.tm_mday))
    text += "T" + two(Int(parts.tm_hour)) + ":" + two(Int(parts.tm_min)) + ":"
    text += two(Int(parts.tm_sec))
    if offset == 0 { return text + "Z" }
    let minutes = abs(offset) / 60
    return text + (offset < 0 ? "-" : "+") + two(minutes / 60) + ":" + two(minutes % 60)
  }

  /// The UTC day of `date`, `2023-08-16`, as `.iso8601.year().month().day()` writes it;
  /// nil outside the years 1000–9999.
  static func utcDay(_ date: Date) -> String? {
    let seconds = date.timeIntervalSince1970.rounded(.down)
    guard seconds.magnitude < 1e12 else { return nil }
    var time = time_t(Int64(seconds))
    var parts = tm()
    guard gmtime_r(&time, &parts) != nil else { return nil }
    let year = Int(parts.tm_year) + 1900
    guard (1000...9999).contains(year) else { return nil }
    return String(year) + "-" + two(Int(parts.tm_mon) + 1) + "-" + two(Int(parts.tm_mday))
  }

  private static func two(_ value: Int) -> String {
    value < 10 ? "0" + String(value) : String(value)
  }
}
