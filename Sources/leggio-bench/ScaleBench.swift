import Foundation
import LeggioStore

/// `leggio-bench scale [--feeds F] [--items N] [--runs R] [--leggio PATH] [--before PATH]
/// [--update-only] [--keep] [--library PATH [--vacuum]]`: issue 17's table. F feeds of N
/// realistic items each (about 1.5 KB of HTML paragraphs of real prose, `ProseFeeds`),
/// served on 127.0.0.1; `leggio feeds update` on a fresh library and `newsboat -x reload`
/// on a fresh cache, whole process against whole process (wall time, CPU time and peak
/// memory from `wait4`); the size of each on disk, Leggio's broken down by table and
/// index; `list` and `list --json` over the library the update made. The issue's sizes are
/// `--items 10000 --feeds 10` and `--items 10000 --feeds 1`; the default runs in a minute.
/// `--before PATH` times another `leggio` (an older build) in the same rounds, turn about
/// with this one and newsboat, and every round's figures are printed, so a before and
/// after on a shared machine is measured side by side; `--update-only` stops after the
/// updates. Each update's peak is also split, as sampled, into file-backed pages (the
/// executable and its libraries) and anonymous memory (heap, stacks).
enum ScaleBench {
  struct Options {
    var feeds = 10
    var items = 1000
    var runs = 1
    /// Another `leggio` to measure (an older build, for a before-and-after).
    var leggio: String?
    /// An older `leggio` whose update is timed beside this one's, round by round.
    var before: String?
    /// Only the updates: no size, listing or search figures.
    var updateOnly = false
    /// Keep the generated feeds and libraries (their folder is printed).
    var keep = false
    /// A library made before (`--keep`): only its size, breakdown and search times.
    var library: String?
    /// With `library`: `leggio vacuum` it after opening (migrating) it, as the issue's
    /// sizes are measured.
    var vacuum = false

    init(_ arguments: [String]) {
      var iterator = arguments.makeIterator()
      while let argument = iterator.next() {
        let value = { iterator.next().flatMap(Int.init) }
        switch argument {
        case "--feeds": feeds = value() ?? feeds
        case "--items": items = value() ?? items
        case "--runs": runs = value() ?? runs
        case "--leggio": leggio = iterator.next()
        case "--before": before = iterator.next()
        case "--update-only": updateOnly = true
        case "--keep": keep = true
        case "--library": library = iterator.next()
        case "--vacuum": vacuum = true
        default: break
        }
      }
    }
  }

