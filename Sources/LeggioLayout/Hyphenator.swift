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
  ///
  /// The word's scalars and its key go into buffers on the stack: reused arrays, appended
  /// to a scalar at a time (each append checking its storage), cost about 600 more
  /// instructions a word, for the 12,600 words a 3 MB Italian book looks up.
  func breaks(in text: ClusterBuffer, _ range: Range<Int>, into breaks: inout [Break]) {
    guard range.count >= 2 * Self.minimum else { return }
    withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: range.count) { buffer in
      let single = text.bytes.withUnsafeBufferPointer { bytes in
        text.byteStarts.withUnsafeBufferPointer { starts in
          var k = 0
          for index in range {
            guard
              let scalar = Self.singleScalar(bytes, Int(starts[index]), Int(starts[index + 1]))
            else { return false }
            buffer.initializeElement(at: k, to: scalar)
            k += 1
          }
          return true
        }
      }
      guard single else { return }
      let scalars = UnsafeBufferPointer(buffer)
      guard !Self.isUnbreakable(scalars) else { return }
      // Each part between explicit hyphens or dashes on its own ("socio-economico").
      var partStart = 0
      for k in 0...scalars.count where k == scalars.count || Self.isDash(scalars[k]) {
        if k > partStart {
          addBreaks(scalars, partStart..<k, offset: range.lowerBound, into: &breaks)
        }
        partStart = k + 1
      }
    }
  }

  /// The breaks of `part` of the word `word` (the scalars of clusters from `offset`).
  private func addBreaks(
    _ word: UnsafeBufferPointer<Unicode.Scalar>, _ part: Range<Int>, offset: Int,
    into breaks: inout [Break]
  ) {
    // The letters, without the punctuation and quotes around them.
    guard let first = part.first(where: { Self.isLetter(word[$0]) }),
      let last = part.last(where: { Self.isLetter(word[$0]) })
    else { return }
    // Letters and apostrophes only (a word with soft hyphens breaks only there: the
    // breaker finds them itself, with or without a dictionary), some in lower case; the
    // apostrophes' places. One pass over the word.
    var lowercase = false
    var firstApostrophe = -1
    var lastApostrophe = -1
    for k in first...last {
      let scalar = word[k]
      if Self.isApostrophe(scalar) {
        if firstApostrophe < 0 { firstApostrophe = k }
        lastApostrophe = k
        continue
      }
      guard Self.isLetter(scalar) else { return }
      if !lowercase { lowercase = Self.isLowercase(scalar) }
    }
    guard lowercase else { return }
    var lettersStart = first
    var lettersEnd = last + 1
    if lastApostrophe >= 0 {
      let apostrophe = lastApostrophe
      if elides {
        // l’inchiesta, dell'anima, un’altra: the line may end after the apostrophe.
        let after = last - apostrophe
        if apostrophe > first && after >= Self.minimum {
          breaks.append(Break(end: offset + apostrophe + 1, hyphen: false))
        }
        lettersStart = apostrophe + 1
      } else {
        // children’s, don't: only the part before the first apostrophe.
        lettersEnd = firstApostrophe
      }
    }
    let letters = lettersStart..<max(lettersStart, lettersEnd)
    guard letters.count >= 2 * Self.minimum,
      !letters.contains(where: { Self.isApostrophe(word[$0]) })
    else {
      return
    }
    var points = points(UnsafeBufferPointer(rebasing: word[letters]))
    while points != 0 {
      let point = points.trailingZeroBitCount
      points &= points - 1
      breaks.append(Break(end: offset + lettersStart + point, hyphen: true))
    }
  }

  /// The dictionary's points in `letters`: bit k for a break after k letters.
  private func points(_ letters: UnsafeBufferPointer<Unicode.Scalar>) -> UInt64 {
    guard letters.count <= HyphenPointsTable.longestWord else { return 0 }
    // A scalar's lower case is one scalar of at most four bytes.
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * letters.count) {
      buffer -> UInt64 in
      var length = 0
      for scalar in letters {
        let value = scalar.value
        if value < 0x80 {
          buffer[length] = UInt8(value >= 0x41 && value <= 0x5A ? value + 32 : value)
          length += 1
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
        UTF8.encode(lower) {
          buffer[length] = $0
          length += 1
        }
      }
      let key = UnsafeBufferPointer(rebasing: buffer[0..<length])
      let hash = HyphenPointsTable.hash(key)
      if let known = cache.points(key, hash: hash) { return known }
      let found = dictionary.points(key, count: letters.count, hash: hash)
      cache.insert(key, hash: hash, points: found)
      return found
    }
  }

  /// URLs, e-mail addresses, numbers, words with digits, paths, domain names and
  /// abbreviations with dots.
  static func isUnbreakable(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
    for (k, scalar) in scalars.enumerated() {
      let value = scalar.value
      // Letters (ASCII and Latin-1's) at once: most of every word.
      if (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A { continue }
      if value >= 0xC0 && value <= 0xFF { continue }
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

  /// A lower-case letter (ASCII and Latin-1 without a table lookup). Only asked of
  /// letters, so any ASCII one from `a` on is lower case.
  static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return value >= 0x61 }
    if value >= 0xC0 && value <= 0xFF { return value >= 0xDF && value != 0xF7 }
    return scalar.properties.isLowercase
  }

  static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "'" || scalar == "\u{2019}"
  }

  static func isDash(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "-" || (0x2010...0x2015).contains(scalar.value)
  }

  /// The scalar of a one-scalar cluster stored in `bytes[lower..<upper]`, nil otherwise.
  @inline(__always)
  static func singleScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: Int, _ upper: Int)
    -> Unicode.Scalar?
  {
    let lead = bytes[lower]
    let length = lead < 0x80 ? 1 : (lead < 0xE0 ? 2 : (lead < 0xF0 ? 3 : 4))
    guard upper - lower == length else { return nil }
    if length == 1 { return Unicode.Scalar(lead) }
    var value = UInt32(lead) & (length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07))
    for j in 1..<length { value = value << 6 | UInt32(bytes[lower + j] & 0x3F) }
    return Unicode.Scalar(value)
  }
}
