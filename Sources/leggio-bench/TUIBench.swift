import Foundation
import LeggioModel
import LeggioImport
import LeggioStore
import LeggioTUI

/// `leggio-bench tui`: how long the terminal application takes to show its screens,
/// measured on the render path (state, store queries, layout, drawing into a `CellGrid`),
/// which is everything but ncurses writing the cells.
enum TUIBench {
  /// A real library in a temporary SQLite file (WAL, as `leggio` opens it) with
  /// `articles` added the way `leggio add` adds them.
  static func makeLibrary(_ articles: [ImportedArticle], tags: (Int) -> [String] = { _ in [] })
    throws -> Library
  {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("leggio-tui-bench-\(UUID().uuidString)")
    let library = try Library(
      path: directory.appendingPathComponent("library.sqlite").path, deviceID: UUID().uuidString)
    for (index, article) in articles.enumerated() {
      try library.add(article, tags: tags(index + 1))
    }
    return library
  }

  /// Deletes a library `makeLibrary` made.
  static func remove(_ library: Library) {
    guard let path = library.path else { return }
    try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
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
    let store = try makeLibrary(syntheticArticles(10_000)) { $0 % 4 == 0 ? ["sport"] : [] }
    defer { remove(store) }
    var rows = 0
    let seconds = try Stopwatch.best(of: 5) {
      let app = Application(library: store, width: 120, height: 40)
      app.start()
      let grid = app.render()
      rows = grid.rows.filter { !$0.isEmpty }.count
      guard rows > 30 else { throw BenchError.emptyScreen }
    }
    print(
      "tui: start to first library screen, 10,000 articles, 120x40: \(Stopwatch.format(seconds))")
    let scroll = Stopwatch.best(of: 5) {
      let app = Application(library: store, width: 120, height: 40)
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
    let store = try makeLibrary([imported])
    defer { remove(store) }
    var times: [String: Double] = [:]
    for _ in 0..<5 {
      let app = Application(library: store, width: 80, height: 24)
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
  static func syntheticArticles(_ count: Int) -> [ImportedArticle] {
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
      return ImportedArticle(metadata: metadata, document: document)
    }
  }
}
