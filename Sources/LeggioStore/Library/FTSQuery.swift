/// Turns what a person typed into an FTS5 query that can never be a syntax error.
///
/// Words are quoted (all must match); text in double quotes is a phrase; the last word
/// matches as a prefix when `prefixLast` is set, so a filter works as you type.
/// Diacritics are folded by the index's tokenizer, so `piu` finds `più`.
///
/// The library's index keeps which articles hold a word, not where (`detail=none`, a
/// fifth of the size), and FTS5 refuses phrases on it. So a query has two forms:
/// `match`, the query as typed, for an index that knows positions (`FilterProbe`,
/// `PhraseCheck`), and `indexMatch`, each phrase of several words asked as all of its
/// words, for the library's index. When they differ (`checksPhrases`), what `indexMatch` finds is only a
/// candidate, kept when its text matches `match`.
struct FTSQuery {
  /// The query as typed, phrases and all.
  let match: String
  /// The query for the library's index: no phrase of more than one word.
  let indexMatch: String
  /// Whether some phrase has several words: `indexMatch` then finds more than `match`.
  var checksPhrases: Bool { match != indexMatch }

  /// The query for `text`, nil when it holds nothing searchable.
  init?(_ text: String, prefixLast: Bool) {
    var terms: [[String]] = []
    var lastIsBareWord = false
    for (index, segment) in text.split(separator: "\"", omittingEmptySubsequences: false)
      .enumerated()
    {
      let words = Self.words(in: segment)
      guard !words.isEmpty else { continue }
      if index % 2 == 1 {
        terms.append(words)
        lastIsBareWord = false
      } else {
        terms.append(contentsOf: words.map { [$0] })
        lastIsBareWord = true
      }
    }
    guard !terms.isEmpty else { return nil }
    // A phrase still open at the end ("an unclosed quote") is being typed too.
    let openQuote = text.filter { $0 == "\"" }.count % 2 == 1
    let prefix = prefixLast && (lastIsBareWord || openQuote) ? "*" : ""
    let last = terms.count - 1
    match = terms.indices.map { index in
      "\"" + terms[index].joined(separator: " ") + "\"" + (index == last ? prefix : "")
    }.joined(separator: " ")
    indexMatch = terms.indices.flatMap { index in
      terms[index].enumerated().map { position, word in
        let isLast = index == last && position == terms[index].count - 1
        return "\"" + word + "\"" + (isLast ? prefix : "")
      }
    }.joined(separator: " ")
  }

  /// The MATCH expression for `text` as typed, nil when it holds nothing searchable.
  static func match(_ text: String, prefixLast: Bool) -> String? {
    FTSQuery(text, prefixLast: prefixLast)?.match
  }

  /// The runs of letters, digits and marks: what the unicode61 tokenizer indexes.
  static func words(in text: Substring) -> [String] {
    var words: [String] = []
    var current = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isWordScalar(scalar) {
        current.append(scalar)
      } else if !current.isEmpty {
        words.append(String(current))
        current = String.UnicodeScalarView()
      }
    }
    if !current.isEmpty { words.append(String(current)) }
    return words
  }

  /// What the unicode61 tokenizer keeps in words: letters, numbers, private-use
  /// characters and non-spacing marks (which `remove_diacritics` folds away). Any other
  /// character cuts a word, as it does in the index: a word here is one word there, so
  /// `indexMatch` never holds a phrase.
  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let value = scalar.value
      return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
        || (0x61...0x7A).contains(value)
    }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber, .privateUse, .nonspacingMark:
      return true
    default:
      return false
    }
  }
}
