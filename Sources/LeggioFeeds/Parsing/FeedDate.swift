import Foundation
import LeggioModel

/// Reads the dates feeds write: RFC 822 (RSS), RFC 3339 (Atom, JSON Feed) and the broken
/// variants seen in the wild — missing seconds, two-digit years, named zones (EST, CEST),
/// ISO dates without a zone (taken as UTC), day and month names in other languages,
/// asctime's "Mon Jan 2 15:04:05 2006".
///
/// Hand-written rather than `DateFormatter`: one formatter per variant would be slow on a
/// 10,000-item feed, and a tokenizer accepts orders no single pattern does.
public enum FeedDate {
  public static func parse(_ text: String) -> Date? {
    let trimmed = FeedTextCleaner.clean(text)
    guard !trimmed.isEmpty else { return nil }
    let bytes = Array(trimmed.utf8)
    if bytes.count >= 10, isDigit(bytes[0]), isDigit(bytes[3]), bytes[4] == UInt8(ascii: "-") {
      return parseISO(bytes)
    }
    return parseStrictRFC822(bytes) ?? parseRFC822(trimmed)
  }

  // MARK: RFC 822 as most feeds write it, read byte by byte

  private static let englishMonths: [UInt32: Int] = {
    var table: [UInt32: Int] = [:]
    for (index, name) in [
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .enumerated() {
      let b = Array(name.utf8)
      table[UInt32(b[0]) << 16 | UInt32(b[1]) << 8 | UInt32(b[2])] = index + 1
    }
    return table
  }()

  /// "Mon, 1 Sep 2025 10:05:00 +0200" (day name optional, seconds optional, zone as
  /// digits or GMT/UT/Z). Anything else returns nil for the tolerant tokenizer.
  private static func parseStrictRFC822(_ b: [UInt8]) -> Date? {
    var i = 0
    if i + 4 < b.count, isLetter(b[0]), isLetter(b[1]), isLetter(b[2]), b[3] == UInt8(ascii: ",") {
      i = 4
      while i < b.count, b[i] == 32 { i += 1 }
    }
    var day = 0
    var digits = 0
    while i < b.count, isDigit(b[i]), digits < 2 {
      day = day * 10 + Int(b[i] - 48)
      i += 1
      digits += 1
    }
    guard digits > 0, i + 5 < b.count, b[i] == 32 else { return nil }
    i += 1
    let key = UInt32(b[i] | 0x20) << 16 | UInt32(b[i + 1] | 0x20) << 8 | UInt32(b[i + 2] | 0x20)
    guard let month = englishMonths[key], b[i + 3] == 32 else { return nil }
    i += 4
    guard let year = number(b, &i, digits: 4), consume(b, &i, " "),
      let hour = number(b, &i, digits: 2), consume(b, &i, ":"),
      let minute = number(b, &i, digits: 2)
    else { return nil }
    var second = 0
    if consume(b, &i, ":") {
      guard let s = number(b, &i, digits: 2) else { return nil }
      second = s
    }
    guard consume(b, &i, " ") else {
      return i == b.count ? makeDate(year, month, day, hour, minute, Double(second), 0) : nil
    }
    var offset = 0
    if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
      let negative = b[i] == UInt8(ascii: "-")
      i += 1
      guard let value = number(b, &i, digits: 4), i == b.count else { return nil }
      offset = (negative ? -1 : 1) * ((value / 100) * 3600 + (value % 100) * 60)
    } else {
      let zone = String(decoding: b[i...], as: UTF8.self)
      guard zone == "GMT" || zone == "UT" || zone == "UTC" || zone == "Z" else { return nil }
    }
    return makeDate(year, month, day, hour, minute, Double(second), offset)
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
  }

  // MARK: ISO 8601 / RFC 3339