  static func run(_ options: Options) {
    if let library = options.library {
      measureLibrary(library, options)
      return
    }
    let total = options.feeds * options.items
    print("== scale: \(options.feeds) feed(s) of \(options.items) items (\(total) items)")
    guard let leggio = options.leggio ?? LeggioFeedsProcess.executable?.path else {
      print("no leggio binary beside the bench (swift build -c release); skipping")
      return
    }
    guard var prose = ProseFeeds() else {
      print("the corpus (../shared/corpus/texts) is missing; skipping")
      return
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "leggio-scale-\(getpid())")
    try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer {
      if options.keep {
        print("kept in \(directory.path)")
      } else {
        try? FileManager.default.removeItem(at: directory)
      }
    }
    var feedBytes = 0
    for feed in 0..<options.feeds {
      let data = Data(prose.rss(feed: feed, items: options.items).utf8)
      feedBytes += data.count
      try! data.write(to: directory.appendingPathComponent("feed\(feed).xml"))
    }
    print(
      "generated \(options.feeds) RSS feed(s), \(MeasuredProcess.megabytes(feedBytes)) "
        + "(\(feedBytes / max(1, total)) bytes an item with its markup)")
    guard let server = PythonServer(directory: directory) else {
      print("python3 http.server could not start; skipping")
      return
    }
    defer { server.stop() }
    let urls = (0..<options.feeds).map {
      server.base.appendingPathComponent("feed\($0).xml").absoluteString
    }

    var update: MeasuredProcess?
    var library = ""
    var newsboat: MeasuredProcess?
    var cache = ""
    var before: MeasuredProcess?
    for round in 1...options.runs {
      var line = "round \(round):"
      if let older = options.before,
        let run = leggioUpdate(
          older, urls: urls, home: directory.appendingPathComponent("before\(round)"))
      {
        line += " before \(run.summary);"
        if before == nil || run.wall < before!.wall { before = run }
      }
      let home = directory.appendingPathComponent("leggio\(round)")
      if let run = leggioUpdate(leggio, urls: urls, home: home) {
        line += " leggio \(run.summary);"
        if update == nil || run.wall < update!.wall {
          update = run
          library = home.appendingPathComponent("library.sqlite").path
        }
      }
      let newsboatHome = directory.appendingPathComponent("newsboat\(round)")
      if let run = newsboatReload(urls: urls, home: newsboatHome) {
        line += " newsboat \(run.summary)"
        if newsboat == nil || run.wall < newsboat!.wall {
          newsboat = run
          cache = newsboatHome.appendingPathComponent("cache.db").path
        }
      }
      if options.runs > 1 || options.before != nil { print(line) }
    }
    guard let update else {
      print("leggio feeds update failed")
      return
    }
    print("leggio feeds update (whole process, fresh library): \(update.summary)")
    if let newsboat {
      print("newsboat -x reload (whole process, fresh cache):   \(newsboat.summary)")
      print(
        String(
          format:
            "  ratio: Leggio %.2f× newsboat's speed (target ≥ 3×; in CPU time %.2f×); "
            + "peak memory %.2f× (≤ 1×)",
          newsboat.wall / update.wall, newsboat.cpu / update.cpu,
          Double(update.peakRSS) / Double(newsboat.peakRSS)))
    } else {
      print("newsboat is not installed (apt-get install -y newsboat); no comparison")
    }
    if let before {
      print("before (\(options.before!)), its fastest round: \(before.summary)")
      if let newsboat {
        print(
          String(
            format: "  ratio: before %.2f× newsboat's speed (in CPU time %.2f×); peak memory %.2f×",
            newsboat.wall / before.wall, newsboat.cpu / before.cpu,
            Double(before.peakRSS) / Double(newsboat.peakRSS)))
      }
    }
    if options.updateOnly { return }

    let environment = leggioEnvironment(
      home: URL(fileURLWithPath: library).deletingLastPathComponent())
    // The update leaves its items to the search index; the first search indexes them,
    // so the sizes below are of the library with its index.
    let first = MeasuredProcess.run(
      leggio, ["search", "--json", "--limit", "1000", "Renzo"], environment: environment)
    print(
      "leggio search, first after the update (indexes its items) ".padding(
        toLength: 44, withPad: " ", startingAt: 0) + " \(first?.summary ?? "failed")")
    if let first, let newsboat {
      print(
        String(
          format: "  update and first search together: Leggio %.2f× newsboat's speed (CPU %.2f×)",
          newsboat.wall / (update.wall + first.wall), newsboat.cpu / (update.cpu + first.cpu)))
    }
    let wal = fileSize(library + "-wal")
    let leggioBytes = fileSize(library) + wal
    let walNote = wal > 0 ? " (of which \(MeasuredProcess.megabytes(wal)) of write-ahead log)" : ""
    print(
      "size on disk: Leggio \(MeasuredProcess.megabytes(leggioBytes))\(walNote)", terminator: "")
    if newsboat != nil {
      let newsboatBytes = fileSize(cache)
      print(
        String(
          format: ", newsboat %@ (Leggio %.2f× newsboat's; target ≤ 1×)",
          MeasuredProcess.megabytes(newsboatBytes), Double(leggioBytes) / Double(newsboatBytes)))
    } else {
      print()
    }
    printBreakdown(library)

    for arguments in [
      ["list"], ["list", "--json"], ["search", "--json", "--limit", "1000", "Renzo"],
    ] {
      var best: MeasuredProcess?
      for _ in 0..<max(1, options.runs) {
        guard let run = MeasuredProcess.run(leggio, arguments, environment: environment),
          run.status == 0
        else { continue }
        if best == nil || run.wall < best!.wall { best = run }
      }
      let label = ("leggio " + arguments.joined(separator: " ")).padding(
        toLength: 44, withPad: " ", startingAt: 0)
      print("\(label) \(best?.summary ?? "failed")")
    }
    printSearchTimes(leggio, environment: environment, runs: options.runs)
  }

