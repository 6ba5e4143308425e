import Foundation
import LeggioTestSupport
import LeggioModel
import LeggioImport

/// `leggio-bench web`: extraction speed over the corpus pages in one process, the
/// per-page F1/metadata table, and (when installed) readability-lxml and trafilatura on the
/// same pages, scored by the same rules.
enum WebBench {
  static let corpus = URL(fileURLWithPath: "../shared/corpus/html")

  static let extraction = URL(fileURLWithPath: "../shared/corpus/extraction")

  static func run() {
    print("== web: article extraction over \(corpus.path) and \(extraction.path)")
    guard let pages = try? CorpusEvaluation.loadPages(in: corpus), !pages.isEmpty,
      let zyte = try? ExtractionBenchmarks.loadZyte(
        extraction.appendingPathComponent("scrapinghub")),
      let trafilatura = try? ExtractionBenchmarks.loadTrafilatura(
        extraction.appendingPathComponent("trafilatura"))
    else {
      print("corpus not found; run from the package root with ../shared beside it")
      return
    }
    let readabilityScores = pages.map { CorpusEvaluation.score($0) }
    print(CorpusEvaluation.table(readabilityScores))
    let readabilityPages = pages.map { page in
      let file = corpus.appendingPathComponent(page.name).appendingPathComponent("source.html")
      return ExtractionBenchmarks.Page(
        key: page.name, url: CorpusEvaluation.pageURL,
        data: (try? Data(contentsOf: file)) ?? Data(page.source.utf8), file: file)
    }
    let sets: [(name: String, pages: [ExtractionBenchmarks.Page])] = [
      ("readability", readabilityPages), ("zyte", zyte.pages), ("trafilatura", trafilatura.pages),
    ]
    if let folder = ProcessInfo.processInfo.environment["LEGGIO_BENCH_DUMP_DOCUMENTS"] {
      WebDocumentDump.write(sets, into: URL(fileURLWithPath: folder))
      return
    }
    if let rounds = ProcessInfo.processInfo.environment["LEGGIO_BENCH_PROFILE"].flatMap(Int.init) {
      profile(sets, rounds: rounds)
      return
    }
    var ours: [String: (outputs: [String: ExtractionBenchmarks.Output], perSecond: Double)] = [:]
    for (name, setPages) in sets {
      var outputs: [String: ExtractionBenchmarks.Output] = [:]
      let seconds = Stopwatch.bestCPU(of: 3) {
        for page in setPages { outputs[page.key] = ExtractionBenchmarks.leggio(page) }
      }
      ours[name] = (outputs, Double(setPages.count) / seconds)
    }
    let zyteScore = ExtractionBenchmarks.scoreZyte(zyte, outputs: ours["zyte"]!.outputs)
    let trafilaturaScore = ExtractionBenchmarks.scoreTrafilatura(
      trafilatura, outputs: ours["trafilatura"]!.outputs)
    if let folder = ProcessInfo.processInfo.environment["LEGGIO_BENCH_DUMP"] {
      dumpOutputs(sets, ours.mapValues(\.outputs), into: URL(fileURLWithPath: folder))
    }
    if ProcessInfo.processInfo.environment["LEGGIO_BENCH_PAGES"] != nil {
      printMisses(zyte: zyteScore, trafilatura: trafilaturaScore)
      for page in trafilatura.pages {
        guard let wanted = trafilatura.expected[page.key],
          let got = ours["trafilatura"]?.outputs[page.key]
        else { continue }
        if !wanted.title.isEmpty, !BenchmarkScoring.namesMatch(got.title, wanted.title) {
          print("title  want \(wanted.title) | got \(got.title ?? "nil")")
        }
        if !wanted.author.isEmpty, !BenchmarkScoring.namesMatch(got.byline, wanted.author) {
          print("byline want \(wanted.author) | got \(got.byline ?? "nil") | \(page.key)")
        }
        if !wanted.date.isEmpty, !BenchmarkScoring.dayMatches(got.published, wanted.date) {
          print(
            "date   want \(wanted.date) | got \(got.published.map { "\($0)" } ?? "nil") | \(page.key)"
          )
        }
      }
    }

    let listing = Dictionary(
      uniqueKeysWithValues: sets.map { set in
        (set.name, set.pages.map { ($0.key, $0.file.path, $0.url?.absoluteString ?? "") })
      })
    let skipPeers = ProcessInfo.processInfo.environment["LEGGIO_BENCH_NO_PEERS"] != nil
    var notes: [String] = []
    /// A peer's runs, or nil with a note saying why it is left out.
    func peerRuns(
      _ name: String,
      _ run: ([String: [(key: String, file: String, url: String)]]) -> Result<
        [String: PythonPeer.SetRun], PythonPeer.Reason
      >
    ) -> [String: PythonPeer.SetRun]? {
      if skipPeers {
        notes.append("\(name): skipped (LEGGIO_BENCH_NO_PEERS)")
        return nil
      }
      switch run(listing) {
      case .success(let runs): return runs
      case .failure(let reason):
        notes.append("\(name): " + reason.text + "; skipped")
        return nil
      }
    }
    let lxml = peerRuns("readability-lxml", ReadabilityLXML.run).map {
      PeerScores($0, pages: pages, zyte: zyte, trafilatura: trafilatura)
    }
    let trafilaturaPeer = peerRuns("trafilatura", Trafilatura.run).map {
      PeerScores($0, pages: pages, zyte: zyte, trafilatura: trafilatura)
    }
    let readabilityMean =
      readabilityScores.map(\.f1).reduce(0, +) / Double(readabilityScores.count)
    let setNames = sets.map(\.name)
    let leggio = PeerScores(
      htmlF1: readabilityMean, zyte: zyteScore, trafilatura: trafilaturaScore,
      speeds: ours.mapValues(\.perSecond), hasMetadata: true)
    let columns = [lxml, trafilaturaPeer, leggio]
    func row(_ label: String, _ cell: (PeerScores) -> String) -> String {
      "| \(label) | " + columns.map { $0.map(cell) ?? "–" }.joined(separator: " | ") + " |"
    }
    var rows: [String] = []
    rows.append("| dev set: measure | readability-lxml | trafilatura | Leggio |")
    rows.append("|---|---|---|---|")
    rows.append(row("Readability pages (\(pages.count)): token F1 mean") { f3($0.htmlF1) })
    rows.append(
      row("Zyte (\(zyte.pages.count)): token F1 mean (micro)") {
        f3($0.zyte.meanF1) + " (" + f3($0.zyte.microF1) + ")"
      })
    rows.append(
      row("trafilatura (\(trafilatura.pages.count)): snippet F1 / accuracy") {
        f3($0.trafilatura.f1) + " / " + f3($0.trafilatura.accuracy)
      })
    rows.append(
      row("trafilatura: title / byline / date right") { scores in
        let score = scores.trafilatura
        return f2(score.titleShare) + " / "
          + (scores.hasMetadata
            ? f2(score.bylineShare) + " / " + f2(score.dateShare) : "– / –")
      })
    rows.append(
      row("pages/s (Readability / Zyte / trafilatura)") { scores in
        setNames.map { scores.speeds[$0].map { String(format: "%.1f", $0) } ?? "–" }
          .joined(separator: " / ")
      })
    for (name, peer) in [("readability-lxml", lxml), ("trafilatura", trafilaturaPeer)] {
      guard let peer else { continue }
      let ratios = setNames.map { set -> String in
        guard let theirs = peer.speeds[set], let mine = leggio.speeds[set] else { return "–" }
        return String(format: "%.1fx", mine / theirs)
      }
      rows.append(
        "| Leggio's speed over \(name)'s | | | " + ratios.joined(separator: " / ") + " |")
    }
    print(rows.joined(separator: "\n"))
    print(
      "(titles/bylines/dates: share right of the pages whose reference has one: "
        + "\(trafilaturaScore.titles.checked) / \(trafilaturaScore.bylines.checked) / \(trafilaturaScore.dates.checked);"
        + " Leggio timed over the whole import, best of 3; the peers one round each;"
        + " all in CPU seconds of the process, so other work on the machine does not count)")
    for note in notes { print(note) }
    largePages(ReadabilityExtractor())
    print(String(format: "peak memory %.1f MiB", peakMemoryMiB()))
  }

