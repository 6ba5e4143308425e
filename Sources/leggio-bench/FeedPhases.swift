import Foundation
import LeggioCore

enum FeedPhases {
  static func run(_ articles: [ImportedArticle]) {
    var texts: [String] = []
    let canon = Stopwatch.time { texts = articles.map { CanonicalText($0.document).text } }.1
    print("canonical (1 core): \(Stopwatch.format(canon))")
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let json = Stopwatch.time { for a in articles { _ = try! encoder.encode(a.document) } }.1
    print("JSONEncoder (1 core): \(Stopwatch.format(json))")
    let fold = Stopwatch.time {
      for a in articles {
        _ = a.metadata.title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      }
    }.1
    print("folding (1 core): \(Stopwatch.format(fold))")
    let words = Stopwatch.time { for t in texts { _ = TextStatistics.wordCount(t) } }.1
    print("wordCount (1 core): \(Stopwatch.format(words))")
    let sha = Stopwatch.time { for t in texts { _ = SHA256.hex(t) } }.1
    print("sha (1 core): \(Stopwatch.format(sha))")
  }
}
