import Foundation
import LeggioModel
import LeggioStore
import LeggioTUI

/// `leggio-bench million [--articles N] [--keep] [--reuse DIR]`: issue 17's "flat with size". Builds a
/// library of 10,000 articles and one of N (1,000,000 by default) straight through the
/// store in batches (`Library.addFeedArticles`, the feed update's path, 10,000 at a
/// time), then times on each, on the TUI's render path (state, store queries, drawing
/// into a `CellGrid`, everything but ncurses), best of 3: the first list, a page down, a
/// jump to the end, typing a four-letter filter (each key requeries), opening an article,
/// and adding one more article.
enum MillionBench {
  struct Options {
    var articles = 1_000_000
    var keep = false
    /// A folder kept by an earlier run (`--keep`): its libraries are measured again (and
    /// brought to the current schema) instead of built.
    var reuse: String?

    init(_ arguments: [String]) {
      var iterator = arguments.makeIterator()
      while let argument = iterator.next() {
        switch argument {
        case "--articles": articles = iterator.next().flatMap(Int.init) ?? articles
        case "--keep": keep = true
        case "--reuse": reuse = iterator.next()
        default: break
        }
      }
    }
  }

  static func run(_ options: Options) {
    print("== million: the TUI over 10,000 and \(options.articles) articles (best of 3)")
    let directory =
      options.reuse.map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.temporaryDirectory.appendingPathComponent(
        "leggio-million-\(getpid())")
    defer {
      if options.keep || options.reuse != nil {
        print("kept in \(directory.path)")
      } else {
        try? FileManager.default.removeItem(at: directory)
      }
    }
    var results: [(Int, [(String, Double)])] = []
    for count in [10_000, options.articles] {
      do {
        let path = directory.appendingPathComponent("\(count)/library.sqlite").path
        if options.reuse != nil {
          let (opened, migration) = try Stopwatch.time {
            try Library(path: path, deviceID: "bench")
          }
          print("opened the kept \(count) (migrations, if any: \(Stopwatch.format(migration)))")
          results.append((count, try measure(opened)))
          continue
        }
        let library = try Library(path: path, deviceID: "bench")
        let (_, build) = try Stopwatch.time { try fill(library, count: count) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print(
          "built \(count) articles through the store in \(Stopwatch.format(build)) "
            + "(\(MeasuredProcess.megabytes(size)) before the log is folded in)")
        results.append((count, try measure(library)))
      } catch {
        print("million: failed at \(count) articles: \(error.localizedDescription)")
        return
      }
    }
    guard results.count == 2 else { return }
    let (small, large) = (results[0], results[1])
    print(
      "figure".padding(toLength: 44, withPad: " ", startingAt: 0)
        + "\(small.0)".padding(toLength: 12, withPad: " ", startingAt: 0) + "\(large.0)")
    for ((name, a), (_, b)) in zip(small.1, large.1) {
      print(
        name.padding(toLength: 44, withPad: " ", startingAt: 0)
          + Stopwatch.format(a).padding(toLength: 12, withPad: " ", startingAt: 0)
          + Stopwatch.format(b) + String(format: "  (%.2fx)", b / max(a, 1e-9)))
    }
  }

  /// Adds `count` generated articles, 10,000 to a transaction, each batch dated after
  /// the one before.
  private static func fill(_ library: Library, count: Int) throws {
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    var made = 0
    while made < count {
      let batch = (made..<min(count, made + 10_000)).map(article)
      _ = try library.addFeedArticles(batch, addedAt: start.addingTimeInterval(Double(made)))
      made += batch.count
    }
  }

  private static let words = [
    "Lugano", "Putin", "Milano", "treno", "lago", "città", "notte", "mercato", "voto", "fiume",
    "monte", "scuola", "porto", "piazza", "teatro", "vento",
  ]

  /// Article `n`: a varied title, byline, date and source, and three short sentences.
  private static func article(_ n: Int) -> ImportedArticle {
    let w = { (k: Int) in words[(n / k) % words.count] }
    var metadata = ArticleMetadata(
      title: "\(w(1).capitalized) \(w(7)) \(w(53)) \(n)", byline: "Autore \(n % 997)",
      published: Date(timeIntervalSince1970: 1_600_000_000 + Double(n) * 600),
      source: "https://example.org/\(n / 1000)/\(n)")
    metadata.siteName = "Esempio \(n % 20)"
    if n % 4 == 0 { metadata.tags = ["sport"] }
    let document = Document(blocks: [
      Block(.paragraph, text: "Articolo \(n) su \(w(1)) e \(w(3)), scritto di \(w(11))."),
      Block(.paragraph, text: "Il \(w(5)) e la \(w(13)) tornano a \(w(17)) dopo la \(w(29))."),
    ])
    return ImportedArticle(metadata: metadata, document: document)
  }

  /// The TUI's figures on `library`.
  private static func measure(_ library: Library) throws -> [(String, Double)] {
    func best(_ body: () throws -> Void) rethrows -> Double {
      var times: [Double] = []
      for _ in 0..<3 { times.append(try Stopwatch.time(body).1) }
      return times.min()!
    }
    /// The best of 3 of `body` on a freshly started application, the start not counted.
    func bestOnStarted(_ body: (Application) -> Void) -> Double {
      var times: [Double] = []
      for _ in 0..<3 {
        let app = started()
        times.append(Stopwatch.time { body(app) }.1)
      }
      return times.min()!
    }
    func started() -> Application {
      let app = Application(library: library, width: 120, height: 40)
      app.start()
      _ = app.render()
      return app
    }
    var figures: [(String, Double)] = []
    figures.append(("first list (start to drawn screen)", best { _ = started() }))
    let app = started()
    figures.append(
      (
        "page down",
        best {
          app.send(.key(.pageDown))
          _ = app.render()
        }
      ))
    figures.append(
      (
        "jump to the end",
        bestOnStarted { app in
          app.send(.key(.end))
          _ = app.render()
        }
      ))
    // Each key of "lago" requeries the list.
    figures.append(
      (
        "filter as you type (/lago, each key)",
        bestOnStarted { app in
          app.send(.key(.character("/")))
          for character in "lago" {
            app.send(.key(.character(character)))
            _ = app.render()
          }
        } / 4
      ))
    figures.append(
      (
        "open an article (Enter to its page)",
        bestOnStarted { app in
          app.send(.key(.enter))
          _ = app.render()
        }
      ))
    var n = 0
    figures.append(
      (
        "add one more article",
        try best {
          n += 1
          try library.add(
            ImportedArticle(
              metadata: ArticleMetadata(title: "Uno in più \(n)", source: "https://one.more/\(n)"),
              document: Document(blocks: [Block(.paragraph, text: "Ancora un articolo \(n).")])))
        }
      ))
    return figures
  }
}
