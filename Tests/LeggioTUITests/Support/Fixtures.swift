import Foundation
import LeggioModel
import LeggioStore

/// Articles for screen tests.
enum Fixtures {
  /// The package root, from this file's path.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// `../shared/...` beside the package root.
  static func shared(_ path: String) -> URL {
    packageRoot.appendingPathComponent("../shared").appendingPathComponent(path).standardized
  }

  /// Noon UTC on a day, so the local date is the same day almost everywhere.
  static func day(_ text: String) -> Date {
    let parts = text.split(separator: "-").map { Int($0)! }
    var components = DateComponents()
    (components.year, components.month, components.day, components.hour) = (
      parts[0], parts[1], parts[2], 12
    )
    return Calendar.current.date(from: components)!
  }

  /// The reference article, read from `../shared/samples/cdt-putin-kim.txt` the way the
  /// plain-text importer reads it: kicker, title, standfirst, credit, byline, dateline,
  /// then paragraphs.
  static func referenceArticle(id: Int64 = 1) throws -> StoredArticle {
    let text = try String(contentsOf: shared("samples/cdt-putin-kim.txt"), encoding: .utf8)
    let lines = text.components(separatedBy: "\n")
    let metadata = ArticleMetadata(
      title: lines[2], kicker: lines[0], standfirst: lines[4], byline: lines[6],
      published: day("2023-08-16"), dateline: lines[7], imageCredit: lines[5], language: "it",
      source: "cdt-putin-kim.txt", siteName: "Corriere del Ticino")
    let paragraphs = lines[9...].map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
    let document = Document(blocks: paragraphs.map { Block(.paragraph, text: $0) })
    return article(id: id, metadata: metadata, document: document, added: "2023-08-17")
  }

  /// A stored article made of `metadata` and `document`.
  static func article(
    id: Int64, metadata: ArticleMetadata, document: Document, added: String,
    unread: Bool = true, progress: Double = 0, tags: [String] = [], offset: Int? = nil
  ) -> StoredArticle {
    let summary = ArticleSummary(
      id: id, uuid: "fixture-\(id)", title: metadata.title, kicker: metadata.kicker,
      siteName: metadata.siteName, byline: metadata.byline, published: metadata.published,
      addedAt: day(added), progress: progress, isUnread: unread, tags: tags,
      words: CanonicalText(document).text.split(separator: " ").count)
    return StoredArticle(
      summary: summary, metadata: metadata, document: document, readingOffset: offset)
  }

  /// A short article whose paragraphs are `paragraphs`.
  static func simple(
    id: Int64, title: String, paragraphs: [String]? = nil, kicker: String? = nil,
    byline: String? = nil, published: String? = nil, added: String = "2024-01-01",
    unread: Bool = true, progress: Double = 0, tags: [String] = [], links: [(String, String)] = []
  ) -> StoredArticle {
    // Each article's own text by default: the library keeps one article per text.
    let paragraphs = paragraphs ?? ["Some text about \(title)."]
    var blocks = paragraphs.map { Block(.paragraph, text: $0) }
    if !links.isEmpty {
      blocks.append(Block(.paragraph, links.map { Inline($0.0, link: $0.1) }))
    }
    let metadata = ArticleMetadata(
      title: title, kicker: kicker, byline: byline, published: published.map(day))
    return article(
      id: id, metadata: metadata, document: Document(blocks: blocks), added: added, unread: unread,
      progress: progress, tags: tags)
  }

  /// `count` articles "Article 1"..."Article N", newest added last.
  static func many(_ count: Int) -> [StoredArticle] {
    (1...count).map { n in
      simple(id: Int64(n), title: "Article \(n)", added: "2020-01-01").with(addedOffset: n)
    }
  }
}

extension StoredArticle {
  /// This article added `seconds` after its date (to order many of one day).
  func with(addedOffset seconds: Int) -> StoredArticle {
    var copy = self
    copy.summary.addedAt += TimeInterval(seconds)
    return copy
  }
}
