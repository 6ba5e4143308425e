import Foundation
import LeggioStore
import LeggioSync

/// `leggio sync` figures (issue 12), against a bare repository on this machine: a sync
/// with nothing changed and with 1,000 new articles on a 10,000-article library (in this
/// process, and as the whole `leggio sync` process), a second machine receiving it all with
/// every record counted and compared, and the mirror's size against the library's.
enum SyncBench {
  static let deviceA = "0190aaaa-0000-7000-8000-00000000000a"
  static let deviceB = "0190bbbb-0000-7000-8000-00000000000b"

  static func run() {
    print("== sync ==")
    do {
      try measure()
    } catch {
      print("  sync bench failed: \(error)")
    }
  }

  private static func measure() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "leggio-sync-bench-" + UUID().uuidString)
    defer { try? FileManager.default.removeItem(at: root) }
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("leggio").path
    let driver = "'\(binary)' sync merge-driver %O %A %B"
    let homeA = root.appendingPathComponent("a")
    let remote = root.appendingPathComponent("remote.git").path
    let library = try Library(
      path: homeA.appendingPathComponent("library.sqlite").path, deviceID: deviceA)
    var generator = GeneratedArticles()
    _ = try library.addFeedArticles((0..<10_000).map { generator.imported($0) })
    let (annotations, positions) = try annotate(library)
    let engine = SyncEngine(
      library: library, mirror: homeA.appendingPathComponent("library-sync"), mergeDriver: driver,
      deviceName: "bench-a")
    let (_, first) = try Stopwatch.time { try engine.initialize(remote: remote) }
    print(
      "  first sync: 10,000 articles, \(annotations) annotations, \(positions) positions"
        + " (export, commit, push): \(Stopwatch.format(first))")
    let idle = try times(5) { _ = try engine.sync() }
    print(
      "  sync with nothing changed, 10,000 articles: \(Stopwatch.format(idle.min()!)) best,"
        + " \(Stopwatch.format(median(idle))) median of 5")
    // The same as a user runs it: the whole `leggio sync` process (start, open, sync).
    let stateHome = homeA.appendingPathComponent("state/leggio")
    try FileManager.default.createDirectory(at: stateHome, withIntermediateDirectories: true)
    try (deviceA + "\n").write(
      to: stateHome.appendingPathComponent("device-id"), atomically: true, encoding: .utf8)
    let process = ProcessRunner(binary: binary, directory: homeA)
    let whole = process.best(of: 5) { ["sync"] }
    print("  `leggio sync`, nothing changed, whole process: \(process.format(whole)) (best of 5)")
    _ = try library.addFeedArticles((10_000..<11_000).map { generator.imported($0) })
    let (thousandReport, thousand) = try Stopwatch.time { try engine.sync() }
    print(
      "  sync with 1,000 new articles on 10,000: \(Stopwatch.format(thousand))"
        + " (\(thousandReport.exported) files written)")
    let after = try times(3) { _ = try engine.sync() }
    print("  then nothing changed again: \(Stopwatch.format(after.min()!)) best of 3")
    // A second machine receiving the whole library.
    let b = try Library(
      path: root.appendingPathComponent("b/library.sqlite").path, deviceID: deviceB)
    let other = SyncEngine(
      library: b, mirror: root.appendingPathComponent("b/library-sync"), mergeDriver: driver,
      deviceName: "bench-b")
    let (received, receive) = try Stopwatch.time { try other.initialize(remote: remote) }
    print(
      "  a new machine receiving it all: \(Stopwatch.format(receive))"
        + " (\(received.imported) records imported, \(received.skipped.count) skipped)")
    print("  round trip, every record compared: " + (try compare(library, b)))
    let mib = { (path: String) in Double(directorySize(path)) / 1_048_576 }
    let mirror = homeA.appendingPathComponent("library-sync")
    let libraryMiB = ["", "-wal"].map {
      Double(fileSize(homeA.appendingPathComponent("library.sqlite" + $0).path)) / 1_048_576
    }.reduce(0, +)
    print(
      String(
        format:
          "  sizes: library %.1f MiB; mirror files %.1f MiB in %d files; mirror with .git %.1f MiB",
        libraryMiB, mib(mirror.path) - mib(mirror.appendingPathComponent(".git").path),
        fileCount(mirror.path, skipping: ".git"), mib(mirror.path)))
  }

  /// 5,000 highlights and notes (five on each of the first 1,000 articles) and 500
  /// reading positions: what a reader's library holds besides its articles.
  private static func annotate(_ library: Library) throws -> (Int, Int) {
    let rows = try library.summaries(ArticleQuery(sort: .added), offset: 0, limit: 1_000)
    var annotations = 0
    for (index, row) in rows.enumerated() {
      guard let article = try library.annotationArticle(uuid: row.uuid) else { continue }
      let words = article.text.split(whereSeparator: { !$0.isLetter }).map(String.init)
      var used: Set<String> = []
      for word in words where used.count < 5 && word.count > 3 && !used.contains(word) {
        used.insert(word)
        try library.annotations.annotate(
          article, quote: word, note: used.count.isMultiple(of: 2) ? "" : "nota \(index)")
        annotations += 1
      }
      if index < 500 {
        try library.saveReadingPosition(articleID: row.id, offset: 40, progress: 0.3)
      }
    }
    return (annotations, min(500, rows.count))
  }

  /// Both libraries' articles (title and identity), annotations (kind, place and note)
  /// and read state, compared record by record.
  private static func compare(_ a: Library, _ b: Library) throws -> String {
    func articles(_ library: Library) throws -> [String] {
      try library.summaries(ArticleQuery(), offset: 0, limit: 1_000_000)
        .map { "\($0.title)\u{1F}\(try library.globalIdentity(ofArticle: $0.uuid) ?? "")" }
        .sorted()
    }
    func annotations(_ library: Library) throws -> [String] {
      try library.annotations.annotations().map {
        "\($0.uuid) \($0.kind.rawValue) \($0.anchor.start) \($0.anchor.end) \($0.note)"
      }.sorted()
    }
    func read(_ library: Library) throws -> Int {
      try library.summaries(ArticleQuery(), offset: 0, limit: 1_000_000)
        .filter { $0.progress > 0 }.count
    }
    let (articlesA, articlesB) = (try articles(a), try articles(b))
    let (annotationsA, annotationsB) = (try annotations(a), try annotations(b))
    let (readA, readB) = (try read(a), try read(b))
    let same = articlesA == articlesB && annotationsA == annotationsB && readA == readB
    return "A \(articlesA.count) articles, \(annotationsA.count) annotations, \(readA) read;"
      + " B \(articlesB.count), \(annotationsB.count), \(readB)"
      + (same ? " — identical" : " — DIFFERENT")
  }

  private static func times(_ runs: Int, _ body: () throws -> Void) rethrows -> [Double] {
    try (0..<runs).map { _ in try Stopwatch.time(body).1 }
  }

  private static func median(_ values: [Double]) -> Double {
    values.sorted()[values.count / 2]
  }

  /// Bytes of every regular file under `path`.
  static func directorySize(_ path: String) -> Int {
    guard let walker = FileManager.default.enumerator(atPath: path) else { return 0 }
    var total = 0
    while let relative = walker.nextObject() as? String {
      let attributes = try? FileManager.default.attributesOfItem(atPath: path + "/" + relative)
      if attributes?[.type] as? FileAttributeType == .typeRegular {
        total += (attributes?[.size] as? Int) ?? 0
      }
    }
    return total
  }

  static func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
  }

  /// Regular files under `path`, leaving out the top-level directory `skipping`.
  static func fileCount(_ path: String, skipping: String) -> Int {
    guard let walker = FileManager.default.enumerator(atPath: path) else { return 0 }
    var count = 0
    while let relative = walker.nextObject() as? String {
      if relative == skipping || relative.hasPrefix(skipping + "/") {
        if relative == skipping { walker.skipDescendants() }
        continue
      }
      let attributes = try? FileManager.default.attributesOfItem(atPath: path + "/" + relative)
      if attributes?[.type] as? FileAttributeType == .typeRegular { count += 1 }
    }
    return count
  }
}