  private static func parseISO(_ b: [UInt8]) -> Date? {
    var i = 0
    guard let year = number(b, &i, digits: 4), consume(b, &i, "-"),
      let month = number(b, &i, digits: 2), consume(b, &i, "-"),
      let day = number(b, &i, digits: 2)
    else { return nil }
    var hour = 0
    var minute = 0
    var second = 0.0
    if i < b.count, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == 32 {
      i += 1
      while i < b.count, b[i] == 32 { i += 1 }
      guard let h = number(b, &i, digits: 2), consume(b, &i, ":"), let m = number(b, &i, digits: 2)
      else { return nil }
      hour = h
      minute = m
      if consume(b, &i, ":"), let s = number(b, &i, digits: 2) {
        second = Double(s)
        if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
          i += 1
          var scale = 0.1
          while i < b.count, isDigit(b[i]) {
            second += Double(b[i] - 48) * scale
            scale /= 10
            i += 1
          }
        }
      }
    }
    while i < b.count, b[i] == 32 { i += 1 }
    var offset = 0
    if i < b.count {
      let rest = String(decoding: b[i...], as: UTF8.self)
      guard let zone = zoneOffset(rest) else { return nil }
      offset = zone
    }
    return makeDate(year, month, day, hour, minute, second, offset)
  }

  // MARK: RFC 822 and its wild variants

  private static func parseRFC822(_ text: String) -> Date? {
    var day: Int?
    var month: Int?
    var year: Int?
    var time: (Int, Int, Double)?
    var offset: Int?
    let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" })
    for raw in tokens {
      var token = String(raw)
      if token.contains(":"), time == nil {
        // "20:15:04Z" or "20:15:04+0100": split a zone glued to the time.
        if let cut = token.firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) {
          offset = zoneOffset(String(token[cut...]))
          token = String(token[..<cut])
        }
        let parts = token.split(separator: ":")
        guard parts.count >= 2, let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        time = (h, m, parts.count > 2 ? Double(parts[2]) ?? 0 : 0)
      } else if let value = Int(token), token.first?.isNumber == true {
        if token.count == 4, year == nil, day != nil || month != nil || value > 31 {
          year = value
        } else if day == nil, value >= 1, value <= 31 {
          day = value
        } else if year == nil {
          year = token.count <= 2 ? (value < 50 ? 2000 + value : 1900 + value) : value
        }
      } else if let zone = zoneOffset(token), month != nil || time != nil {
        offset = zone
      } else if let m = monthNumber(token) {
        month = m  // the last name wins: "mar, 15 nov" starts with Italian Tuesday
      }
      // Anything else (a day name in any language, "at", a dot) is ignored.
    }
    guard let day, let month, let year else { return nil }
    let (h, m, s) = time ?? (0, 0, 0)
    return makeDate(year, month, day, h, m, s, offset ?? 0)
  }

  private static let months: [String: Int] = {
    var table: [String: Int] = [:]
    let names: [[String]] = [
      ["jan", "gen", "ene", "janv", "jän", "sty", "led"],
      ["feb", "fév", "fev", "fevr", "févr", "lut"],
      ["mar", "mär", "mrz", "märz"],
      ["apr", "avr", "abr", "kwi"],
      ["may", "mag", "mai", "mei", "maj"],
      ["jun", "giu", "juin", "juni", "cze"],
      ["jul", "lug", "juil", "juli", "lip"],
      ["aug", "ago", "août", "aou", "sie"],
      ["sep", "set", "sept", "wrz"],
      ["oct", "ott", "okt", "out", "paź"],
      ["nov", "lis"],
      ["dec", "dic", "déc", "dez", "dek", "gru"],
    ]
    for (index, group) in names.enumerated() {
      for name in group { table[name] = index + 1 }
    }
    return table
  }()

  private static func monthNumber(_ token: String) -> Int? {
    let word = token.lowercased().filter { $0 != "." }
    guard word.count >= 3 else { return nil }
    if let exact = months[word] { return exact }
    for length in [4, 3] where word.count >= length {
      if let month = months[String(word.prefix(length))] { return month }
    }
    return nil
  }

  private static let namedZones: [String: Int] = [
    "Z": 0, "UT": 0, "UTC": 0, "GMT": 0, "WET": 0,
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "AKST": -9, "AKDT": -8, "HST": -10, "AST": -4, "ADT": -3, "NST": -3,
    "BST": 1, "IST": 1, "CET": 1, "MET": 1, "WEST": 1, "CEST": 2, "MEST": 2, "MESZ": 2,
    "MEZ": 1, "EET": 2, "EEST": 3, "MSK": 3, "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11,
    "ACST": 9, "AWST": 8, "NZST": 12, "NZDT": 13,
  ]

  /// Seconds east of UTC for "Z", "+01:00", "-0500", "+01", "GMT+2", "CEST"...
  static func zoneOffset(_ token: String) -> Int? {
    var text = Substring(token)
    while let first = text.first, first == "(" || first == "[" || first == " " {
      text = text.dropFirst()
    }
    while let last = text.last, last == ")" || last == "]" || last == " " { text = text.dropLast() }
    guard !text.isEmpty, text.count <= 10 else { return nil }
    let upper = text.uppercased()
    if let hours = namedZones[upper] { return hours * 3600 }
    for prefix in ["GMT", "UTC", "UT"] where upper.hasPrefix(prefix) {
      text = text.dropFirst(prefix.count)
    }
    guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
    let digits = text.dropFirst().filter { $0 != ":" }
    guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isASCII),
      let value = Int(digits)
    else { return nil }
    let (hours, minutes) = digits.count <= 2 ? (value, 0) : (value / 100, value % 100)
    guard hours <= 14, minutes < 60 else { return nil }
    return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
  }

  // MARK: Helpers

  private static func makeDate(
    _ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Double,
    _ offset: Int
  ) -> Date? {
    guard (1...12).contains(month), (1...31).contains(day), (0...24).contains(hour),
      (0...59).contains(minute), second < 61, year > 0
    else { return nil }
    let days = CivilDays.since1970(year: year, month: month, day: day)
    let seconds =
      Double(days * 86400 + hour * 3600 + minute * 60 - offset) + second
    return Date(timeIntervalSince1970: seconds)
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

  private static func number(_ b: [UInt8], _ i: inout Int, digits: Int) -> Int? {
    guard i + digits <= b.count else { return nil }
    var value = 0
    for k in i..<(i + digits) {
      guard isDigit(b[k]) else { return nil }
      value = value * 10 + Int(b[k] - 48)
    }
    i += digits
    return value
  }

  private static func consume(_ b: [UInt8], _ i: inout Int, _ character: Character) -> Bool {
    guard i < b.count, b[i] == character.asciiValue else { return false }
    i += 1
    return true
  }
}
