import Foundation

/// Parses the dates pages declare: ISO 8601 with or without fractional seconds, a space
/// instead of `T`, an offset or none, a bare date, RFC 822, or a date written out
/// ("5. März 2019", see `WrittenDate`).
///
/// The page's own wall-clock time is kept and read as UTC: an offset is dropped, not
/// applied, so "2019-03-05T00:30:00+01:00" stays on the 5th, the day the page names.
package enum PublishedDate {
  package static func parse(_ text: String) -> Date? {
    let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard value.count >= 8 else { return nil }
    let range = NSRange(value.startIndex..., in: value)
    if let match = isoPattern.firstMatch(in: value, range: range) {
      let part = { (index: Int) -> String? in
        Range(match.range(at: index), in: value).map { String(value[$0]) }
      }
      guard let date = WrittenDate.day(year: part(1)!, month: part(2)!, day: part(3)!) else {
        return nil
      }
      let hours = part(4).flatMap { Int($0) } ?? 0
      let minutes = part(5).flatMap { Int($0) } ?? 0
      let seconds = part(6).flatMap { Int($0) } ?? 0
      guard hours < 24, minutes < 60, seconds < 61 else { return date }
      return date.addingTimeInterval(Double(hours * 3600 + minutes * 60 + seconds))
    }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    // RFC 822: the zone is dropped for the same reason.
    for format in ["EEE, dd MMM yyyy HH:mm:ss", "dd MMM yyyy HH:mm:ss"] {
      formatter.dateFormat = format
      let withoutZone = value.split(separator: " ").prefix(format.split(separator: " ").count)
        .joined(separator: " ")
      if let date = formatter.date(from: withoutZone) { return date }
    }
    return WrittenDate.first(in: value)
  }

  /// `2019-03-05`, then optionally `T`/space and `HH:mm[:ss[.fff]]`, then any zone
  /// (`:fff` too: "2022-01-10T22:06:08:684Z" is seen in the wild).
  private static let isoPattern = try! NSRegularExpression(
    pattern:
      #"^((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,:]\d+)?)?)?(?:Z|[+-]\d\d(?::?\d\d)?|\s*[A-Z]{2,4})?$"#
  )
}
