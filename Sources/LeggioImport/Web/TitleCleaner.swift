import Foundation
import LeggioModel

/// Takes the site's name (and other chrome) off a page title:
/// "Headline - BBC News" -> "Headline", "Mozilla - Wikipedia" -> "Mozilla".
package enum TitleCleaner {
  package static let separators = [
    " | ", " - ", " – ", " — ", " · ", " » ", " :: ", " // ", " ǀ ", " : ", " / ",
  ]

  static func clean(
    _ title: String, siteName: String?, byline: String?, host: String?, headings: [String]
  ) -> String {
    let title = TextSanitizer.sanitize(title).collapsingWhitespace()
    var segments = split(title)
    guard segments.count > 1 else { return title }
    // A heading on the page that is a run of leading segments is the headline (the whole
    // title, when the headline itself holds a dash); so is one after a section's name
    // ("News - Headline", "08.11.2021 | Headline").
    for heading in headings {
      let normalized = heading.lowercased()
      for count in stride(from: segments.count, through: 1, by: -1)
      where joined(segments.prefix(count)).lowercased() == normalized {
        return joined(segments.prefix(count))
      }
      for start in 1..<segments.count {
        for end in stride(from: segments.count, to: start, by: -1)
        where joined(segments[start..<end]).lowercased() == normalized {
          return joined(segments[start..<end])
        }
      }
    }
    let names = [siteName, byline, host.map(siteLabel)].compactMap { $0 }.map(normalize)
    var stripped = false
    // The site's name inside the title ends the headline: "Headline : Site | Slogan".
    if let site = segments.indices.dropFirst().first(where: { matchesAny(segments[$0].text, names) }
    ),
      site < segments.count - 1
    {
      segments.removeSubrange(site...)
      stripped = true
    }
    // Site name or author at either end.
    while segments.count > 1, let last = segments.last, matchesAny(last.text, names) {
      segments.removeLast()
      stripped = true
    }
    while segments.count > 1, let first = segments.first, matchesAny(first.text, names) {
      segments.removeFirst()
      segments[0].separator = ""
      stripped = true
    }
    // Otherwise a short last segment after a long enough headline is taken as the site.
    if segments.count > 1, let last = segments.last,
      wordCount(last.text) <= 4, wordCount(joined(segments.dropLast())) >= 3,
      // "… - und FACC profitiert" goes on the headline; a site's name starts in capitals.
      !(last.text.first?.isLowercase ?? false),
      !stripped || segments.count > 1 && last.separator == " | "
    {
      segments.removeLast()
    }
    return joined(segments[...])
  }

  struct Segment {
    var separator: String
    var text: String
  }

  /// The title cut at its separators, except inside quotation marks ("Luboku, ‘Pale
  /// Blue Dot / Lift Off’" is one name).
  private static func split(_ title: String) -> [Segment] {
    var segments: [Segment] = []
    var rest = Substring(title)
    var separator = ""
    var pending = ""
    while let (range, found) = earliestSeparator(in: rest) {
      let text = pending + rest[..<range.lowerBound]
      if isInsideQuotes(text) {
        pending = text + found
      } else {
        segments.append(Segment(separator: separator, text: text))
        separator = found
        pending = ""
      }
      rest = rest[range.upperBound...]
    }
    segments.append(Segment(separator: separator, text: pending + rest))
    return segments.filter { !$0.text.isEmpty }
  }

  /// Whether a quotation opened in `text` is still open at its end (“…”, ‘…’, «…»,
  /// German „…“).
  private static func isInsideQuotes(_ text: String) -> Bool {
    var open: [Character] = []
    for character in text {
      switch character {
      case "“" where open.last == "„": open.removeLast()
      case "‘", "“", "«", "„": open.append(character)
      case "’", "”", "»": if !open.isEmpty { open.removeLast() }
      default: break
      }
    }
    return !open.isEmpty
  }

  private static func earliestSeparator(in text: Substring) -> (Range<Substring.Index>, String)? {
    var best: (Range<Substring.Index>, String)?
    for separator in separators {
      if let range = text.range(of: separator),
        range.lowerBound < (best?.0.lowerBound ?? text.endIndex)
      {
        best = (range, separator)
      }
    }
    return best
  }

  private static func joined<S: Sequence>(_ segments: S) -> String where S.Element == Segment {
    segments.enumerated().reduce(into: "") { result, item in
      result += (item.offset == 0 ? "" : item.element.separator) + item.element.text
    }
  }

  private static func wordCount(_ text: String) -> Int {
    text.split(whereSeparator: \.isWhitespace).count
  }

  /// "www.theguardian.com" -> "theguardian".
  private static func siteLabel(_ host: String) -> String {
    let parts = host.lowercased().split(separator: ".").filter { $0 != "www" }
    return parts.count >= 2 ? String(parts[parts.count - 2]) : parts.first.map(String.init) ?? host
  }

  /// Lower case, letters and digits only, without a leading "the" or a domain ending.
  static func normalize(_ name: String) -> String {
    var lower = name.lowercased()
    for suffix in [".com", ".org", ".net", ".fr", ".de", ".it", ".co.uk"]
    where lower.hasSuffix(suffix) {
      lower = String(lower.dropLast(suffix.count))
    }
    if lower.hasPrefix("the ") { lower = String(lower.dropFirst(4)) }
    return String(lower.filter { $0.isLetter || $0.isNumber })
  }

  private static func matchesAny(_ segment: String, _ names: [String]) -> Bool {
    let key = normalize(segment)
    guard !key.isEmpty else { return false }
    return names.contains { name in
      !name.isEmpty
        && (key == name || (name.count >= 4 && key.contains(name))
          || (key.count >= 4 && name.contains(key)))
    }
  }
}
