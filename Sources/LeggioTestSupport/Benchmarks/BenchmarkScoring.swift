import Foundation

/// The scoring rules of the two external extraction benchmarks, as their README in
/// `../shared/corpus/extraction/` states them.
public enum BenchmarkScoring {
  // MARK: Zyte: bag-of-tokens F1

  /// Word tokens: runs of letters, marks, digits and connectors after NFC and lower-casing,
  /// with format characters (soft hyphens, zero-width joiners) deleted; every Chinese or
  /// Japanese character is a token of its own.
  public static func tokens(_ text: String) -> [String] {
    var result: [String] = []
    var current = String.UnicodeScalarView()
    func flush() {
      if !current.isEmpty { result.append(String(current)) }
      current = String.UnicodeScalarView()
    }
    for scalar in text.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
      let category = scalar.properties.generalCategory
      if category == .format { continue }
      if isCJK(scalar) {
        flush()
        result.append(String(scalar))
        continue
      }
      switch category {
      case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
        .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber,
        .otherNumber, .connectorPunctuation:
        current.append(scalar)
      default:
        flush()
      }
    }
    flush()
    return result
  }

  static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F:
      return true
    default: return false
    }
  }

  /// Shared tokens, output tokens and reference tokens of one page.
  public struct Overlap: Sendable {
    public var shared: Int
    public var found: Int
    public var wanted: Int

    public var f1: Double {
      if found == 0 && wanted == 0 { return 1 }
      guard shared > 0 else { return 0 }
      let precision = Double(shared) / Double(found)
      let recall = Double(shared) / Double(wanted)
      return 2 * precision * recall / (precision + recall)
    }
  }

  public static func overlap(extracted: String, expected: String) -> Overlap {
    let found = tokens(extracted)
    let wanted = tokens(expected)
    var counts: [String: Int] = [:]
    for token in wanted { counts[token, default: 0] += 1 }
    var shared = 0
    for token in found where counts[token, default: 0] > 0 {
      counts[token]! -= 1
      shared += 1
    }
    return Overlap(shared: shared, found: found.count, wanted: wanted.count)
  }

  // MARK: trafilatura: snippets and metadata

  /// Runs of white space collapsed to one space, ends trimmed.
  public static func normalizedSpace(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// NFKC, case-folded, punctuation dropped, white space collapsed.
  public static func normalizedName(_ text: String) -> String {
    let folded = text.precomposedStringWithCompatibilityMapping.folding(
      options: [.caseInsensitive], locale: nil)
    var kept = String.UnicodeScalarView()
    for scalar in folded.unicodeScalars {
      switch scalar.properties.generalCategory {
      case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
        .initialPunctuation, .finalPunctuation, .otherPunctuation:
        kept.append(" ")
      default: kept.append(scalar)
      }
    }
    return normalizedSpace(String(kept))
  }

  public static func namesMatch(_ ours: String?, _ theirs: String) -> Bool {
    guard let ours else { return false }
    return normalizedName(ours) == normalizedName(theirs)
  }

  /// Whether `date` falls on the `YYYY-MM-DD` day (dates are kept as the page's own
  /// calendar time, read as UTC).
  public static func dayMatches(_ date: Date?, _ day: String) -> Bool {
    guard let date else { return false }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    let ours = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    return ours == String(day.prefix(10))
  }
}
