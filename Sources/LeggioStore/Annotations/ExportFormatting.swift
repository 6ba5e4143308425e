import Foundation

/// Dates and text as exports write them.
enum ExportFormatting {
  /// `2026-11-26T23:31:19.123Z`: ISO 8601 in UTC with milliseconds.
  static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.string(from: date)
  }

  /// An ISO 8601 timestamp with or without fractional seconds, to the millisecond.
  static func date(_ text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = formatter.date(from: text) { return date.roundedToMilliseconds }
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)?.roundedToMilliseconds
  }

  /// `2023-08-16`, for people.
  static func day(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withFullDate]
    return formatter.string(from: date)
  }

  /// `text` without control characters, escape sequences or bidi overrides (which could
  /// rewrite a terminal that prints the export); newlines and tabs are kept.
  static func clean(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x0A, 0x09: scalars.append(scalar)
      case 0x0D: continue
      case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: continue
      default: scalars.append(scalar)
      }
    }
    return String(scalars)
  }
}
