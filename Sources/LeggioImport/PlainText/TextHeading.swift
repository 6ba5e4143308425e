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
    if let decided = line.utf8.withContiguousStorageIfAvailable(asciiFullLevel), let decided {
      return decided
    }
    return characterFullLevel(of: line)
  }

  /// `fullLevel` by `Character`s: the definition, and the way for lines with other bytes
  /// than printable ASCII.
  static func characterFullLevel(of line: String) -> Int? {
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
  /// The level `characterFullLevel` gives a line of printable ASCII and of the other
  /// scalars `latinWidth` admits (each one `Character`: letters, digits, the punctuation
  /// it tests), read on its bytes: a short line's characters, words and their lower-cased
  /// and trimmed copies were built for each test, 40,000 instructions a line, and 18,000
  /// for each of an Italian book's 286 short lines with an accent or a guillemet. Nil
  /// (not `.some(nil)`) for any other line.
  private static func asciiFullLevel(_ bytes: UnsafeBufferPointer<UInt8>) -> Int?? {
    var characters = 0
    var index = 0
    while index < bytes.count {
      guard let width = latinWidth(bytes, at: index) else { return nil }
      characters += 1
      index += width
    }
    guard characters <= 60, let last = bytes.last, last != 0x2C, last != 0x3B, last != 0x3A
    else { return .some(nil) }
    let words = wordRanges(bytes)
    guard words.count <= 8 else { return .some(nil) }
    var letters = 0
    var hasLowercase = false
    index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A {
        letters += 1
        if byte >= 0x61 { hasLowercase = true }
      } else if byte == 0xC3 && bytes[index + 1] != 0x97 && bytes[index + 1] != 0xB7 {
        // À–ÿ but × and ÷: capitals up to Þ, small letters from ß.
        letters += 1
        if bytes[index + 1] >= 0x9F { hasLowercase = true }
      }
      index += 1
    }
    let isCapitals = letters >= 1 && !hasLowercase
    let namesDivision =
      words.count >= 2
      && words.contains { isLatin(trimmingDots(bytes[$0]), lowercasedIn: keywordBytes) }
    let opensWithNumberedDivision =
      words.count >= 2 && isLatin(bytes[words[0]], lowercasedIn: keywordBytes)
      && bytes[words[1]].allSatisfy({ $0 < 0x80 }) && isASCIINumeral(bytes[words[1]])
    let endsSentence = last == 0x2E || last == 0x21 || last == 0x3F
    if opensWithNumberedDivision || namesDivision && (isCapitals || !endsSentence) {
      return .some(2)
    }
    if isCapitals && letters >= 1 && last != 0x21 && last != 0x3F { return .some(1) }
    return .some(nil)
  }

  /// The length of the scalar at `index` when it is one `asciiFullLevel` reads on bytes,
  /// else nil: printable ASCII; Latin-1's À–ÿ (letters, but × and ÷), and its no-break
  /// space, ¡, §, «, °, ·, » and ¿; the spaces U+2000–U+200A, the dashes, quotes, bullets
  /// and ellipsis U+2010–U+2027, and U+202F–U+203E. None of them joins a neighbour in a
  /// grapheme cluster, none but the letters is a letter or a number, and lower-casing
  /// changes only the capitals À–Þ (× aside), by 0x20 in their last byte.
  private static func latinWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    let byte = bytes[index]
    if byte >= 0x20 && byte < 0x7F { return 1 }
    if byte == 0xC2 || byte == 0xC3 {
      guard index + 1 < bytes.count else { return nil }
      let next = bytes[index + 1]
      if byte == 0xC3 { return next >= 0x80 && next <= 0xBF ? 2 : nil }
      switch next {
      case 0xA0, 0xA1, 0xA7, 0xAB, 0xB0, 0xB7, 0xBB, 0xBF: return 2
      default: return nil
      }
    }
    guard byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return nil }
    let last = bytes[index + 2]
    return last <= 0x8A || (last >= 0x90 && last <= 0xA7) || (last >= 0xAF && last <= 0xBE)
      ? 3 : nil
  }

  /// The length of the word separator at `index` of `bytes`: 1 for a space, a `-` or the
  /// end, 2 for `·` (C2 B7), 0 inside a word.
  @inline(__always)
  private static func separatorLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    guard index < bytes.count else { return 1 }
    let byte = bytes[index]
    if byte == 0x20 || byte == 0x2D { return 1 }
    return byte == 0xC2 && index + 1 < bytes.count && bytes[index + 1] == 0xB7 ? 2 : 0
  }

  /// The byte ranges of the words of `bytes` split at space, `-` and `·` (C2 B7), as
  /// `characterFullLevel` splits its characters, empty words left out.
  private static func wordRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var words: [Range<Int>] = []
    var start = -1
    var index = 0
    while index <= bytes.count {
      let separator = separatorLength(bytes, at: index)
      if separator > 0 {
        if start >= 0 { words.append(start..<index) }
        start = -1
        index += separator
        continue
      }
      if start < 0 { start = index }
      index += 1
    }
    return words
  }

  /// `word` without the dots at its ends.
  private static func trimmingDots(
    _ word: Slice<UnsafeBufferPointer<UInt8>>
  ) -> Slice<UnsafeBufferPointer<UInt8>> {
    var lower = word.startIndex
    var upper = word.endIndex
    while lower < upper && word[lower] == 0x2E { lower += 1 }
    while upper > lower && word[upper - 1] == 0x2E { upper -= 1 }
    return word[lower..<upper]
  }

  /// Whether `word` (scalars `latinWidth` admits) lower-cased is one of `list`: ASCII
  /// capitals and À–Þ (× aside, after C3) lower-cased byte by byte.
  private static func isLatin(
    _ word: Slice<UnsafeBufferPointer<UInt8>>, lowercasedIn list: [[UInt8]]
  ) -> Bool {
    list.contains { entry in
      guard entry.count == word.count else { return false }
      var index = word.startIndex
      for expected in entry {
        var byte = word[index]
        if byte >= 0x41 && byte <= 0x5A {
          byte |= 0x20
        } else if byte >= 0x80 && byte <= 0x9E && byte != 0x97 && index > word.startIndex
          && word[index - 1] == 0xC3
        {
          byte += 0x20
        }
        guard byte == expected else { return false }
        index += 1
      }
      return true
    }
  }

  /// Every keyword as bytes.
  private static let keywordBytes = keywords.map { Array($0.utf8) }

  /// Whether ASCII `word` lower-cased is one of `list` (lower-case ASCII words).
  private static func isASCII(
    _ word: Slice<UnsafeBufferPointer<UInt8>>, lowercasedIn list: [[UInt8]]
  )
    -> Bool
  {
    list.contains { entry in
      entry.count == word.count
        && zip(entry, word).allSatisfy { $0 == (($1 >= 0x41 && $1 <= 0x5A) ? $1 | 0x20 : $1) }
    }
  }

  /// `isNumeral` of an ASCII word.
  private static func isASCIINumeral(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    var lower = word.startIndex
    var upper = word.endIndex
    let trimmed: (UInt8) -> Bool = { $0 == 0x2E || $0 == 0x3A || $0 == 0x29 }
    while lower < upper && trimmed(word[lower]) { lower += 1 }
    while upper > lower && trimmed(word[upper - 1]) { upper -= 1 }
    let bare = word[lower..<upper]
    guard !bare.isEmpty else { return false }
    if bare.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return true }
    if bare.allSatisfy({ "IVXLCDM".utf8.contains($0) }) { return true }
    return isASCII(bare, lowercasedIn: asciiNumeralWords)
  }

  /// `numeralWords` as bytes (all ASCII).
  private static let asciiNumeralWords = numeralWords.map { Array($0.utf8) }

  /// A quick test on the bytes that never refuses a heading: at most 8 words (split at
  /// space, `-` and `·` as `level` splits them) and, unless one of them names a division,
  /// no lowercase ASCII letter. Rules out most paragraphs before any grapheme is built.
  static func mayBeHeading(_ line: String) -> Bool {
    // On the string's own bytes: a copy of them, an array of its words and a set lookup
    // for each word's length and initial were most of this test's cost.
    line.utf8.withContiguousStorageIfAvailable(mayBeHeading(bytes:))
      ?? Array(line.utf8).withUnsafeBufferPointer(mayBeHeading(bytes:))
  }

  private static func mayBeHeading(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    // Most one-line paragraphs are sentences: they fail at their ninth word, before their
    // words are looked at.
    if hasMoreThanEightWords(bytes) { return false }
    // Separators (space, "-", "·" as C2 B7) hold no lower-case ASCII letter.
    guard bytes.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) else { return true }
    var index = 0
    var wordStart = -1
    while index <= bytes.count {
      let separator = separatorLength(bytes, at: index)
      if separator > 0 {
        if wordStart >= 0 {
          let word = bytes[wordStart..<index]
          if mayBeKeyword(word) && isKeyword(word) { return true }
        }
        wordStart = -1
        index += separator
        continue
      }
      if wordStart < 0 { wordStart = index }
      index += 1
    }
    return false
  }

  /// Whether the word, lower-cased and without dots at its ends, is one of `keywords`: an
  /// ASCII word compared byte by byte (building, lower-casing and trimming a `String`
  /// for each short line's words was most of the heading test), any other as a string.
  static func isKeyword<Bytes: Collection<UInt8>>(_ word: Bytes) -> Bool where Bytes.Index == Int {
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
  static func mayBeKeyword<Bytes: Collection<UInt8>>(_ word: Bytes) -> Bool
  where Bytes.Index == Int {
    var lower = word.startIndex
    var upper = word.endIndex
    while lower < upper && word[lower] == 0x2E { lower += 1 }
    while upper > lower && word[upper - 1] == 0x2E { upper -= 1 }
    guard word[lower..<upper].allSatisfy({ $0 < 0x80 }) else { return mayBeKeyword(utf8: word) }
    let length = upper - lower
    guard length < 64, keywordLengths & (1 << UInt64(length)) != 0 else { return false }
    // An initial from "@" on, lower-cased as before (`| 0x20`): bit (initial − 0x40).
    let initial = word[lower] | 0x20
    return initial >= 0x40 && keywordInitials & (1 << UInt64(initial - 0x40)) != 0
  }

  /// `mayBeKeyword` for a word with bytes other than ASCII: false when it holds a scalar
  /// that lower-casing keeps outside every keyword's letters (ASCII and "í"), so that the
  /// lower-cased word cannot be a keyword; trimming takes only dots off its ends. Latin-1's
  /// letters and signs (U+0080–U+00FF: each lower-cases to itself, to its small letter, or
  /// µ to μ) but Í and í, and General Punctuation (U+2000–U+207F, no case: the
  /// typographic apostrophe of "l’uomo") are such scalars; a word with any other is left to
  /// the full test. Most words with an accent (più, perché, così) stop here.
  private static func mayBeKeyword<Bytes: Collection<UInt8>>(utf8 word: Bytes) -> Bool
  where Bytes.Index == Int {
    var index = word.startIndex
    while index + 1 < word.endIndex {
      let byte = word[index]
      let next = word[index + 1]
      if byte == 0xC2 || (byte == 0xC3 && next != 0x8D && next != 0xAD) { return false }
      if byte == 0xE2 && (next == 0x80 || next == 0x81) { return false }
      index += 1
    }
    return true
  }

  /// The UTF-8 lengths of the keywords (bit n for length n) and the first bytes of the
  /// keywords (bit b − 0x40 for byte b): masks, not sets, as this runs for each word of
  /// a short line. Every keyword is shorter than 64 bytes and starts with a lower-case
  /// letter, so the masks hold them all.
  private static let keywordLengths: UInt64 = keywords.reduce(0) {
    $0 | (1 << UInt64($1.utf8.count))
  }
  private static let keywordInitials: UInt64 = keywords.reduce(0) {
    $0 | (1 << UInt64($1.utf8.first! - 0x40))
  }

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
