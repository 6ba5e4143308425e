import Foundation
import LeggioModel

/// Deterministic Italian-looking articles for the library benchmarks.
struct GeneratedArticles {
  private static let words = """
    guerra pace governo città più perché già notizia mercato lavoro scuola giudice \
    sindaco regione elezioni economia prezzi energia clima acqua strada ospedale medico \
    studenti università ricerca tecnologia rete dati sicurezza confine accordo vertice \
    ministro presidente parlamento legge riforma tasse salari famiglie imprese banca \
    euro inflazione crescita porto treno aereo montagna lago mare estate inverno
    """.split(separator: " ").map(String.init)

  private var state: UInt64

  init(seed: UInt64 = 0x5EED) { state = seed }

  /// A small linear congruential generator: the same articles on every run.
  private mutating func next(_ bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(bound))
  }

  private mutating func sentence() -> String {
    let count = 8 + next(12)
    var words = (0..<count).map { _ in Self.words[next(Self.words.count)] }
    words[0] = words[0].prefix(1).uppercased() + words[0].dropFirst()
    return words.joined(separator: " ") + "."
  }

  /// Article `n` as a plain-text file: headline, blank line, paragraphs.
  mutating func text(_ n: Int, paragraphs: Int = 4) -> String {
    var parts = ["Articolo \(n): " + sentence().dropLast()]
    for _ in 0..<paragraphs {
      parts.append((0..<(3 + next(4))).map { _ in sentence() }.joined(separator: " "))
    }
    return parts.joined(separator: "\n\n") + "\n"
  }

  /// Article `n` as the importer would hand it to the library.
  mutating func imported(_ n: Int) -> ImportedArticle {
    let paragraphs = text(n).components(separatedBy: "\n\n")
    return ImportedArticle(
      metadata: ArticleMetadata(
        title: paragraphs[0], byline: "Redazione \(n % 17)",
        published: Date(timeIntervalSince1970: 1_600_000_000 + Double(next(100_000_000))),
        source: "https://example.com/news/\(n)", siteName: "Example"),
      document: Document(blocks: paragraphs.dropFirst().map { Block(.paragraph, text: $0) }))
  }
}
