/// Guesses a text's language from its most common short words: enough to tell
/// Italian, English, French, German, Spanish, Portuguese and Dutch apart in a few
/// sentences, which is what hyphenation and search need.
public enum LanguageDetector {
  /// Very frequent words that are rare in the other languages listed.
  static let stopWords: [String: Set<String>] = [
    "it": [
      "il", "lo", "gli", "della", "delle", "dei", "degli", "che", "non", "per", "una", "sono",
      "nel", "nella", "alla", "anche", "più", "come", "questo", "questa", "essere", "ha", "ho",
      "di", "da", "del", "ma", "si", "al", "tra", "fra", "era", "poi", "già", "così", "perché",
    ],
    "en": [
      "the", "and", "of", "to", "is", "in", "that", "it", "was", "for", "with", "he", "she",
      "on", "are", "as", "his", "her", "they", "at", "be", "this", "have", "from", "or", "by",
      "not", "but", "what", "which", "were", "would", "there", "their", "been",
    ],
    "fr": [
      "le", "les", "des", "est", "et", "une", "du", "dans", "qui", "que", "pour", "pas", "sur",
      "au", "aux", "avec", "ce", "cette", "il", "elle", "sont", "mais", "ou", "leur", "nous",
      "vous", "été", "être", "plus", "je",
    ],
    "de": [
      "der", "die", "das", "und", "ist", "nicht", "den", "dem", "des", "ein", "eine", "einer",
      "zu", "mit", "sich", "auf", "für", "auch", "von", "im", "es", "sie", "wir", "ich", "wird",
      "werden", "hat", "bei", "oder", "aus", "nach",
    ],
    "es": [
      "el", "los", "las", "del", "que", "y", "en", "un", "una", "es", "por", "con", "para",
      "se", "su", "sus", "como", "pero", "más", "fue", "este", "esta", "muy", "también", "son",
      "al", "lo", "le", "ya", "hay",
    ],
    "pt": [
      "o", "os", "as", "do", "da", "dos", "das", "que", "não", "em", "um", "uma", "para", "com",
      "por", "mais", "foi", "é", "ao", "seu", "sua", "também", "mas", "como", "são",
    ],
    "nl": [
      "de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "met", "voor",
      "aan", "er", "maar", "ook", "als", "bij", "wordt", "werd", "naar", "ze", "hij", "ik",
    ],
  ]

  /// The BCP 47 tag of the language of `text`, or nil when too few words tell.
  /// Looks at the first 600 words, plenty for a clear majority.
  public static func detect(_ text: String) -> String? {
    var scores: [String: Int] = [:]
    var words = 0
    var word = String.UnicodeScalarView()
    func count() {
      guard !word.isEmpty else { return }
      words += 1
      for language in languagesByWord[String(word)] ?? [] {
        scores[language, default: 0] += 1
      }
      word = String.UnicodeScalarView()
    }
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        if (0x61...0x7A).contains(value) {
          word.append(scalar)
        } else if (0x41...0x5A).contains(value) {
          word.append(Unicode.Scalar(value + 0x20)!)
        } else {
          count()
          if words >= 600 { break }
        }
      } else if scalar.properties.isAlphabetic {
        word.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      } else {
        count()
        if words >= 600 { break }
      }
    }
    count()
    let ranked = scores.sorted { $0.value > $1.value || $0.value == $1.value && $0.key < $1.key }
    guard let best = ranked.first, best.value >= 3, best.value * 10 >= words else { return nil }
    if ranked.count > 1 && ranked[1].value * 5 > best.value * 4 && best.value < 8 { return nil }
    return best.key
  }

  /// Every stop word and the languages it belongs to: one lookup per word of the text.
  static let languagesByWord: [String: [String]] = {
    var table: [String: [String]] = [:]
    for (language, words) in stopWords {
      for word in words { table[word, default: []].append(language) }
    }
    return table
  }()
}
