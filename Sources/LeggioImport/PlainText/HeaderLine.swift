import Foundation

/// What a line near the top of a plain-text article says about the article, if
/// anything: a photo credit, a byline, a dateline, or a byline and dateline together
/// (`Red. Online, 16.08.2023 20:24`).
enum HeaderLine: Equatable {
  case credit(String)
  case byline(String)
  case dateline(String, Date)
  case bylineAndDateline(String, String, Date)

  /// News agencies and desk names that make up a byline on their own.
  static let agencies: Set<String> = [
    "ansa", "agi", "adnkronos", "askanews", "lapresse", "ap", "afp", "reuters", "dpa", "ats",
    "keystone-ats", "sda", "apa", "efe", "upi", "bloomberg", "kyodo", "xinhua", "tass",
    "associated press", "agence france-presse", "red", "red.", "redazione", "online", "web",
    "agenzia", "agenzie", "cdt", "cdt.ch", "rsi", "srf", "swissinfo", "staff",
  ]

  /// Classifies `line`, or returns nil when it is ordinary text.
  static func classify(_ line: String, timeZone: TimeZone) -> HeaderLine? {
    let text = line.trimmingSpaces()
    guard !text.isEmpty, text.count <= 160 else { return nil }
    if let credit = credit(text) { return .credit(credit) }
    if let date = DatelineParser.parse(text, timeZone: timeZone) {
      return .dateline(text, date)
    }
    if let both = splitBylineAndDateline(text, timeZone: timeZone) { return both }
    return byline(text).map(HeaderLine.byline)
  }

  /// A photo credit: `© AP Photo/…`, `Foto: Keystone`, `Photo Reuters`, `Ph. Rossi`.
  static func credit(_ text: String) -> String? {
    let lower = text.lowercased()
    if lower.hasPrefix("©") || lower.hasPrefix("(c) ") || lower.hasPrefix("copyright ") {
      return text
    }
    let keywords = [
      "foto", "fotografia", "photo", "photos", "ph.", "credit", "credits", "image", "immagine",
      "bild", "picture", "keystone",
    ]
    guard let word = lower.split(whereSeparator: { $0 == " " || $0 == ":" }).first,
      keywords.contains(String(word)) || keywords.contains(String(word) + ".")
    else { return nil }
    let rest = lower.dropFirst(word.count)
    let looksLikeCredit =
      rest.hasPrefix(":") || rest.contains("©") || text.contains("/") || text.count <= 60
    return looksLikeCredit && !text.hasSuffix(".") ? text : nil
  }

  /// A byline, returned without its "di"/"By" prefix: `di Mario Rossi` → `Mario Rossi`;
  /// desk and agency lines (`Red. Online`, `Redazione`, `ANSA`, `AP/Reuters`) as printed.
  static func byline(_ text: String) -> String? {
    guard text.count <= 80, !text.hasSuffix(":"), !text.hasSuffix(".") || text.count <= 12
    else { return nil }
    let lower = text.lowercased()
    for prefix in ["di ", "by ", "von ", "par ", "por ", "a cura di ", "testo di ", "written by "]
    where lower.hasPrefix(prefix) {
      let name = text.dropFirst(prefix.count).trimmingSpaces()
      return isName(name) ? name : nil
    }
    if lower.hasPrefix("red.") || lower.hasPrefix("redazione") || lower.hasPrefix("agenzia") {
      return text.count <= 50 ? text : nil
    }
    let parts = lower.split(whereSeparator: { "/,&+|".contains($0) }).map {
      $0.trimmingSpaces()
    }
    if !parts.isEmpty && parts.allSatisfy({ agencies.contains($0) || isAgencyPair($0) }) {
      return text
    }
    return nil
  }

  /// "ap photo" or "ansa foto" style pairs inside an agency list.
  private static func isAgencyPair(_ part: String) -> Bool {
    let words = part.split(separator: " ").map(String.init)
    return words.count == 2 && agencies.contains(words[0]) && agencies.contains(words[1])
  }

  /// One to six capitalised words ("Mario Rossi", "Jane van der Berg", "M. Rossi e L. Bianchi").
  private static func isName(_ name: String) -> Bool {
    let words = name.split(separator: " ")
    guard (1...8).contains(words.count), name.count <= 60 else { return false }
    let joiners: Set<String> = [
      "e", "and", "und", "et", "y", "van", "von", "der", "de", "di", "da",
    ]
    return words.allSatisfy { word in
      joiners.contains(word.lowercased()) || word.first?.isUppercase == true
        || word.first == "@"
    }
  }

  /// `Red. Online, 16.08.2023 20:24` or `di Mario Rossi · 16 agosto 2023`.
  private static func splitBylineAndDateline(_ text: String, timeZone: TimeZone) -> HeaderLine? {
    for separator in [" · ", " | ", " — ", " – ", " - ", ", "] {
      var searchStart = text.startIndex
      while let range = text.range(of: separator, range: searchStart..<text.endIndex) {
        let left = String(text[..<range.lowerBound])
        let right = String(text[range.upperBound...])
        if let byline = byline(left), let date = DatelineParser.parse(right, timeZone: timeZone) {
          return .bylineAndDateline(byline, right.trimmingSpaces(), date)
        }
        searchStart = range.upperBound
      }
    }
    return nil
  }
}