  /// `--library PATH`: the size, breakdown and search times of a library made before (by
  /// `--keep`, perhaps by an older Leggio: opening it migrates it, timed first).
  private static func measureLibrary(_ library: String, _ options: Options) {
    guard let leggio = options.leggio ?? LeggioFeedsProcess.executable?.path else {
      print("no leggio binary beside the bench (swift build -c release); skipping")
      return
    }
    let environment = leggioEnvironment(
      home: URL(fileURLWithPath: library).deletingLastPathComponent())
    if let open = MeasuredProcess.run(
      leggio, ["list", "--tag", "leggio-bench-none"], environment: environment)
    {
      print(
        "leggio opens it (migrates an older one)".padding(toLength: 44, withPad: " ", startingAt: 0)
          + " \(open.summary)")
    }
    if options.vacuum,
      let vacuum = MeasuredProcess.run(leggio, ["vacuum"], environment: environment)
    {
      print(
        "leggio vacuum".padding(toLength: 44, withPad: " ", startingAt: 0) + " \(vacuum.summary)")
    }
    print(
      "size on disk: Leggio \(MeasuredProcess.megabytes(fileSize(library) + fileSize(library + "-wal")))"
    )
    printBreakdown(library)
    printDerivableText(library)
    printSearchTimes(leggio, environment: environment, runs: options.runs)
  }

  /// What the feed items' versions would save without their canonical text (measured on
  /// a sample, scaled to every version of the library).
  private static func printDerivableText(_ library: String) {
    guard let share = try? Library.feedItemTextShare(path: library), share.versions > 0,
      let versionBytes = try? Library.spaceByObject(path: library)
        .filter({ $0.name == "article_version" }).map(\.bytes).reduce(0, +)
    else { return }
    let saved = 1 - Double(share.withoutText) / Double(share.stored)
    print(
      String(
        format:
          "  feed items' versions without their canonical text: %d documents sampled, "
          + "%.0f → %.0f bytes each (%.0f%% less; about %@ of article_version's %@)",
        share.versions, Double(share.stored) / Double(share.versions),
        Double(share.withoutText) / Double(share.versions), saved * 100,
        MeasuredProcess.megabytes(Int(Double(versionBytes) * saved)),
        MeasuredProcess.megabytes(versionBytes)))
  }

  /// Searches of each kind over the library, `leggio search` as a person runs it (50
  /// hits unless said): a common word, a rare one, a prefix (the last word of a search is
  /// one anyway); phrases, which an index without positions answers by reading candidates'
  /// texts in rank order until enough hold the phrase: of common words (44% of these
  /// items hold "che non"), also asked for 1,000 hits, of common words that rarely come
  /// together (0.7% hold "il che", while 99% hold both words), of rare words; and a list
  /// filtered by that rare phrase, which checks every candidate. The slowest and
  /// fastest of `runs`, at least 3.
  private static func printSearchTimes(_ leggio: String, environment: [String: String], runs: Int) {
    let queries: [(String, [String])] =
      [
        ("common word", ["che"]), ("rare word", ["Azzecca"]), ("prefix", ["sign"]),
        ("phrase of common words", ["\"che non\""]),
        ("the same, 1,000 hits", ["--limit", "1000", "\"che non\""]),
        ("rare phrase of common words", ["\"il che\""]),
        ("phrase of rare words", ["\"Azzecca garbugli\""]),
      ].map { ($0.0, ["search", "--json"] + $0.1) }
      + [("list of a rare phrase, every match", ["list", "--search", "\"il che\""])]
    for (kind, arguments) in queries {
      var measured: [MeasuredProcess] = []
      for _ in 0..<max(3, runs) {
        if let run = MeasuredProcess.run(
          leggio, arguments, environment: environment),
          run.status == 0
        {
          measured.append(run)
        }
      }
      guard let fastest = measured.min(by: { $0.wall < $1.wall }),
        let slowest = measured.max(by: { $0.wall < $1.wall })
      else {
        print("leggio \(arguments.joined(separator: " ")): failed")
        continue
      }
      let cpu = measured.map(\.cpu)
      print(
        ("leggio " + arguments.filter { $0 != "--json" }.joined(separator: " ") + " (" + kind + ")")
          .padding(toLength: 64, withPad: " ", startingAt: 0)
          + " " + Stopwatch.format(fastest.wall) + "–" + Stopwatch.format(slowest.wall)
          + " (cpu " + Stopwatch.format(cpu.min()!) + "–" + Stopwatch.format(cpu.max()!) + ")")
    }
  }

