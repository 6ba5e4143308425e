import Foundation

/// Whether a page's one headline (its only `h1` that is not the site's logo) stands for
/// the title the page declares. Declared titles are often a shorter form for search
/// engines ("Zaubernuss im Winter" for "Wie pflege ich meine Zaubernuss im Winter?"); the
/// reader wants the headline the page shows, as trafilatura takes a sole `h1`. It must be
/// the same story: the two share at least half the words of the shorter, so a section's
/// name in the `h1` ("Brasília") or a test page's "Lorem" does not replace the title.
package enum HeadlineChoice {
  static func prefers(headline: String, over declared: String) -> Bool {
    let headlineWords = TextSimilarity.words(headline)
    let declaredWords = TextSimilarity.words(declared)
    guard !headlineWords.isEmpty, !declaredWords.isEmpty, headlineWords != declaredWords
    else { return false }
    // "Local News | Headline": the declared title is the headline after a section's name
    // (or before a tagline).
    for separator in TitleCleaner.separators {
      var rest = headline.startIndex..<headline.endIndex
      while let range = headline.range(of: separator, range: rest) {
        if TextSimilarity.words(String(headline[range.upperBound...])) == declaredWords
          || TextSimilarity.words(String(headline[..<range.lowerBound])) == declaredWords
        {
          return false
        }
        rest = range.upperBound..<headline.endIndex
      }
    }
    let shared = Set(headlineWords).intersection(declaredWords).count
    return 2 * shared >= min(Set(headlineWords).count, Set(declaredWords).count)
  }
}
