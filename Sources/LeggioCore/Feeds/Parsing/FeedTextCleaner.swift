import Foundation

/// Keeps text from outside safe for the terminal: control characters (C0 but tab and
/// newline, DEL, C1) and bidirectional overrides are removed, runs of whitespace in
/// one-line fields collapse.
enum FeedTextCleaner {
  /// Trimmed text without control characters; newlines kept.
  static func clean(_ text: String) -> String {
    var needsWork = false
    for scalar in text.unicodeScalars where isUnsafe(scalar) {
      needsWork = true
      break
    }
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard needsWork else { return trimmed }
    var scalars = String.UnicodeScalarView()
    for scalar in trimmed.unicodeScalars where !isUnsafe(scalar) { scalars.append(scalar) }
    return String(scalars)
  }

  /// One line: cleaned, with every run of whitespace made one space.
  static func line(_ text: String) -> String {
    let cleaned = clean(text)
    guard cleaned.contains(where: { $0.isNewline || $0 == "\t" }) || cleaned.contains("  ") else {
      return cleaned
    }
    return cleaned.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: false
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
    default: false
    }
  }
}
