/// A whole line read as a numeric dateline, `16.08.2023 20:24` or `16-08-23, ore 20.24`:
/// what the expression
/// `(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?:\s*[,|·–-]?\s*(?:(?:ore|alle|um|à|at|h)\s*)?`
/// `(\d{1,2})[:.h](\d{2})(?:[:.]\d{2})?\s*([ap]\.?m\.?)?)?` matches, case aside, written
/// out by hand over the line's characters (digits are ASCII ones). Building that
/// expression was most of the cost of importing a short article.
struct NumericDateline {
  var day: Int
  var month: Int
  var year: Int
  var time: (hour: Int, minute: Int, meridiem: String?)?

  init?(_ text: String) {
    let characters = Array(text)
    var index = 0
    guard let day = Self.number(characters, &index, atMost: 2),
      Self.isDateSeparator(characters, index)
    else { return nil }
    index += 1
    guard let month = Self.number(characters, &index, atMost: 2),
      Self.isDateSeparator(characters, index)
    else { return nil }
    index += 1
    self.day = day
    self.month = month
    // Four digits for the year, else two (and then a time may follow at once).
    let yearStart = index
    for length in [4, 2] {
      index = yearStart
      guard let year = Self.digits(characters, &index, exactly: length) else { continue }
      if index == characters.count {
        self.year = year
        time = nil
        return
      }
      if let time = Self.time(characters, from: index) {
        self.year = year
        self.time = time
        return
      }
    }
    return nil
  }

  /// The time that fills the rest of the line from `start`.
  private static func time(_ characters: [Character], from start: Int)
    -> (hour: Int, minute: Int, meridiem: String?)?
  {
    var index = start
    skipSpaces(characters, &index)
    if index < characters.count, ",|·–-".contains(characters[index]) { index += 1 }
    skipSpaces(characters, &index)
    for word in ["ore", "alle", "um", "à", "at", "h"] where matches(word, characters, at: index) {
      index += word.count
      skipSpaces(characters, &index)
      break
    }
    guard let hour = number(characters, &index, atMost: 2), index < characters.count,
      ":.h".contains(lowercased(characters[index]))
    else { return nil }
    index += 1
    guard let minute = digits(characters, &index, exactly: 2) else { return nil }
    if index < characters.count, ":.".contains(characters[index]) {
      var seconds = index + 1
      if digits(characters, &seconds, exactly: 2) != nil { index = seconds }
    }
    skipSpaces(characters, &index)
    var meridiem: String?
    if index < characters.count, "ap".contains(lowercased(characters[index])) {
      var end = index + 1
      if end < characters.count, characters[end] == "." { end += 1 }
      if end < characters.count, lowercased(characters[end]) == "m" {
        end += 1
        if end < characters.count, characters[end] == "." { end += 1 }
        meridiem = String(characters[index..<end])
        index = end
      }
    }
    guard index == characters.count else { return nil }
    return (hour, minute, meridiem)
  }

  /// One or two ASCII digits (as many as there are).
  private static func number(_ characters: [Character], _ index: inout Int, atMost limit: Int)
    -> Int?
  {
    var value = 0
    var length = 0
    while length < limit, index < characters.count, let digit = digit(characters[index]) {
      value = value * 10 + digit
      index += 1
      length += 1
    }
    return length > 0 ? value : nil
  }

  private static func digits(_ characters: [Character], _ index: inout Int, exactly count: Int)
    -> Int?
  {
    var value = 0
    for _ in 0..<count {
      guard index < characters.count, let digit = digit(characters[index]) else { return nil }
      value = value * 10 + digit
      index += 1
    }
    return value
  }

  private static func digit(_ character: Character) -> Int? {
    guard let ascii = character.asciiValue, (0x30...0x39).contains(ascii) else { return nil }
    return Int(ascii - 0x30)
  }

  private static func isDateSeparator(_ characters: [Character], _ index: Int) -> Bool {
    index < characters.count && "./-".contains(characters[index])
  }

  private static func skipSpaces(_ characters: [Character], _ index: inout Int) {
    while index < characters.count, characters[index].isWhitespace { index += 1 }
  }

  /// Whether `word` (lower case) is at `index`, case aside.
  private static func matches(_ word: String, _ characters: [Character], at index: Int) -> Bool {
    var position = index
    for expected in word {
      guard position < characters.count, lowercased(characters[position]) == expected else {
        return false
      }
      position += 1
    }
    return true
  }

  private static func lowercased(_ character: Character) -> Character {
    if let ascii = character.asciiValue {
      return (0x41...0x5A).contains(ascii) ? Character(Unicode.Scalar(ascii + 0x20)) : character
    }
    let lower = character.lowercased()
    return lower.count == 1 ? Character(lower) : character
  }
}
