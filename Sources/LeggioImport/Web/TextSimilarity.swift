/// How alike two short texts are, by their words: 1 for the same words, 0 for none shared.
enum TextSimilarity {
  static func similarity(_ a: String, _ b: String) -> Double {
    similarity(words: Set(words(a)), b)
  }

  /// `similarity` with the first text given as its set of words.
  static func similarity(words setA: Set<String>, _ b: String) -> Double {
    let wordsB = words(b)
    guard !setA.isEmpty, !wordsB.isEmpty else { return 0 }
    let extra = wordsB.filter { !setA.contains($0) }
    let distance =
      Double(extra.joined(separator: " ").count)
      / Double(wordsB.joined(separator: " ").count)
    return 1 - distance
  }

  static func words(_ text: String) -> [String] {
    text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
  }
}
