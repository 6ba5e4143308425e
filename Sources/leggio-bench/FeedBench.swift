import Foundation
import LeggioModel
import LeggioImport
import LeggioStore
import LeggioFeeds

/// `leggio-bench feeds`: parse and store a generated 10,000-item RSS feed through the real
/// library (articles, versions, tags, FTS5), then update it
/// over HTTP on 127.0.0.1 beside `newsboat -x reload` on the same feed served the same
/// way (python3 -m http.server), and print the ratio. Skips newsboat when absent.
enum FeedBench {
  static let itemCount = 10_000

  static func run() {
    print("== feeds")
    let data = Data(generateRSS(items: itemCount).utf8)
    print("generated RSS 2.0 feed: \(itemCount) items, \(data.count / 1024) KiB")

    var parsed: ParsedFeed?
    let parse = Stopwatch.best(of: 3) {
      parsed = try! FeedParser.parse(data: data, contentType: nil, url: nil)
    }
    report("parse", seconds: parse)
    let convert = Stopwatch.best(of: 3) {
      _ = FeedArticleBuilder.articles(for: parsed!.items, feed: parsed!, feedURL: nil)
    }
    report("items to articles (HTML to Document)", seconds: convert)
    let convertCPUStart = CPUTime.ofSelf()
    _ = FeedArticleBuilder.articles(for: parsed!.items, feed: parsed!, feedURL: nil)
    let convertCPU = CPUTime.ofSelf() - convertCPUStart
    print(
      "  CPU time \(Stopwatch.format(convertCPU)) (HTMLParser + HTMLDocumentConverter, the importers')"
    )

    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "leggio-feedbench-\(getpid())")
    try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try! data.write(to: directory.appendingPathComponent("feed.xml"))

    let articles = FeedArticleBuilder.articles(for: parsed!.items, feed: parsed!, feedURL: nil)
    var storeRun = 0
    var storeCPU = Double.infinity
    let store = Stopwatch.best(of: 3) {
      storeRun += 1
      let library = try! Library(
        path: directory.appendingPathComponent("store\(storeRun).sqlite").path, deviceID: "bench")
      let before = CPUTime.ofSelf()
      for start in stride(from: 0, to: articles.count, by: FeedUpdater.batchSize) {
        let batch = Array(articles[start..<min(start + FeedUpdater.batchSize, articles.count)])
        _ = try! library.addFeedArticles(batch)
      }
      storeCPU = min(storeCPU, CPUTime.ofSelf() - before)
    }
    report(
      "store articles in the library (text, JSON, FTS5; 1,000 per transaction)", seconds: store)
    print("  CPU time \(Stopwatch.format(storeCPU))")

    let local = directory.appendingPathComponent("feed.xml")
    var run = 0
    let file = Stopwatch.best(of: 3) {
      run += 1
      _ = updateOnce(url: local, database: directory.appendingPathComponent("file\(run).sqlite"))
    }
    report("parse + convert + store (file://, fresh library, best of 3)", seconds: file)

