import Foundation

/// Reads the date and time of a dateline in the forms Italian, Swiss, English and ISO
/// sources print: `16.08.2023 20:24`, `16 agosto 2023, 20:24`, `16 agosto 2023 ore 20:24`,
/// `mercoledì 16 agosto 2023`, `August 16, 2023 8:24 PM`, `2023-08-16T20:24`,
/// `16/08/2023`. The whole line must be a dateline (a "Pubblicato il" prefix aside), so
/// body sentences that merely mention a date are not taken for one.
public enum DatelineParser {

  // Regex literals are compiled when first used; kept here so that happens once.
  nonisolated(unsafe) private static let isoPattern =
    #/(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/#
  nonisolated(unsafe) private static let dayMonthYearPattern =
    #/(?:\p{L}+\.?,?\s+)?(\d{1,2})(?:\.|º|°)?\s+(\p{L}+)\.?\s+(\d{4})(?:\s*[,|·–-]?\s*(?:(?:ore|alle|um|à|at|h)\s*)?(\d{1,2})[:.h](\d{2})\s*([ap]\.?m\.?)?)?/#
    .ignoresCase()
  nonisolated(unsafe) private static let monthDayYearPattern =
    #/(?:\p{L}+,?\s+)?(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:\s*[,|·–-]?\s*(?:at\s*)?(\d{1,2})[:.](\d{2})\s*([ap]\.?m\.?)?)?/#
    .ignoresCase()
  /// The date a dateline names, read in `timeZone` unless the line carries an offset.
  public static func parse(_ line: String, timeZone: TimeZone = .current) -> Date? {
    let text = stripPrefix(line.trimmingSpaces())
    guard !text.isEmpty, text.count <= 60, text.contains(where: \.isNumber) else { return nil }
    // The two expressions with month names need a year of four digits: without one,
    // they are not built.
    let named = { hasFourDigits(text) ? dayMonthYear(text) ?? monthDayYear(text) : nil }
    if let fields = iso(text) ?? numeric(text) ?? named() {
      return fields.date(in: timeZone)
    }
    return nil
  }

  /// Month names and abbreviations in Italian, English, French and German.
  static let months: [String: Int] = {
    let names: [[String]] = [
      ["gennaio", "january", "janvier", "januar", "gen", "jan"],
      ["febbraio", "february", "février", "fevrier", "februar", "feb", "fév", "fev"],
      ["marzo", "march", "mars", "märz", "marz", "mar"],
      ["aprile", "april", "avril", "apr", "avr"],
      ["maggio", "may", "mai", "mag"],
      ["giugno", "june", "juin", "juni", "giu", "jun"],
      ["luglio", "july", "juillet", "juli", "lug", "jul", "juil"],
      ["agosto", "august", "août", "aout", "ago", "aug"],
      ["settembre", "september", "septembre", "set", "sep", "sept"],
      ["ottobre", "october", "octobre", "oktober", "ott", "oct", "okt"],
      ["novembre", "november", "nov"],
      ["dicembre", "december", "décembre", "decembre", "dezember", "dic", "dec", "dez"],
    ]
    var table: [String: Int] = [:]
    for (index, words) in names.enumerated() {
      for word in words { table[word] = index + 1 }
    }
    return table
  }()

  private static func stripPrefix(_ text: String) -> String {
    let prefixes = [
      "pubblicato il", "pubblicato", "aggiornato il", "aggiornato", "published on", "published",
      "updated on", "updated", "posted on", "posted", "data:", "date:", "publié le",
      "veröffentlicht",
    ]
    let lower = text.lowercased()
    for prefix in prefixes where lower.hasPrefix(prefix) {
      let rest = text.dropFirst(prefix.count).drop { $0 == ":" || $0.isWhitespace }
      return String(rest)
    }
    return text
  }

  /// `2023-08-16`, `2023-08-16T20:24`, `2023-08-16 20:24:05+02:00`.
  private static func iso(_ text: String) -> Fields? {
    // The expression is built (and run) only for a line that starts as one: building it
    // is most of what a short article's import costs.
    let head = Array(text.prefix(5))
    guard head.count == 5, head[4] == "-", head.prefix(4).allSatisfy(isDigitLike) else {
      return nil
    }
    let pattern =
      Self.isoPattern
    guard let match = text.wholeMatch(of: pattern) else { return nil }
    var fields = Fields(year: Int(match.1)!, month: Int(match.2)!, day: Int(match.3)!)
    fields.setTime(hour: match.4, minute: match.5, meridiem: nil)
    if let zone = match.7 { fields.offsetSeconds = offset(String(zone)) }
    return fields
  }

  /// `16.08.2023 20:24`, `16/08/2023`, `16-08-23, ore 20.24`; month first only when the
  /// day-first reading is impossible (`08/16/2023`). Read by `NumericDateline`, not an
  /// expression: building one cost a short article's import 4 ms.
  private static func numeric(_ text: String) -> Fields? {
    guard let match = NumericDateline(text) else { return nil }
    var day = match.day
    var month = match.month
    if month > 12 && day <= 12 { swap(&day, &month) }
    var fields = Fields(year: fullYear(match.year), month: month, day: day)
    if let time = match.time {
      fields.setTime(
        hour: Substring(String(time.hour)), minute: Substring(String(time.minute)),
        meridiem: time.meridiem.map { Substring($0) })
    }
    return fields
  }

