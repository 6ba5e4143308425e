import Foundation

/// Parses the dates pages declare: ISO 8601 with or without fractional seconds, a
/// space instead of `T`, a `+0100` offset, a bare date; times without a zone are UTC.
package enum PublishedDate {
  package static func parse(_ text: String) -> Date? {
    var value = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard value.count >= 10 else { return nil }
    if value.count >= 11, value[value.index(value.startIndex, offsetBy: 10)] == " " {
      value.replaceSubrange(
        value.index(value.startIndex, offsetBy: 10)...value.index(value.startIndex, offsetBy: 10),
        with: "T")
    }
    let withZone = [
      "yyyy-MM-dd'T'HH:mm:ss.SSSXXXXX", "yyyy-MM-dd'T'HH:mm:ssXXXXX",
      "yyyy-MM-dd'T'HH:mm:ss.SSSXX", "yyyy-MM-dd'T'HH:mm:ssXX", "yyyy-MM-dd'T'HH:mmXXXXX",
      "yyyy-MM-dd'T'HH:mm:ss.SSS", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd",
      "EEE, dd MMM yyyy HH:mm:ss zzz",
    ]
    for format in withZone {
      let formatter = DateFormatter()
      formatter.locale = Locale(identifier: "en_US_POSIX")
      formatter.timeZone = TimeZone(identifier: "UTC")
      formatter.dateFormat = format
      if let date = formatter.date(from: value) { return date }
    }
    return nil
  }
}
