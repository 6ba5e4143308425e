/// A teaser's "read more" end ("Auskunft über vergangenes Wetter… mehr •••", "Five
/// ways to save » Read more"): a line that ends so points to another page, as the
/// boxes under an article do, in the languages of the pages Leggio reads.
enum TeaserLine {
  static let endings = [
    "read more", "more", "continue reading", "weiterlesen", "mehr", "mehr lesen",
    "lire la suite", "la suite", "en savoir plus", "leggi tutto", "leggi di più", "leer más",
    "seguir leyendo", "czytaj więcej", "czytaj dalej", "lees meer", "leia mais", "learn more",
    "find out more", "mehr erfahren",
  ]

  /// Whether `text`, without the arrows, dots and bullets after it, is or ends with a
  /// "read more" and, for the bare "more"/"mehr" after other words, an ellipsis just
  /// before it.
  static func endsInReadMore(_ text: String) -> Bool {
    // A full stop, not an ellipsis, ends a sentence ("Ich will mehr lesen.").
    let end = trimmingTail(text[...], \.isWhitespace)
    if let last = end.last, ".!?".contains(last), !end.hasSuffix("...") { return false }
    let trimmed = trimmingTail(text.lowercased()[...]) { !$0.isLetter }
    for ending in endings where trimmed.hasSuffix(ending) {
      let before = trimmed.dropLast(ending.count)
      // The line is the link itself ("Mehr lesen...").
      guard let last = before.last else { return true }
      guard last.isWhitespace || last == "…" || last == "." || last == "»" || last == "›" else {
        continue
      }
      if ending == "more" || ending == "mehr" {
        let head = trimmingTail(before, \.isWhitespace)
        if !(head.hasSuffix("…") || head.hasSuffix("...")) { continue }
      }
      return true
    }
    return false
  }

  /// The text without the characters at its end for which `drop` holds.
  private static func trimmingTail(_ text: Substring, _ drop: (Character) -> Bool) -> Substring {
    var end = text.endIndex
    while end > text.startIndex {
      let previous = text.index(before: end)
      guard drop(text[previous]) else { break }
      end = previous
    }
    return text[text.startIndex..<end]
  }
}
