import Foundation
import LeggioImport

/// Scores an extraction against a reference, as the corpus tests and the bench do:
/// token-level F1 of the text, and whether title, byline and date agree.
public enum ExtractionEvaluation {
  /// Lower-cased words (letters and digits).
  public static func tokens(_ text: String) -> [String] {
    text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
  }

  /// The harmonic mean of precision and recall over word multisets.
  public static func f1(extracted: String, expected: String) -> Double {
    let found = tokens(extracted)
    let wanted = tokens(expected)
    if found.isEmpty && wanted.isEmpty { return 1 }
    guard !found.isEmpty, !wanted.isEmpty else { return 0 }
    var counts: [String: Int] = [:]
    for token in wanted { counts[token, default: 0] += 1 }
    var common = 0
    for token in found where counts[token, default: 0] > 0 {
      counts[token]! -= 1
      common += 1
    }
    guard common > 0 else { return 0 }
    let precision = Double(common) / Double(found.count)
    let recall = Double(common) / Double(wanted.count)
    return 2 * precision * recall / (precision + recall)
  }

  /// The visible text of an HTML page (what a reader would see, without scripts and styles).
  public static func visibleText(ofHTML html: String) -> String {
    let root = HTMLParser.parse(html)
    HTMLNode.detach(root.elements(namedAnyOf: ["script", "style", "noscript", "template", "head"]))
    return root.textContent.collapsingWhitespace()
  }

  /// The title is right when it equals the reference, or the reference is it plus a
  /// suffix after a separator (a site name that Leggio removes on purpose).
  public static func titleMatches(_ title: String, expected: String) -> Bool {
    let ours = normalize(title)
    let theirs = normalize(expected)
    if ours == theirs { return true }
    guard !ours.isEmpty else { return false }
    return TitleCleaner.separators.contains { theirs.hasPrefix(ours + $0) }
  }

  /// Bylines agree once "By" and case are set aside.
  public static func bylineMatches(_ byline: String?, expected: String) -> Bool {
    guard let byline else { return false }
    return normalize(PageMetadataReader.cleanByline(byline)).lowercased()
      == normalize(PageMetadataReader.cleanByline(expected)).lowercased()
  }

  /// Dates agree to the second.
  public static func dateMatches(_ date: Date?, expected: String) -> Bool {
    guard let date, let wanted = PublishedDate.parse(expected) else { return false }
    return abs(date.timeIntervalSince(wanted)) < 1
  }

  private static func normalize(_ text: String) -> String {
    text.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‘", with: "'")
      .collapsingWhitespace()
  }
}
