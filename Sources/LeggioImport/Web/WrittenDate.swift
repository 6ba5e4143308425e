import Foundation

/// Dates as pages write them for people, in running text or a dateline: "5. März 2019",
/// "March 5th, 2019", "5 mars 2019", "5 de marzo de 2019", "5 marca 2019", "05.03.2019",
/// "2019-03-05", and the `/2019/03/05/` of a URL. The result is the calendar day at
/// midnight UTC (the page's own day; no time zone is applied).
package enum WrittenDate {
  /// The first date found in `text`, if any.
  package static func first(in text: String) -> Date? {
    // Every form has a year of 19xx or 20xx in ASCII digits (others would not read as
    // numbers): without four digits in a row the expressions need not run.
    guard hasYear(text) else { return nil }
    let lower = text.lowercased()
    let range = NSRange(lower.startIndex..., in: lower)
    var best: (location: Int, date: Date)?
    for (expression, reader) in patterns {
      guard let match = expression.firstMatch(in: lower, range: range),
        best == nil || match.range.location < best!.location
      else { continue }
      let groups = Self.groups(of: match, in: lower)
      if let date = reader(groups) { best = (match.range.location, date) }
    }
    return best?.date
  }

  /// Whether `first(in:)` finds a date: true as soon as one expression's first match
  /// reads as a date, without running the others (`first` keeps the earliest of all).
  package static func contains(in text: String) -> Bool {
    guard hasYear(text) else { return false }
    let lower = text.lowercased()
    let range = NSRange(lower.startIndex..., in: lower)
    for (expression, reader) in patterns {
      guard let match = expression.firstMatch(in: lower, range: range) else { continue }
      let groups = Self.groups(of: match, in: lower)
      if reader(groups) != nil { return true }
    }
    return false
  }

  /// A match's groups as strings, "" for a group that took no part.
  private static func groups(of match: NSTextCheckingResult, in lower: String) -> [String] {
    (1..<match.numberOfRanges).map { index -> String in
      let range = match.range(at: index)
      guard range.location != NSNotFound, let swiftRange = Range(range, in: lower) else {
        return ""
      }
      return String(lower[swiftRange])
    }
  }

  /// Whether `text` holds four ASCII digits in a row (what a year needs).
  static func hasYear(_ text: String) -> Bool {
    var run = 0
    for byte in text.utf8 {
      run = byte >= 0x30 && byte <= 0x39 ? run + 1 : 0
      if run == 4 { return true }
    }
    return false
  }

  /// A day-first date with a two-digit year, "23.09.22", every part two digits: read only
  /// where a dateline is expected (an element marked as a date, a short line by the
  /// headline), since elsewhere the form is as likely a version ("2.01.19") or a score.
  /// Years up to this one's are 20xx.
  package static func firstWithShortYear(in text: String) -> Date? {
    let range = NSRange(text.startIndex..., in: text)
    guard let match = shortYearPattern.firstMatch(in: text, range: range) else { return nil }
    let groups = (1...3).map { String(text[Range(match.range(at: $0), in: text)!]) }
    guard let short = Int(groups[2]) else { return nil }
    let thisYear = Calendar(identifier: .gregorian).component(.year, from: Date()) % 100
    let year = short <= thisYear ? 2000 + short : 1900 + short
    return day(year: String(year), month: groups[1], day: groups[0])
  }

  private static let shortYearPattern = regex(
    #"(?<![\d.])(\d\d)\.(\d\d)\.(\d\d)(?![\d.])"#)

  /// A date in a URL's path: `/2019/03/05/`, `/2019-03-05-`, `/20190305/`.
  package static func inURL(_ url: URL) -> Date? {
    let path = url.path
    let range = NSRange(path.startIndex..., in: path)
    guard let match = urlPattern.firstMatch(in: path, range: range) else { return nil }
    let groups = (1...3).map { String(path[Range(match.range(at: $0), in: path)!]) }
    return day(year: groups[0], month: groups[1], day: groups[2])
  }

  /// Month names and their common abbreviations in English, German, French, Italian,
  /// Spanish, Portuguese, Dutch and Polish (Polish in the genitive that dates use).
  static let months: [String: Int] = {
    let names: [[String]] = [
      [
        "january", "jan", "januar", "jänner", "janvier", "janv", "gennaio", "gen", "enero", "ene",
        "janeiro", "januari", "stycznia", "styczeń",
      ],
      [
        "february", "feb", "februar", "feber", "février", "févr", "fevrier", "febbraio", "febrero",
        "fevereiro", "fev", "februari", "lutego", "luty",
      ],
      [
        "march", "mar", "märz", "maerz", "mär", "mrz", "mars", "marzo", "março", "maart",
        "marca", "marzec",
      ],
      ["april", "apr", "avril", "avr", "aprile", "abril", "abr", "kwietnia", "kwiecień"],
      ["may", "mai", "maggio", "mag", "mayo", "maio", "mei", "maja", "maj"],
      ["june", "jun", "juni", "juin", "giugno", "giu", "junio", "junho", "czerwca", "czerwiec"],
      [
        "july", "jul", "juli", "juillet", "juil", "luglio", "lug", "julio", "julho", "lipca",
        "lipiec",
      ],
      ["august", "aug", "août", "aout", "agosto", "ago", "augustus", "sierpnia", "sierpień"],
      [
        "september", "sep", "sept", "septembre", "settembre", "set", "septiembre", "setembro",
        "września", "wrzesień",
      ],
      [
        "october", "oct", "oktober", "okt", "octobre", "ottobre", "ott", "octubre", "outubro",
        "out", "października", "październik",
      ],
      ["november", "nov", "novembre", "noviembre", "novembro", "listopada", "listopad"],
      [
        "december", "dec", "dezember", "dez", "décembre", "dicembre", "dic", "diciembre",
        "dezembro", "grudnia", "grudzień",
      ],
    ]
    var table: [String: Int] = [:]
    for (index, list) in names.enumerated() {
      for name in list where table[name] == nil { table[name] = index + 1 }
    }
    return table
  }()

  private static let monthAlternation = months.keys.sorted { $0.count > $1.count }
    .map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")

  private typealias Reader = ([String]) -> Date?

  // NSRegularExpression is immutable and safe to share between threads.
  nonisolated(unsafe) private static let patterns: [(NSRegularExpression, Reader)] = [
    // 2019-03-05, 2019/03/05
    (
      regex(#"(?<!\d)((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"#),
      { day(year: $0[0], month: $0[1], day: $0[2]) }
    ),
    // 5. März 2019, 5 mars 2019, 5 de marzo de 2019, 5th March 2019
    (
      regex(
        #"(?<![\p{L}\d])(\d{1,2})(?:\.|st|nd|rd|th|er)?\s*(?:de\s+)?("# + monthAlternation
          + #")\.?,?\s+(?:de\s+)?((?:19|20)\d\d)(?!\d)"#),
      { groups in
        months[groups[1]].flatMap { day(year: groups[2], month: String($0), day: groups[0]) }
      }
    ),
    // March 5, 2019; March 5th 2019
    (
      regex(
        #"(?<![\p{L}])("# + monthAlternation
          + #")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)(?!\d)"#),
      { groups in
        months[groups[0]].flatMap { day(year: groups[2], month: String($0), day: groups[1]) }
      }
    ),
    // 05.03.2019, 5/3/2019, 05-03-2019, "05 | 03 | 2019" (day first, unless the first
    // number cannot be a day's month)
    (
      regex(#"(?<![\d.-])(\d{1,2}) ?([./|-]) ?(\d{1,2}) ?\2 ?((?:19|20)\d\d)(?!\d)"#),
      { groups in
        day(year: groups[3], month: groups[2], day: groups[0])
          ?? day(year: groups[3], month: groups[0], day: groups[2])
      }
    ),
  ]

  private static let urlPattern = regex(
    #"/((?:19|20)\d\d)[/-]?(\d\d)[/-]?(\d\d)(?:[/_-]|$|\.)"#)

  private static func regex(_ pattern: String) -> NSRegularExpression {
    try! NSRegularExpression(pattern: pattern)
  }

  /// Midnight UTC of a valid calendar day, nil for month 13 or 31 February.
  static func day(year: String, month: String, day: String) -> Date? {
    guard let y = Int(year), let m = Int(month), let d = Int(day), (1...12).contains(m),
      (1...31).contains(d)
    else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let components = DateComponents(year: y, month: m, day: d)
    guard components.isValidDate(in: calendar) else { return nil }
    return calendar.date(from: components)
  }
}
