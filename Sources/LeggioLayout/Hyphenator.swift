/// Where the words of one language may break at a line's end: the dictionary's points
/// (none in a word that carries soft hyphens), and in Italian (and French, Catalan) the elided
/// article before an apostrophe (`l’|in-chie-sta`). Display-only: the text is never
/// changed; the breaker draws the hyphen.
///
/// Never hyphenated: URLs, e-mail addresses, numbers and words with digits, all-caps
/// abbreviations, words of other scripts mixed in, and a word's first or last two letters.
/// One per layout (not shared between threads): it keeps the points of the words it has
/// looked up.
final class Hyphenator {
  /// A place a line may end inside a word: content up to cluster `end`, and whether a
  /// hyphen is drawn there (not after an elided article's apostrophe).
  struct Break: Equatable {
    var end: Int
    var hyphen: Bool
  }

  let dictionary: HyphenDictionary
  /// Italian, French and Catalan break after an elision's apostrophe.
  let elides: Bool
  /// Room for a long book's words from the start (growing the table moves every entry).
  private var cache = HyphenPointsTable(capacity: 8_192)
  /// Reused for each word, to spare an allocation per word.
  private var scalars: [Unicode.Scalar] = []
  private var key: [UInt8] = []

  static let minimum = 2

  /// The hyphenator for the language tagged `language`, nil when none is installed.
  init?(language: String?) {
    guard let language, let dictionary = HyphenDictionary.forLanguage(language) else {
      return nil
    }
    self.dictionary = dictionary
    self.elides = ["it", "fr", "ca"].contains(dictionary.language)
  }

  /// The breaks inside the word made of clusters `range` of `text` (no spaces in it),
  /// in order, appended to `breaks`.
  func breaks(in text: ClusterBuffer, _ range: Range<Int>, into breaks: inout [Break]) {
    guard range.count >= 2 * Self.minimum else { return }
    // The reused arrays are moved out of the object while a word is worked on: appending
    // to a class's stored array checks exclusive access and uniqueness at every element.
    var scalars: [Unicode.Scalar] = []
    var key: [UInt8] = []
    swap(&scalars, &self.scalars)
    swap(&key, &self.key)
    defer {
      swap(&scalars, &self.scalars)
      swap(&key, &self.key)
    }
    scalars.removeAll(keepingCapacity: true)
    for index in range {
      let lower = Int(text.byteStarts[index])
      let upper = Int(text.byteStarts[index + 1])
      guard let scalar = Self.singleScalar(text.bytes, lower, upper) else { return }
      scalars.append(scalar)
    }
    guard !Self.isUnbreakable(scalars) else { return }
    // Each part between explicit hyphens or dashes on its own ("socio-economico").
    var partStart = 0
    for k in 0...scalars.count where k == scalars.count || Self.isDash(scalars[k]) {
      if k > partStart {
        addBreaks(scalars[partStart..<k], offset: range.lowerBound, key: &key, into: &breaks)
      }
      partStart = k + 1
    }
  }

  private func addBreaks(
    _ part: ArraySlice<Unicode.Scalar>, offset: Int, key: inout [UInt8],
    into breaks: inout [Break]
  ) {
    // The letters, without the punctuation and quotes around them.
    guard let first = part.firstIndex(where: Self.isLetter),
      let last = part.lastIndex(where: Self.isLetter)
    else { return }
    let core = part[first...last]
    // A word with soft hyphens breaks only there (the breaker finds them itself, with or
    // without a dictionary).
    guard !core.contains("\u{00AD}") else { return }
    guard core.allSatisfy({ Self.isLetter($0) || Self.isApostrophe($0) }),
      core.contains(where: { $0.isASCII ? $0.value >= 0x61 : $0.properties.isLowercase })
    else { return }
    var lettersStart = first
    var lettersEnd = last + 1
    if let apostrophe = core.lastIndex(where: Self.isApostrophe) {
      if elides {
        // l’inchiesta, dell'anima, un’altra: the line may end after the apostrophe.
        let after = last - apostrophe
        if apostrophe > first && after >= Self.minimum {
          breaks.append(Break(end: offset + apostrophe + 1, hyphen: false))
        }
        lettersStart = apostrophe + 1
      } else {
        // children’s, don't: only the part before the first apostrophe.
        lettersEnd = core.firstIndex(where: Self.isApostrophe)!
      }
    }
    let letters = part[lettersStart..<lettersEnd]
    guard letters.count >= 2 * Self.minimum, !letters.contains(where: Self.isApostrophe) else {
      return
    }
    var points = points(letters, key: &key)
    while points != 0 {
      let point = points.trailingZeroBitCount
      points &= points - 1
      breaks.append(Break(end: offset + lettersStart + point, hyphen: true))
    }
  }

