/// Turns what a person typed into an FTS5 query that can never be a syntax error.
///
/// Words are quoted (all must match); text in double quotes is a phrase; the last word
/// matches as a prefix when `prefixLast` is set, so a filter works as you type.
/// Diacritics are folded by the index's tokenizer, so `piu` finds `più`.
enum FTSQuery {
  /// The MATCH expression for `text`, nil when it holds nothing searchable.
  static func match(_ text: String, prefixLast: Bool) -> String? {
    var terms: [String] = []
    var lastIsBareWord = false
    for (index, segment) in text.split(separator: "\"", omittingEmptySubsequences: false)
      .enumerated()
    {
      let words = Self.words(in: segment)
      guard !words.isEmpty else { continue }
      if index % 2 == 1 {
        terms.append("\"" + words.joined(separator: " ") + "\"")
        lastIsBareWord = false
      } else {
        terms.append(contentsOf: words.map { "\"" + $0 + "\"" })
        lastIsBareWord = true
      }
    }
    guard !terms.isEmpty else { return nil }
    // A phrase still open at the end ("an unclosed quote") is being typed too.
    let openQuote = text.filter { $0 == "\"" }.count % 2 == 1
    if prefixLast && (lastIsBareWord || openQuote) { terms[terms.count - 1] += "*" }
    return terms.joined(separator: " ")
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

  /// Letters, digits and marks: what the unicode61 tokenizer keeps in words.
  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let value = scalar.value
      return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
        || (0x61...0x7A).contains(value)
    }
    let properties = scalar.properties
    return properties.isAlphabetic || properties.numericType != nil
      || properties.generalCategory == .nonspacingMark
      || properties.generalCategory == .spacingMark
  }
}
