/// Recognises headings in plain-text books: `CAPITOLO I`, `Inferno · Canto I`,
/// `Chapter 3`, and short lines in capitals (`INFERNO`, `NOTE DEL TRASCRITTORE`).
enum TextHeading {
  /// Words that open or name a division of a book.
  static let keywords: Set<String> = [
    "capitolo", "chapter", "canto", "parte", "part", "libro", "book", "sezione", "section",
    "prologo", "prologue", "epilogo", "epilogue", "introduzione", "introduction", "appendice",
    "appendix", "prefazione", "preface", "chapitre", "kapitel", "capítulo", "atto", "act",
    "scena", "scene",
  ]

  /// The heading level of a one-line paragraph, or nil when it is not a heading:
  /// 1 for a line in capitals, 2 for a numbered division.
  static func level(of line: String) -> Int? {
    // utf8.count is O(1) for native strings and bounds the character count from above.
    guard line.utf8.count <= 240, mayBeHeading(line) else { return nil }
    return fullLevel(of: line)
  }

  /// `level` without the quick test on the bytes.
  static func fullLevel(of line: String) -> Int? {
    guard line.count <= 60, let last = line.last, !",;:".contains(last) else { return nil }
    let words = line.split(whereSeparator: { $0 == " " || $0 == "·" || $0 == "-" })
    guard words.count <= 8 else { return nil }
    let letters = line.filter(\.isLetter)
    let isCapitals = letters.count >= 1 && letters.allSatisfy { !$0.isLowercase }
    let namesDivision =
      words.count >= 2
      && words.contains { keywords.contains($0.lowercased().trimmingCharacters(in: ".")) }
    let opensWithNumberedDivision =
      words.count >= 2 && keywords.contains(words[0].lowercased()) && isNumeral(words[1])
    if opensWithNumberedDivision || namesDivision && (isCapitals || !".!?".contains(last)) {
      return 2
    }
    if isCapitals && letters.count >= 1 && !"!?".contains(last) { return 1 }
    return nil
  }
}

extension TextHeading {
  /// A quick test on the bytes that never refuses a heading: at most 8 words (split at
  /// space, `-` and `·` as `level` splits them) and, unless one of them names a division,
  /// no lowercase ASCII letter. Rules out most paragraphs before any grapheme is built.
  static func mayBeHeading(_ line: String) -> Bool {
    // Most one-line paragraphs are sentences: they fail at their ninth word, before the
    // line is copied and its words are listed.
    if line.utf8.withContiguousStorageIfAvailable({ hasMoreThanEightWords($0) }) == true {
      return false
    }
    let bytes = Array(line.utf8)
    var words: [Range<Int>] = []
    var wordStart: Int?
    var index = 0
    var hasLowercase = false
    while index < bytes.count {
      let byte = bytes[index]
      let separator =
        byte == 0x20 || byte == 0x2D
        ? 1 : (byte == 0xC2 && index + 1 < bytes.count && bytes[index + 1] == 0xB7 ? 2 : 0)
      if separator > 0 {
        if let start = wordStart { words.append(start..<index) }
        wordStart = nil
        index += separator
        continue
      }
      if wordStart == nil { wordStart = index }
      if byte >= 0x61 && byte <= 0x7A { hasLowercase = true }
      index += 1
    }
    if let start = wordStart { words.append(start..<bytes.count) }
    guard words.count <= 8 else { return false }
    guard hasLowercase else { return true }
    return words.contains { range in mayBeKeyword(bytes[range]) && isKeyword(bytes[range]) }
  }

  /// Whether the word, lower-cased and without dots at its ends, is one of `keywords`: an
  /// ASCII word compared byte by byte (building, lower-casing and trimming a `String`
  /// for each short line's words was most of the heading test), any other as a string.
  static func isKeyword(_ word: ArraySlice<UInt8>) -> Bool {
    var lower = word.startIndex
    var upper = word.endIndex
    while lower < upper && word[lower] == 0x2E { lower += 1 }
    while upper > lower && word[upper - 1] == 0x2E { upper -= 1 }
    guard word.allSatisfy({ $0 < 0x80 }) else {
      return keywords.contains(
        String(decoding: word, as: UTF8.self).lowercased().trimmingCharacters(in: "."))
    }
    let bare = word[lower..<upper]
    return asciiKeywords.contains { keyword in
      keyword.count == bare.count
        && zip(keyword, bare).allSatisfy { $0 == (($1 >= 0x41 && $1 <= 0x5A) ? $1 | 0x20 : $1) }
    }
  }

  /// The keywords that are ASCII, as bytes.
  private static let asciiKeywords = keywords.map { Array($0.utf8) }.filter {
    $0.allSatisfy { $0 < 0x80 }
  }

  /// Whether `bytes` hold more than eight words as `mayBeHeading` splits them; stops at
  /// the ninth word's first byte.
  static func hasMoreThanEightWords(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var words = 0
    var inWord = false
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      let separator =
        byte == 0x20 || byte == 0x2D
        ? 1 : (byte == 0xC2 && index + 1 < count && bytes[index + 1] == 0xB7 ? 2 : 0)
      if separator > 0 {
        inWord = false
        index += separator
        continue
      }
      if !inWord {
        inWord = true
        words += 1
        if words > 8 { return true }
      }
      index += 1
    }
    return false
  }

  /// False only for a word that cannot be a keyword once lower-cased and stripped of
  /// dots: an ASCII word of another length or initial. Spares building, lower-casing and
  /// trimming a `String` for most words of a one-line paragraph. Words with other bytes
  /// (whose lower case may change length or even become ASCII) are left to the full test.
  static func mayBeKeyword(_ word: ArraySlice<UInt8>) -> Bool {
    var lower = word.startIndex
    var upper = word.endIndex
    while lower < upper && word[lower] == 0x2E { lower += 1 }
    while upper > lower && word[upper - 1] == 0x2E { upper -= 1 }
    guard word[lower..<upper].allSatisfy({ $0 < 0x80 }) else { return true }
    return keywordLengths.contains(upper - lower) && keywordInitials.contains(word[lower] | 0x20)
  }

  /// The UTF-8 lengths and the first bytes of the ASCII keywords.
  private static let keywordLengths = Set(keywords.map(\.utf8.count))
  private static let keywordInitials = Set(keywords.compactMap(\.utf8.first))

  /// "12", "XIV.", "primo", "First": the number of a chapter or canto.
  static func isNumeral(_ word: Substring) -> Bool {
    let bare = word.trimmingCharacters(in: ".:)")
    guard !bare.isEmpty else { return false }
    if bare.allSatisfy(\.isNumber) { return true }
    if bare.uppercased() == bare && bare.allSatisfy({ "IVXLCDM".contains($0) }) { return true }
    return numeralWords.contains(bare.lowercased())
  }

  /// Numbers written out: a set built once (built for each test, it was most of its cost).
  private static let numeralWords: Set<String> = [
    "primo", "secondo", "terzo", "quarto", "quinto", "sesto", "settimo", "ottavo", "nono",
    "decimo", "unico", "first", "second", "third", "one", "two", "three", "four", "five",
    "premier", "erstes",
  ]
}

extension StringProtocol {
  fileprivate func trimmingCharacters(in characters: String) -> String {
    var slice = Substring(self)
    while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
    while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
    return String(slice)
  }
}
