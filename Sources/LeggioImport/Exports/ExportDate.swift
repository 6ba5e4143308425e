import Foundation

/// The dates export files write: Unix time in seconds, milliseconds or microseconds
/// (bookmark files use all three), ISO 8601 with or without fraction and zone
/// (`2024-10-29T16:30:11.000Z`, `2016-09-08T11:55:58+0200`), and Python's
/// `2025-01-20 22:13:02.447000+00:00`. Nil for anything else.
public enum ExportDate {
  public static func parse(_ text: String?) -> Date? {
    guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
    if text.allSatisfy(\.isASCIIDigit), let number = Double(text) {
      return epoch(number)
    }
    return iso(text)
  }

  /// A number of seconds, milliseconds or microseconds since 1970, told apart by size.
  public static func epoch(_ number: Double) -> Date? {
    guard number > 0 else { return nil }
    var seconds = number
    while seconds > 100_000_000_000 { seconds /= 1000 }
    return Date(timeIntervalSince1970: seconds)
  }

  static func iso(_ text: String) -> Date? {
    var text = text
    if text.hasSuffix(" UTC") { text = String(text.dropLast(4)) + "Z" }
    var scalars = Array(text.unicodeScalars)
    // "2025-01-20 22:13:02" → "2025-01-20T22:13:02"
    if scalars.count > 10, scalars[10] == " " { scalars[10] = "T" }
    var normalized = String(String.UnicodeScalarView(scalars))
    // "+0200" → "+02:00"; "+00:00" and "Z" stay.
    if let match = normalized.range(of: #"[+-]\d{4}$"#, options: .regularExpression) {
      let zone = normalized[match]
      normalized.replaceSubrange(match, with: zone.prefix(3) + ":" + zone.suffix(2))
    }
    // Fractions of any length: drop them (seconds are enough for a saved date).
    if let fraction = normalized.range(of: #"\.\d+"#, options: .regularExpression) {
      normalized.removeSubrange(fraction)
    }
    if normalized.count == 10 { normalized += "T00:00:00" }
    let hasZone =
      normalized.hasSuffix("Z")
      || normalized.range(of: #"[+-]\d{2}:\d{2}$"#, options: .regularExpression) != nil
    if !hasZone { normalized += "Z" }
    return try? Date.ISO8601FormatStyle().parse(normalized)
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
