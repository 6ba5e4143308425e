import Foundation
import LeggioImport
import LeggioStore

/// `leggio-bench library`: importing a long book, a batch of 1,000 files, and listing and
/// searching a library of 10,000 articles, as whole `leggio` processes.
enum LibraryBench {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func run() {
    let leggio = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent().appendingPathComponent("leggio").path
    guard FileManager.default.isExecutableFile(atPath: leggio) else {
      print("library: no leggio binary beside leggio-bench; run `swift build -c release` first")
      return
    }
    let book = packageRoot.appendingPathComponent(
      "../shared/corpus/texts/i-promessi-sposi_pg45334_it.txt"
    ).standardizedFileURL.path
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "leggio-bench-\(getpid())")
    try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    // LEGGIO_BENCH_KEEP=1 keeps the 10,000-article library for profiling.
    let keep = ProcessInfo.processInfo.environment["LEGGIO_BENCH_KEEP"] == "1"
    defer {
      if keep {
        print("  (kept \(work.path))")
      } else {
        try? FileManager.default.removeItem(at: work)
      }
    }
    var rows: [(String, String)] = []
    let runner = ProcessRunner(binary: leggio, directory: work)

    // A long book into a fresh library, as a process and split in-process.
    rows.append(
      (
        "add i-promessi-sposi (1.4 MB), process",
        runner.format(runner.best(of: 3, fresh: true) { ["add", book] })
      ))
    if let data = FileManager.default.contents(atPath: book) {
      let (article, parse) = Stopwatch.time {
        try? ArticleImporter.importData(data, name: "i-promessi-sposi.txt")
      }
      rows.append(("  import (parse) in-process", Stopwatch.format(parse)))
      if var article {
        article.metadata.source = book
        let store = Stopwatch.best(of: 3) {
          let library = try? Library.inMemory()
          _ = try? library?.add(article)
        }
        rows.append(("  store (hash, FTS, one transaction)", Stopwatch.format(store)))
      }
    }

    // 1,000 small files in one `leggio add DIR`.
    let batch = work.appendingPathComponent("batch")
    try? FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
    var generator = GeneratedArticles()
    for n in 0..<1000 {
      try? generator.text(n).write(
        to: batch.appendingPathComponent(String(format: "%04d.txt", n)), atomically: false,
        encoding: .utf8)
    }
    rows.append(
      (
        "add DIR of 1,000 small articles, process",
        runner.format(runner.best(of: 2, fresh: true) { ["add", batch.path] })
      ))

    // A library of 10,000 articles.
    runner.reset()
    var generatorBig = GeneratedArticles(seed: 42)
    let (_, fill) = Stopwatch.time {
      guard let library = try? Library(path: runner.library, deviceID: "bench") else { return }
      for n in 0..<10_000 { _ = try? library.add(generatorBig.imported(n)) }
    }
    rows.append(("fill 10,000 articles in-process (10,000 transactions)", Stopwatch.format(fill)))
    rows.append(
      (
        "list --json, 10,000 articles, process",
        runner.format(runner.best(of: 5) { ["list", "--json"] })
      ))
    rows.append(
      ("list (plain), 10,000 articles, process", runner.format(runner.best(of: 5) { ["list"] })))
    rows.append(
      (
        "search guerra, 10,000 articles, process",
        runner.format(runner.best(of: 5) { ["search", "guerra"] })
      ))
    rows.append(
      (
        "search \"citta energ\" --json, process",
        runner.format(runner.best(of: 5) { ["search", "citta energ", "--json"] })
      ))
    if let library = try? Library(path: runner.library, deviceID: "bench") {
      for sort in [ArticleSort.added, .title, .published] {
        let window = Stopwatch.best(of: 5) {
          _ = try? library.summaries(ArticleQuery(sort: sort), offset: 5_000, limit: 50)
        }
        rows.append(("window of 50 at row 5,000 by \(sort), in-process", Stopwatch.format(window)))
      }
      let all = Stopwatch.best(of: 3) { _ = try? library.entries(ArticleQuery()) }
      rows.append(("fetch all 10,000 entries (list's query), in-process", Stopwatch.format(all)))
      let filtered = Stopwatch.best(of: 5) {
        let query = ArticleQuery(search: "ospedale tre")
        _ = try? library.count(query)
        _ = try? library.summaries(query, offset: 0, limit: 50)
      }
      rows.append(
        ("filter-as-you-type count + first window, in-process", Stopwatch.format(filtered)))
    }
    printTable(title: "library", rows)
  }

  static func printTable(title: String, _ rows: [(String, String)]) {
    let width = rows.map(\.0.count).max() ?? 0
    print("\n\(title)")
    for (name, value) in rows {
      print("  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value)
    }
  }
}