  /// The dictionary's points in `letters`: bit k for a break after k letters.
  private func points(_ letters: ArraySlice<Unicode.Scalar>, key: inout [UInt8]) -> UInt64 {
    guard letters.count <= HyphenPointsTable.longestWord else { return 0 }
    key.removeAll(keepingCapacity: true)
    for scalar in letters {
      let value = scalar.value
      if value < 0x80 {
        key.append(UInt8(value >= 0x41 && value <= 0x5A ? value + 32 : value))
        continue
      }
      let lower: Unicode.Scalar
      if value >= 0xC0 && value <= 0xDE && value != 0xD7 {
        // Latin-1 capitals: their lower case is 0x20 on, as in ASCII.
        lower = Unicode.Scalar(value + 0x20)!
      } else if value >= 0xDF && value <= 0xFF {
        lower = scalar
      } else {
        let mapped = scalar.properties.lowercaseMapping.unicodeScalars
        guard mapped.count == 1, let only = mapped.first else { return 0 }
        lower = only
      }
      UTF8.encode(lower) { key.append($0) }
    }
    return key.withUnsafeBufferPointer { key in
      let hash = HyphenPointsTable.hash(key)
      if let known = cache.points(key, hash: hash) { return known }
      let found = dictionary.points(key, count: letters.count, hash: hash)
      cache.insert(key, hash: hash, points: found)
      return found
    }
  }

  /// URLs, e-mail addresses, numbers, words with digits, paths, domain names and
  /// abbreviations with dots.
  static func isUnbreakable(_ scalars: [Unicode.Scalar]) -> Bool {
    for (k, scalar) in scalars.enumerated() {
      switch scalar {
      case "@", "/", "\\", "_", "=", "&", "#", "%", "+", "<", ">", "|", "~": return true
      case ".", ":":
        if k + 1 < scalars.count && isLetter(scalars[k + 1]) { return true }
      default:
        if scalar.isASCII
          ? (0x30...0x39).contains(scalar.value) : scalar.properties.numericType != nil
        {
          return true
        }
      }
    }
    return false
  }

  /// A letter (ASCII without a table lookup).
  static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
    // Latin-1's letters without a table lookup (all but × and ÷).
    if value >= 0xC0 && value <= 0xFF { return value != 0xD7 && value != 0xF7 }
    return scalar.properties.isAlphabetic
  }

  static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "'" || scalar == "\u{2019}"
  }

  static func isDash(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "-" || (0x2010...0x2015).contains(scalar.value)
  }

  /// The scalar of a one-scalar cluster stored in `bytes[lower..<upper]`, nil otherwise.
  static func singleScalar(_ bytes: [UInt8], _ lower: Int, _ upper: Int) -> Unicode.Scalar? {
    let lead = bytes[lower]
    let length = lead < 0x80 ? 1 : (lead < 0xE0 ? 2 : (lead < 0xF0 ? 3 : 4))
    guard upper - lower == length else { return nil }
    if length == 1 { return Unicode.Scalar(lead) }
    var value = UInt32(lead) & (length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07))
    for j in 1..<length { value = value << 6 | UInt32(bytes[lower + j] & 0x3F) }
    return Unicode.Scalar(value)
  }
}