  private static func f3(_ value: Double?) -> String {
    value.map { String(format: "%.3f", $0) } ?? "–"
  }

  private static func f2(_ value: Double?) -> String {
    value.map { String(format: "%.2f", $0) } ?? "–"
  }

  /// One extractor's column of the table: its scores on the three sets and its speeds.
  struct PeerScores {
    var htmlF1: Double
    var zyte: ExtractionBenchmarks.ZyteScore
    var trafilatura: ExtractionBenchmarks.TrafilaturaScore
    /// Pages per CPU second, by set.
    var speeds: [String: Double]
    /// Whether it gives bylines and dates to score.
    var hasMetadata: Bool

    init(
      htmlF1: Double, zyte: ExtractionBenchmarks.ZyteScore,
      trafilatura: ExtractionBenchmarks.TrafilaturaScore, speeds: [String: Double],
      hasMetadata: Bool
    ) {
      self.htmlF1 = htmlF1
      self.zyte = zyte
      self.trafilatura = trafilatura
      self.speeds = speeds
      self.hasMetadata = hasMetadata
    }

    /// A Python peer's runs scored by the same rules as Leggio's outputs.
    init(
      _ runs: [String: PythonPeer.SetRun], pages: [CorpusEvaluation.Page],
      zyte: ExtractionBenchmarks.ZyteSet, trafilatura: ExtractionBenchmarks.TrafilaturaSet
    ) {
      let html = runs["readability"]?.outputs ?? [:]
      htmlF1 =
        pages.map { page in
          ExtractionEvaluation.f1(
            extracted: html[page.name]?.text ?? "", expected: page.expectedText)
        }.reduce(0, +) / Double(max(pages.count, 1))
      self.zyte = ExtractionBenchmarks.scoreZyte(zyte, outputs: runs["zyte"]?.outputs ?? [:])
      self.trafilatura = ExtractionBenchmarks.scoreTrafilatura(
        trafilatura, outputs: runs["trafilatura"]?.outputs ?? [:])
      speeds = runs.compactMapValues(\.pagesPerSecond)
      hasMetadata = runs.values.contains { run in
        run.outputs.values.contains { $0.byline != nil || $0.published != nil }
      }
    }
  }

