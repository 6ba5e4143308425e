/// How alike two short texts are, by their words: 1 for the same words, 0 for none shared.
enum TextSimilarity {
  static func similarity(_ a: String, _ b: String) -> Double {
    let wordsA = words(a)
    let wordsB = words(b)
    guard !wordsA.isEmpty, !wordsB.isEmpty else { return 0 }
    let setA = Set(wordsA)
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