  private static func leggioEnvironment(home: URL) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["LEGGIO_LIBRARY"] = home.appendingPathComponent("library.sqlite").path
    environment["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
    environment["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
    return environment
  }

  /// Subscribes a fresh library in `home` to `urls`, then times one `leggio feeds update`.
  private static func leggioUpdate(_ leggio: String, urls: [String], home: URL)
    -> MeasuredProcess?
  {
    try? FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    let environment = leggioEnvironment(home: home)
    for url in urls {
      guard
        MeasuredProcess.run(leggio, ["feeds", "add", url], environment: environment)?.status
          == 0
      else {
        print("leggio feeds add \(url) failed")
        return nil
      }
    }
    guard
      let run = MeasuredProcess.run(
        leggio, ["feeds", "update"], environment: environment, splitsPeak: true)
    else { return nil }
    if run.status != 0 { print("leggio feeds update exited \(run.status)") }
    return run
  }

  /// `newsboat -x reload` with its own urls file, config and cache in `home`.
  private static func newsboatReload(urls: [String], home: URL) -> MeasuredProcess? {
    let paths = ["/usr/bin/newsboat", "/usr/local/bin/newsboat"]
    guard let newsboat = paths.first(where: FileManager.default.isExecutableFile(atPath:)) else {
      return nil
    }
    try? FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    let urlsFile = home.appendingPathComponent("urls").path
    let config = home.appendingPathComponent("config").path
    try? (urls.joined(separator: "\n") + "\n").write(
      toFile: urlsFile, atomically: true, encoding: .utf8)
    try? "max-items 0\nreload-threads 1\n".write(toFile: config, atomically: true, encoding: .utf8)
    var environment = ProcessInfo.processInfo.environment
    environment["HOME"] = home.path
    environment["XDG_CONFIG_HOME"] = home.path
    environment["XDG_DATA_HOME"] = home.path
    let run = MeasuredProcess.run(
      newsboat,
      [
        "-u", urlsFile, "-C", config, "-c", home.appendingPathComponent("cache.db").path, "-x",
        "reload",
      ],
      environment: environment, splitsPeak: true)
    if let run, run.status != 0 {
      print("newsboat exited \(run.status)")
      return nil
    }
    return run
  }

  /// The library's tables and indexes grouped as the issue names them.
  private static func printBreakdown(_ path: String) {
    guard let objects = try? Library.spaceByObject(path: path), !objects.isEmpty else {
      print("  (no breakdown: this SQLite has no dbstat)")
      return
    }
    let groups: [(String, (String) -> Bool)] = [
      ("text versions (article_version + indexes)", { $0.hasPrefix("article_version") }),
      ("search: FTS copy of the text", { $0 == "article_fts_content" }),
      ("search: FTS index", { $0.hasPrefix("article_fts") && $0 != "article_fts_content" }),
      ("original pages", { $0.hasPrefix("article_original") }),
      (
        "articles (+ indexes)",
        {
          $0 == "article" || $0.hasPrefix("article_by") || $0.hasPrefix("sqlite_autoindex_article_")
        }
      ),
      (
        "feed items (+ indexes)",
        { $0.hasPrefix("feed_items") || $0.hasPrefix("sqlite_autoindex_feed_items") }
      ),
      (
        "tags (+ indexes)",
        { $0.hasPrefix("article_tag") || $0.hasPrefix("sqlite_autoindex_article_tag") }
      ),
      ("sync bookkeeping", { $0.hasPrefix("sync_") || $0.hasPrefix("sqlite_autoindex_sync") }),
    ]
    var rest = 0
    var sums = Array(repeating: 0, count: groups.count)
    for (name, bytes) in objects {
      if let index = groups.firstIndex(where: { $0.1(name) }) {
        sums[index] += bytes
      } else {
        rest += bytes
      }
    }
    for (index, group) in groups.enumerated() where sums[index] > 0 {
      print("  \(group.0): \(MeasuredProcess.megabytes(sums[index]))")
    }
    print("  everything else: \(MeasuredProcess.megabytes(rest))")
    let largest = objects.prefix(8).map { "\($0.name) \(MeasuredProcess.megabytes($0.bytes))" }
    print("  largest objects: " + largest.joined(separator: ", "))
  }

  private static func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
  }
}