  /// `16 agosto 2023, 20:24`, `mercoledì 16 agosto 2023 ore 20:24`, `16 Aug 2023`.
  private static func dayMonthYear(_ text: String) -> Fields? {
    let pattern =
      Self.dayMonthYearPattern
    guard let match = text.wholeMatch(of: pattern),
      let month = months[String(match.2).lowercased()]
    else { return nil }
    var fields = Fields(year: Int(match.3)!, month: month, day: Int(match.1)!)
    fields.setTime(hour: match.4, minute: match.5, meridiem: match.6)
    return fields
  }

  /// `August 16, 2023 8:24 PM`, `Wednesday, Aug. 16, 2023 at 20:24`.
  private static func monthDayYear(_ text: String) -> Fields? {
    let pattern =
      Self.monthDayYearPattern
    guard let match = text.wholeMatch(of: pattern),
      let month = months[String(match.1).lowercased()]
    else { return nil }
    var fields = Fields(year: Int(match.3)!, month: month, day: Int(match.2)!)
    fields.setTime(hour: match.4, minute: match.5, meridiem: match.6)
    return fields
  }

  /// Whether four digits (of any script, as `\d` reads them) follow one another.
  private static func hasFourDigits(_ text: String) -> Bool {
    var run = 0
    for character in text {
      run = isDigitLike(character) ? run + 1 : 0
      if run == 4 { return true }
    }
    return false
  }

  /// Whatever `\d` may match: a quick test before an expression is built.
  private static func isDigitLike(_ character: Character) -> Bool {
    character.isNumber || character.isWholeNumber
  }

  private static func fullYear(_ year: Int) -> Int {
    year >= 100 ? year : (year < 70 ? 2000 + year : 1900 + year)
  }

  private static func offset(_ zone: String) -> Int {
    if zone.uppercased() == "Z" { return 0 }
    let sign = zone.hasPrefix("-") ? -1 : 1
    let digits = zone.filter(\.isNumber)
    guard digits.count == 4, let hours = Int(digits.prefix(2)), let minutes = Int(digits.suffix(2))
    else { return 0 }
    return sign * (hours * 3600 + minutes * 60)
  }

  /// The parts of a date as read, checked when turned into a `Date`.
  private struct Fields {
    var year: Int
    var month: Int
    var day: Int
    var hour = 0
    var minute = 0
    var offsetSeconds: Int?
    var valid = true

    init(year: Int, month: Int, day: Int) {
      self.year = year
      self.month = month
      self.day = day
    }

    mutating func setTime(hour: Substring?, minute: Substring?, meridiem: Substring?) {
      guard let hour, let minute, var h = Int(hour), let m = Int(minute) else { return }
      if let meridiem {
        let pm = meridiem.lowercased().hasPrefix("p")
        guard (1...12).contains(h) else {
          valid = false
          return
        }
        h = h % 12 + (pm ? 12 : 0)
      }
      valid = valid && (0...23).contains(h) && (0...59).contains(m)
      self.hour = h
      self.minute = m
    }

    /// The moment, counted in the proleptic Gregorian calendar (Foundation's would
    /// count days before October 1582 in the Julian one): a `Calendar` made for it cost
    /// more than the rest of a short article's import (its first use sets up
    /// Foundation's calendars, 1.4 M instructions).
    func date(in timeZone: TimeZone) -> Date? {
      guard valid, (1...12).contains(month), (1000...9999).contains(year),
        (1...Self.days(inMonth: month, of: year)).contains(day)
      else { return nil }
      let local =
        Self.daysSinceEpoch(year: year, month: month, day: day) * 86_400
        + hour * 3_600 + minute * 60
      if let offsetSeconds { return Date(timeIntervalSince1970: Double(local - offsetSeconds)) }
      // The zone's offset a day before, unless it changed since: a wall-clock time that
      // a change of offset makes happen twice is its first, one it skips is read with
      // the offset before it (as Foundation's calendar reads them).
      func offset(at seconds: Int) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
      }
      let before = offset(at: local - 86_400)
      let early = local - before
      let after = offset(at: early)
      guard after != before else { return Date(timeIntervalSince1970: Double(early)) }
      let late = local - after
      return Date(timeIntervalSince1970: Double(offset(at: late) == after ? late : early))
    }

    static func days(inMonth month: Int, of year: Int) -> Int {
      switch month {
      case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
      case 4, 6, 9, 11: 30
      default: 31
      }
    }

    /// Days from 1970-01-01 to the date (Howard Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
      let y = month <= 2 ? year - 1 : year
      let era = (y >= 0 ? y : y - 399) / 400
      let yearOfEra = y - era * 400
      let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
      let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
      return era * 146_097 + dayOfEra - 719_468
    }
  }
}
