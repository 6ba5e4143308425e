import LeggioModel

/// Guesses a text's language from its most common short words: enough to tell
/// Italian, English, French, German, Spanish, Portuguese and Dutch apart in a few
/// sentences, which is what hyphenation and search need.
public enum LanguageDetector {
  /// Very frequent words that are rare in the other languages listed, by language in
  /// the order of their tags (which breaks ties). Lists, not sets: one is read once.
  static let stopWords: [(language: String, words: [String])] = [
    (
      "de",
      [
        "der", "die", "das", "und", "ist", "nicht", "den", "dem", "des", "ein", "eine", "einer",
        "zu", "mit", "sich", "auf", "für", "auch", "von", "im", "es", "sie", "wir", "ich", "wird",
        "werden", "hat", "bei", "oder", "aus", "nach",
      ]
    ),
    (
      "en",
      [
        "the", "and", "of", "to", "is", "in", "that", "it", "was", "for", "with", "he", "she",
        "on", "are", "as", "his", "her", "they", "at", "be", "this", "have", "from", "or", "by",
        "not", "but", "what", "which", "were", "would", "there", "their", "been",
      ]
    ),
    (
      "es",
      [
        "el", "los", "las", "del", "que", "y", "en", "un", "una", "es", "por", "con", "para",
        "se", "su", "sus", "como", "pero", "más", "fue", "este", "esta", "muy", "también", "son",
        "al", "lo", "le", "ya", "hay",
      ]
    ),
    (
      "fr",
      [
        "le", "les", "des", "est", "et", "une", "du", "dans", "qui", "que", "pour", "pas", "sur",
        "au", "aux", "avec", "ce", "cette", "il", "elle", "sont", "mais", "ou", "leur", "nous",
        "vous", "été", "être", "plus", "je",
      ]
    ),
    (
      "it",
      [
        "il", "lo", "gli", "della", "delle", "dei", "degli", "che", "non", "per", "una", "sono",
        "nel", "nella", "alla", "anche", "più", "come", "questo", "questa", "essere", "ha", "ho",
        "di", "da", "del", "ma", "si", "al", "tra", "fra", "era", "poi", "già", "così", "perché",
      ]
    ),
    (
      "nl",
      [
        "de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "met", "voor",
        "aan", "er", "maar", "ook", "als", "bij", "wordt", "werd", "naar", "ze", "hij", "ik",
      ]
    ),
    (
      "pt",
      [
        "o", "os", "as", "do", "da", "dos", "das", "que", "não", "em", "um", "uma", "para", "com",
        "por", "mais", "foi", "é", "ao", "seu", "sua", "também", "mas", "como", "são",
      ]
    ),
  ]

  /// The BCP 47 tag of the language of `text`, or nil when too few words tell.
  /// Looks at the first 600 words, plenty for a clear majority.
  public static func detect(_ text: String) -> String? {
    var text = text
    return text.withUTF8 { detect(utf8: $0) }
  }

  /// `detect` on the text's UTF-8 bytes. A word is a run of letters, lowercased; every
  /// stop word is at most eight bytes, so a word is looked up by its bytes packed in an
  /// integer, and a longer one only counted. It reads bytes, not `Character`s: the guess
  /// is made for every article imported, and by `Character`s it was a quarter of the
  /// instructions of `leggio show` for a 3 KB article.
  static func detect(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
    let languageCount = languages.count
    let table = languagesByWord
    var scores = [Int](repeating: 0, count: languageCount)
    var words = 0
    var word = PackedWord()
    var index = 0
    func count() {
      guard word.length > 0 else { return }
      words += 1
      if word.length <= 8, let found = table[word.bits] {
        for language in 0..<languageCount where found & (1 << language) != 0 {
          scores[language] += 1
        }
      }
      word = PackedWord()
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        index += 1
        if byte >= 0x61 && byte <= 0x7A {
          word.append(byte)
        } else if byte >= 0x41 && byte <= 0x5A {
          word.append(byte + 0x20)
        } else {
          count()
          if words >= 600 { break }
        }
        continue
      }
      let (scalar, length) = UTF8Scalars.decode(bytes, at: index)
      index += length
      if let lower = latin1Lowercase(scalar) {
        word.append(scalar: lower)
      } else if let value = Unicode.Scalar(scalar), value.properties.isAlphabetic {
        for lower in value.properties.lowercaseMapping.unicodeScalars {
          word.append(scalar: lower.value)
        }
      } else {
        count()
        if words >= 600 { break }
      }
    }
    count()
    var best: Int?
    var second: Int?
    // Highest score first, ties to the tag that sorts first (the tags are in order).
    for language in 0..<languageCount where scores[language] > 0 {
      if best == nil || scores[language] > scores[best!] {
        second = best
        best = language
      } else if second == nil || scores[language] > scores[second!] {
        second = language
      }
    }
    guard let best, scores[best] >= 3, scores[best] * 10 >= words else { return nil }
    if let second, scores[second] * 5 > scores[best] * 4 && scores[best] < 8 { return nil }
    return languages[best]
  }

  /// The lowercase of a Latin-1 letter (À–Þ but ×, and ß–ÿ but ÷, which are their own),
  /// the letters of the languages told apart here; nil for any other scalar.
  private static func latin1Lowercase(_ scalar: UInt32) -> UInt32? {
    switch scalar {
    case 0xC0...0xDE where scalar != 0xD7: scalar + 0x20
    case 0xDF...0xFF where scalar != 0xF7: scalar
    default: nil
    }
  }

  /// The languages' tags in order, each a bit of `languagesByWord`'s masks.
  static let languages: [String] = stopWords.map(\.language)

  /// Every stop word, by its UTF-8 bytes packed in an integer, and the languages it
  /// belongs to as a mask of bits (`languages`' indices): one lookup per word of the text.
  static let languagesByWord: [UInt64: UInt8] = {
    var table = [UInt64: UInt8](minimumCapacity: 256)
    for (index, language) in stopWords.enumerated() {
      for stopWord in language.words {
        var packed = PackedWord()
        for byte in stopWord.utf8 { packed.append(byte) }
        precondition(packed.length <= 8, "a stop word longer than eight bytes: \(stopWord)")
        table[packed.bits, default: 0] |= 1 << index
      }
    }
    return table
  }()

  /// A word's first eight bytes packed in an integer, and its whole length in bytes.
  struct PackedWord {
    var bits: UInt64 = 0
    var length = 0

    mutating func append(_ byte: UInt8) {
      if length < 8 { bits |= UInt64(byte) << (8 * UInt64(length)) }
      length += 1
    }

    /// Appends `scalar` in UTF-8.
    mutating func append(scalar: UInt32) {
      switch scalar {
      case ..<0x80:
        append(UInt8(scalar))
      case ..<0x800:
        append(UInt8(0xC0 | scalar >> 6))
        append(UInt8(0x80 | scalar & 0x3F))
      case ..<0x10000:
        append(UInt8(0xE0 | scalar >> 12))
        append(UInt8(0x80 | scalar >> 6 & 0x3F))
        append(UInt8(0x80 | scalar & 0x3F))
      default:
        append(UInt8(0xF0 | scalar >> 18))
        append(UInt8(0x80 | scalar >> 12 & 0x3F))
        append(UInt8(0x80 | scalar >> 6 & 0x3F))
        append(UInt8(0x80 | scalar & 0x3F))
      }
    }
  }
}
