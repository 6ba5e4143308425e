import Foundation
import LeggioModel

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

  /// `text` without what `TerminalSafety` calls unsafe (which could rewrite a terminal
  /// that prints the export); newlines and tabs are kept.
  static func clean(_ text: String) -> String {
    TerminalSafety.removingUnsafe(text)
  }
}
