import Foundation
import LeggioCore
import LeggioTUI

/// `leggio-bench tui`: how long the terminal application takes to show its screens,
/// measured on the render path (state, store queries, layout, drawing into a `CellGrid`),
/// which is everything but ncurses writing the cells.
enum TUIBench {
  /// The library the figures are measured on, filled with `articles`. The integrator
  /// points this at the real `Library` (a temporary SQLite file with the articles added);
  /// until then an in-memory store with the `ArticleStore` semantics stands in.
  nonisolated(unsafe) static var makeStore: ([StoredArticle]) throws -> any ArticleStore = {
    InMemoryStore($0)
  }

  static func run() {
    do {
      try libraryStart()
      try openNovel()
    } catch {
      print("tui: failed: \(error.localizedDescription)")
    }
  }

  /// Start to the first drawn library screen with 10,000 articles.
  private static func libraryStart() throws {
    let store = try makeStore(syntheticArticles(10_000))
    var rows = 0
    let seconds = try Stopwatch.best(of: 5) {
      let app = Application(store: store, width: 120, height: 40)
      app.start()
      let grid = app.render()
      rows = grid.rows.filter { !$0.isEmpty }.count
      guard rows > 30 else { throw BenchError.emptyScreen }
    }
    print(
      "tui: start to first library screen, 10,000 articles, 120x40: \(Stopwatch.format(seconds))")
    let scroll = try Stopwatch.best(of: 5) {
      let app = Application(store: store, width: 120, height: 40)
      app.start()
      app.send(.key(.end))
      _ = app.render()
      app.send(.key(.home))
      _ = app.render()
    }
    print("tui: jump to the last row and back (two windows fetched): \(Stopwatch.format(scroll))")
  }

  /// Enter on i-promessi-sposi to its first page drawn, then a page turn, a search and
  /// a resize.
  private static func openNovel() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../../shared/corpus/texts/i-promessi-sposi_pg45334_it.txt")
      .standardized
    let imported = try ArticleImporter.importFile(at: path)
    let summary = ArticleSummary(
      id: 1, uuid: "bench-novel", title: imported.metadata.title, addedAt: Date())
    let store = try makeStore([
      StoredArticle(
        summary: summary, metadata: imported.metadata, document: imported.document,
        readingOffset: nil)
    ])
    var times: [String: Double] = [:]
    for _ in 0..<5 {
      let app = Application(store: store, width: 80, height: 24)
      app.start()
      _ = app.render()
      let (_, open) = Stopwatch.time {
        app.send(.key(.enter))
        _ = app.render()
      }
      let (_, turn) = Stopwatch.time {
        app.send(.key(.character(" ")))
        _ = app.render()
      }
      let (_, search) = Stopwatch.time {
        app.send(.key(.character("/")))
        for character in "perche" { app.send(.key(.character(character))) }
        app.send(.key(.enter))
        _ = app.render()
      }
      let (_, resize) = Stopwatch.time {
        app.send(.resize(width: 120, height: 40))
        _ = app.render()
      }
      for (name, value) in [("open", open), ("turn", turn), ("search", search), ("resize", resize)]
      {
        times[name] = min(times[name] ?? .infinity, value)
      }
    }
    let scalars = CanonicalText(imported.document).scalarCount
    print(
      "tui: Enter to first page of i-promessi-sposi (\(scalars) scalars), 80x24: \(Stopwatch.format(times["open"]!))"
    )
    print("tui: next page: \(Stopwatch.format(times["turn"]!))")
    print(
      "tui: first search (\"perche\", folded) to its page drawn: \(Stopwatch.format(times["search"]!))"
    )
    print(
      "tui: resize 80x24 -> 120x40, re-laid out on the same text: \(Stopwatch.format(times["resize"]!))"
    )
  }

  private enum BenchError: Error {
    case emptyScreen
  }

  /// `count` small articles with varied titles, bylines and dates.
  static func syntheticArticles(_ count: Int) -> [StoredArticle] {
    let words = ["Lugano", "Putin", "Milano", "treno", "lago", "città", "notte", "mercato", "voto"]
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    return (1...count).map { n in
      let title = "\(words[n % words.count].capitalized) \(words[(n / 9) % words.count]) \(n)"
      let metadata = ArticleMetadata(
        title: title, kicker: "Sezione \(n % 12)", byline: "Autore \(n % 97)",
        published: start.addingTimeInterval(Double(n) * 3_600), siteName: "Esempio")
      let document = Document(blocks: [
        Block(.paragraph, text: "Testo dell'articolo \(n) su \(words[n % words.count]).")
      ])
      let summary = ArticleSummary(
        id: Int64(n), uuid: "bench-\(n)", title: title, kicker: metadata.kicker,
        siteName: metadata.siteName, byline: metadata.byline, published: metadata.published,
        addedAt: start.addingTimeInterval(Double(n) * 60), progress: Double(n % 5) / 4,
        isUnread: n % 3 == 0, tags: n % 4 == 0 ? ["sport"] : [])
      return StoredArticle(
        summary: summary, metadata: metadata, document: document, readingOffset: nil)
    }
  }
}

/// A stand-in library for the figures until the real `Library` is wired in: sorted and
/// filtered arrays, no index.
private final class InMemoryStore: ArticleStore, @unchecked Sendable {
  private let articles: [StoredArticle]
  private let lock = NSLock()
  private var positions: [Int64: Int] = [:]

  init(_ articles: [StoredArticle]) {
    self.articles = articles
  }

  private func matching(_ query: ArticleQuery) -> [ArticleSummary] {
    var rows = articles.map(\.summary)
    if let tag = query.tag { rows = rows.filter { $0.tags.contains(tag) } }
    if query.unreadOnly { rows = rows.filter(\.isUnread) }
    if let search = query.search?.lowercased(), !search.isEmpty {
      rows = rows.filter { $0.title.lowercased().contains(search) }
    }
    switch query.sort {
    case .added: rows.sort { $0.addedAt > $1.addedAt }
    case .published: rows.sort { ($0.published ?? .distantPast) > ($1.published ?? .distantPast) }
    case .title: rows.sort { $0.title < $1.title }
    case .progress: rows.sort { $0.progress < $1.progress }
    }
    return rows
  }

  func count(_ query: ArticleQuery) throws -> Int { matching(query).count }

  func summaries(_ query: ArticleQuery, offset: Int, limit: Int) throws -> [ArticleSummary] {
    Array(matching(query).dropFirst(offset).prefix(limit))
  }

  func counts() throws -> LibraryCounts {
    LibraryCounts(total: articles.count, unread: articles.filter(\.summary.isUnread).count)
  }

  func allTags() throws -> [String] { Set(articles.flatMap(\.summary.tags)).sorted() }

  func article(id: Int64) throws -> StoredArticle? {
    guard var article = articles.first(where: { $0.summary.id == id }) else { return nil }
    article.readingOffset = lock.withLock { positions[id] }
    return article
  }

  func saveReadingPosition(articleID: Int64, offset: Int, progress: Double) throws {
    lock.withLock { positions[articleID] = offset }
  }

  func remove(ids: [Int64]) throws {}
}