    guard let server = PythonServer(directory: directory) else {
      print("python3 http.server could not start; skipping the HTTP comparison")
      return
    }
    defer { server.stop() }
    let feedURL = server.base.appendingPathComponent("feed.xml")
    // Alternate the runs so that a change in the machine's load hits all alike; keep the
    // best wall time and the best CPU time (user + system, less sensitive to load) of each.
    // Leggio is timed twice: in this process (the library code alone) and as the real
    // `leggio feeds update` process, which is what compares with newsboat's process.
    var inProcess = (wall: Double.infinity, cpu: Double.infinity)
    var process = (wall: Double.infinity, cpu: Double.infinity)
    var newsboat = (wall: Double.infinity, cpu: Double.infinity)
    var newItems = 0
    for round in 1...5 {
      let before = CPUTime.ofSelf()
      let (items, wall) = Stopwatch.time {
        updateOnce(url: feedURL, database: directory.appendingPathComponent("http\(round).sqlite"))
      }
      newItems = items
      inProcess = (min(inProcess.wall, wall), min(inProcess.cpu, CPUTime.ofSelf() - before))
      if let run = LeggioFeedsProcess.update(
        url: feedURL, directory: directory.appendingPathComponent("cli\(round)"))
      {
        process = (min(process.wall, run.wall), min(process.cpu, run.cpu))
      }
      if let run = Newsboat.reload(
        url: feedURL, directory: directory.appendingPathComponent("nb\(round)"))
      {
        newsboat = (min(newsboat.wall, run.wall), min(newsboat.cpu, run.cpu))
      }
    }
    report(
      "FeedUpdater over HTTP in this process (\(newItems) new, fresh library, best of 5)",
      seconds: inProcess.wall)
    print("  CPU time \(Stopwatch.format(inProcess.cpu))")
    let leggio = process.wall.isFinite ? process : inProcess
    if process.wall.isFinite {
      report(
        "leggio feeds update over HTTP (whole process, fresh library, best of 5)",
        seconds: process.wall)
      print("  CPU time \(Stopwatch.format(process.cpu))")
    } else {
      print("  (no leggio binary beside the bench; the ratio uses the in-process time)")
    }
    guard newsboat.wall.isFinite else {
      print("newsboat is not installed (apt-get install -y newsboat); skipping the comparison")
      return
    }
    report(
      "newsboat -x reload over HTTP (whole process, fresh cache, best of 5)",
      seconds: newsboat.wall)
    print("  CPU time \(Stopwatch.format(newsboat.cpu))")
    print(
      String(
        format:
          "ratio: Leggio is %.1f× newsboat's speed in wall time, %.1f× in CPU time (target ≥ 3×)",
        newsboat.wall / leggio.wall, newsboat.cpu / leggio.cpu))
    print(
      String(
        format: "ratio without the HTML-to-Document step (CPU): %.1f×",
        newsboat.cpu / max(0.001, leggio.cpu - convertCPU)))
  }

  private static func report(_ label: String, seconds: Double) {
    let rate = Double(itemCount) / seconds
    print("\(label): \(Stopwatch.format(seconds)), \(Int(rate)) items/s")
  }

  /// Subscribes a fresh library file to `url` and updates it once through the real
  /// library: articles, versions, tags and the FTS5 index, one transaction per batch.
  private static func updateOnce(url: URL, database path: URL) -> Int {
    let library = try! Library(path: path.path, deviceID: "bench")
    try! library.feedStore.add(url: url.absoluteString)
    let updater = FeedUpdater(store: library.feedStore, batchSink: library.feedArticleSink)
    let summaries = blocking { try! await updater.update() }
    if let error = summaries.first?.error { print("  error: \(error)") }
    return summaries.first?.newItems ?? 0
  }

  static func generateRSS(items: Int) -> String {
    var xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
      <title>Bench feed</title><link>http://example.org/</link><description>generated</description>

      """
    let words = [
      "la", "politica", "estera", "più", "città", "notizia", "governo", "Roma", "accordo", "ieri",
    ]
    for index in 0..<items {
      let title = (0..<8).map { words[($0 * 7 + index) % words.count] }.joined(separator: " ")
      let paragraph = (0..<60).map { words[($0 * 3 + index) % words.count] }.joined(separator: " ")
      let day = 1 + index % 28
      xml += """
        <item><title>\(title) \(index)</title><link>http://example.org/articles/\(index).html</link>
        <guid isPermaLink="true">http://example.org/articles/\(index).html</guid>
        <pubDate>Mon, \(day) Sep 2025 10:\(String(format: "%02d", index % 60)):00 +0200</pubDate>
        <dc:creator>Autore \(index % 50)</dc:creator><category>Esteri</category>
        <description>&lt;p&gt;\(paragraph).&lt;/p&gt;&lt;p&gt;\(paragraph)!&lt;/p&gt;</description></item>

        """
    }
    return xml + "</channel></rss>\n"
  }
}

/// Runs async work to completion from the synchronous bench.
private func blocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
  let box = BlockingBox<T>()
  let semaphore = DispatchSemaphore(value: 0)
  Task {
    box.value = await body()
    semaphore.signal()
  }
  semaphore.wait()
  return box.value!
}

/// Carries a result out of a Task; the semaphore orders the write before the read.
private final class BlockingBox<T>: @unchecked Sendable {
  var value: T?
}