  /// `LEGGIO_BENCH_PROFILE=N`: only the imports, every set `N` times, with each set's CPU
  /// seconds: a steady load for `perf record`, and a quick figure between changes.
  static func profile(
    _ sets: [(name: String, pages: [ExtractionBenchmarks.Page])], rounds: Int
  ) {
    // `LEGGIO_BENCH_ONLY=TEXT`: only the pages whose key contains it.
    let only = ProcessInfo.processInfo.environment["LEGGIO_BENCH_ONLY"]
    let sets = sets.map { set in
      (name: set.name, pages: set.pages.filter { only == nil || $0.key.contains(only!) })
    }.filter { !$0.pages.isEmpty }
    for (name, pages) in sets {
      let seconds = Stopwatch.bestCPU(of: max(rounds, 1)) {
        for page in pages { _ = ExtractionBenchmarks.leggio(page) }
      }
      print(String(format: "%@: %.1f pages/s", name, Double(pages.count) / seconds))
    }
    guard ProcessInfo.processInfo.environment["LEGGIO_BENCH_PAGE_TIMES"] != nil else { return }
    // Each page's best CPU time beside its size, to see what grows faster than the page.
    for (name, pages) in sets {
      for page in pages {
        let seconds = Stopwatch.bestCPU(of: max(rounds, 1)) {
          _ = ExtractionBenchmarks.leggio(page)
        }
        print(String(format: "time %@ %@ %d %.3f", name, page.key, page.data.count, seconds * 1000))
      }
    }
  }

  /// Each page's text stream as `FOLDER/SET/PAGE-FILE.txt`, to read what was kept.
  static func dumpOutputs(
    _ sets: [(name: String, pages: [ExtractionBenchmarks.Page])],
    _ outputs: [String: [String: ExtractionBenchmarks.Output]], into folder: URL
  ) {
    for (name, pages) in sets {
      let setFolder = folder.appendingPathComponent(name)
      try? FileManager.default.createDirectory(at: setFolder, withIntermediateDirectories: true)
      for page in pages {
        let file =
          page.file.lastPathComponent == "source.html" ? page.key : page.file.lastPathComponent
        let text = outputs[name]?[page.key]?.text ?? ""
        try? text.write(
          to: setFolder.appendingPathComponent(file + ".txt"), atomically: true, encoding: .utf8)
      }
    }
  }

  /// The worst Zyte pages and every trafilatura page with a snippet wrong.
  static func printMisses(
    zyte: ExtractionBenchmarks.ZyteScore, trafilatura: ExtractionBenchmarks.TrafilaturaScore
  ) {
    for (key, f1) in zyte.pages.sorted(by: { $0.value < $1.value }).prefix(15) {
      print(String(format: "zyte %.3f %@", f1, key))
    }
    for (key, miss) in trafilatura.misses.sorted(by: { $0.key < $1.key }) {
      print("trafilatura \(key)")
      for snippet in miss.missing { print("  missing: \(snippet.prefix(80))") }
      for snippet in miss.kept { print("  kept:    \(snippet.prefix(80))") }
    }
  }

  /// One extraction of synthetic 5 MB pages: many paragraphs, and text split by `<br><br>`.
  static func largePages(_ extractor: ReadabilityExtractor) {
    let sentence = "Una frase di prova, con virgole, parole e abbastanza testo da contare davvero."
    let count = 5 * 1_048_576 / (sentence.utf8.count + 9)
    let shapes = [
      (
        "paragraphs",
        "<article>" + String(repeating: "<p>\(sentence)</p>\n", count: count) + "</article>"
      ),
      (
        "br-separated",
        "<div>" + String(repeating: "\(sentence)<br><br>\n", count: count) + "</div>"
      ),
    ]
    for (name, body) in shapes {
      let html = "<html><body><nav><a href=/>menu</a></nav>\(body)</body></html>"
      let (article, seconds) = Stopwatch.time { extractor.extract(html: html, url: nil) }
      print(
        String(
          format: "5 MB page of %@: %@, %d characters kept", name, Stopwatch.format(seconds),
          article.text.utf16.count))
    }
  }
}
