import Foundation
import LeggioModel

/// Keeps text from outside safe for the terminal: what `TerminalSafety` refuses (controls
/// but tab and newline, bidirectional controls, invisible characters) is removed, runs of
/// whitespace in one-line fields collapse.
///
/// Written on Unicode scalars rather than Foundation's `trimmingCharacters(in:)`, which
/// bridges through NSString and cost a fifth of the time of parsing a large feed.
enum FeedTextCleaner {
  /// Trimmed text without control characters; newlines kept.
  static func clean(_ text: String) -> String {
    let scalars = text.unicodeScalars
    var start = scalars.startIndex
    while start < scalars.endIndex, isSpace(scalars[start]) { scalars.formIndex(after: &start) }
    var end = scalars.endIndex
    while end > start {
      let before = scalars.index(before: end)
      guard isSpace(scalars[before]) else { break }
      end = before
    }
    let slice = scalars[start..<end]
    // `isClean` passes over the bytes of most text (accents and curly quotes included)
    // without decoding a scalar; what it doubts is looked at scalar by scalar.
    guard !TextSanitizer.isClean(text), slice.contains(where: isUnsafe) else {
      return start == scalars.startIndex && end == scalars.endIndex ? text : String(slice)
    }
    var result = String.UnicodeScalarView()
    for scalar in slice where !isUnsafe(scalar) { result.append(scalar) }
    return String(result)
  }

  /// One line: cleaned, with every run of spaces, tabs and line breaks made one space
  /// (no-break spaces stay: they are there on purpose).
  static func line(_ text: String) -> String {
    let cleaned = clean(text)
    var needsCollapse = false
    var previousWasSpace = false
    for scalar in cleaned.unicodeScalars {
      let space = isBreakingSpace(scalar)
      if space && (previousWasSpace || scalar != " ") {
        needsCollapse = true
        break
      }
      previousWasSpace = space
    }
    guard needsCollapse else { return cleaned }
    var result = String.UnicodeScalarView()
    previousWasSpace = false
    for scalar in cleaned.unicodeScalars {
      if isBreakingSpace(scalar) {
        if !previousWasSpace { result.append(" ") }
        previousWasSpace = true
      } else {
        result.append(scalar)
        previousWasSpace = false
      }
    }
    return String(result)
  }

  /// White space as `CharacterSet.whitespacesAndNewlines` has it.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20, 0x09...0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
      0x3000:
      true
    default: false
    }
  }

  private static func isBreakingSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20, 0x09...0x0D, 0x85, 0x2028, 0x2029: true
    default: false
    }
  }

  static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: false
    default: TerminalSafety.isUnsafe(scalar)
    }
  }
}
