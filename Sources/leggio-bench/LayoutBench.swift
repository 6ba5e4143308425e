import Foundation
import LeggioModel
import LeggioLayout

/// The figures of the layout issue, on I promessi sposi (1.4 MB of Italian prose).
///
/// The text is split into paragraphs on blank lines and each paragraph's hard-wrapped
/// lines are joined with spaces, as the plain-text importer does with prose.
enum LayoutBench {
  static let corpus = "corpus/texts/i-promessi-sposi_pg45334_it.txt"

  static func run() {
    LayoutQualityBench.run()
    guard let path = sharedPath(corpus),
      let text = try? String(contentsOfFile: path, encoding: .utf8)
    else {
      print("layout: \(corpus) not found in ../shared (run from the package root)")
      return
    }
    let document = paragraphs(text)
    let metadata = ArticleMetadata(title: "I promessi sposi", byline: "Alessandro Manzoni")
    let small = LayoutOptions(width: 80, height: 24)
    if let repeats = ProcessInfo.processInfo.environment["LEGGIO_BENCH_PLAIN"].flatMap(Int.init) {
      // For profiling the plain path alone: `LEGGIO_BENCH_PLAIN=50 perf record ...`.
      let seconds = Stopwatch.best(of: repeats) {
        _ = PlainTextRenderer.render(document: document, metadata: metadata, width: 80)
      }
      report("PlainTextRenderer, whole text at 80 columns", seconds)
      return
    }
    let scalars = CanonicalText(document).scalarCount
    print(
      "layout: \(path.split(separator: "/").last!) — \(document.blocks.count) blocks, \(scalars) scalars"
    )

    let all = Stopwatch.best(of: 10) {
      PagedArticle(document: document, metadata: metadata, options: small).layoutAll()
    }
    let complete = PagedArticle(document: document, metadata: metadata, options: small)
    complete.layoutAll()
    let pages = complete.pageCount.value
    report("paginate the whole text at 80x24 (\(pages) pages)", all)
    let drawAll = Stopwatch.best(of: 5) {
      let article = PagedArticle(document: document, metadata: metadata, options: small)
      var index = 0
      while article.page(at: index) != nil { index += 1 }
    }
    report("lay out every page with its runs at 80x24", drawAll)
    let plain = Stopwatch.best(of: 10) {
      _ = PlainTextRenderer.render(document: document, metadata: metadata, width: 80)
    }
    report("PlainTextRenderer, whole text at 80 columns", plain)

    let first = Stopwatch.best(of: 10) {
      _ = PagedArticle(document: document, metadata: metadata, options: small).page(at: 0)
    }
    report("first page from a fresh PagedArticle", first)
    let middle = scalars / 2
    let toMiddle = Stopwatch.best(of: 10) {
      let article = PagedArticle(document: document, metadata: metadata, options: small)
      _ = article.page(at: article.pageIndex(containing: middle))
    }
    report("page holding the middle offset, fresh", toMiddle)

    let reader = PagedArticle(document: document, metadata: metadata, options: small)
    var current = reader.pageIndex(containing: middle)
    _ = reader.page(at: current)
    let turn = Stopwatch.best(of: 20) {
      current += 1
      _ = reader.page(at: current)
    }
    report("page turn (next page, not cached)", turn)

    let firstOnScreen = reader.page(at: current)!.source.lowerBound
    let resize = Stopwatch.best(of: 10) {
      let wide = PagedArticle(
        document: document, metadata: metadata, options: LayoutOptions(width: 120, height: 40))
      _ = wide.page(at: wide.pageIndex(containing: firstOnScreen))
    }
    report("resize 80x24 -> 120x40 (new layout, page of the first offset)", resize)
    print(String(format: "  %-62@ %8.1f MiB", "peak memory (VmHWM)" as NSString, peakMemoryMiB()))
    if let book = LayoutQualityBench.threeMegabyteBook() {
      print("  on the corpus texts joined to 3 MB (\(book)):")
      compareWithFmt(book)
    }
    ShowSpeedBench.run()
  }

  /// `leggio show FILE --width 80` against `fmt -w 80 FILE`, whole processes, best of 10.
  static func compareWithFmt(_ path: String) {
    let bench = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    let leggio = bench.deletingLastPathComponent().appendingPathComponent("leggio").path
    let theirs = Stopwatch.best(of: 10) { runProcess("/usr/bin/fmt", ["-w", "80", path]) }
    guard FileManager.default.isExecutableFile(atPath: leggio) else {
      // Without the CLI, time the same work in this process: read, split, lay out, write.
      let inProcess = Stopwatch.best(of: 10) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        let output = PlainTextRenderer.renderUTF8(
          document: paragraphs(text), metadata: nil, width: 80)
        output.withUnsafeBytes {
          FileHandle.nullDevice.write(
            Data(
              bytesNoCopy: UnsafeMutableRawPointer(mutating: $0.baseAddress!), count: $0.count,
              deallocator: .none))
        }
      }
      report("read + split + PlainTextRenderer + write, in process", inProcess)
      report("fmt -w 80 FILE > /dev/null (whole process)", theirs)
      print(
        "  (no leggio binary beside \(bench.lastPathComponent); build it with -c release for the real ratio)"
      )
      return
    }
    guard runProcess(leggio, ["show", path, "--width", "80"]) == 0 else {
      print("  leggio show \(path) --width 80 failed; no ratio")
      return
    }
    let ours = Stopwatch.best(of: 10) { runProcess(leggio, ["show", path, "--width", "80"]) }
    report("leggio show FILE --width 80 > /dev/null", ours)
    report("fmt -w 80 FILE > /dev/null", theirs)
    print(
      String(
        format: "  %-62@ %8.2fx (target: at most 1x)", "ratio leggio / fmt" as NSString,
        ours / theirs))
  }

  /// Runs a process with stdout and stderr on /dev/null and waits for it. posix_spawn,
  /// not Foundation's Process, whose own start-up costs more than fmt's whole run.
  @discardableResult
  static func runProcess(_ executable: String, _ arguments: [String]) -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else {
      print("  could not run \(executable)")
      return -1
    }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return status
  }

  static func report(_ label: String, _ seconds: Double) {
    print(
      "  \(label.padding(toLength: 62, withPad: " ", startingAt: 0)) \(Stopwatch.format(seconds))")
  }

  /// `../shared/PATH` from the working directory or from this source file's package.
  static func sharedPath(_ path: String) -> String? {
    let candidates = [
      FileManager.default.currentDirectoryPath + "/../shared/" + path,
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/" + path).path,
    ]
    return candidates.first { FileManager.default.fileExists(atPath: $0) }
  }

  /// Paragraphs split on blank lines, hard-wrapped lines joined with a space, trimmed;
  /// done on UTF-8 bytes (Foundation's string splitting takes ~0.5 s on this book).
  static func paragraphs(_ text: String) -> Document {
    var blocks: [Block] = []
    var current: [UInt8] = []
    var text = text
    text.withUTF8 { bytes in
      func endParagraph() {
        guard !current.isEmpty else { return }
        blocks.append(Block(.paragraph, text: String(decoding: current, as: UTF8.self)))
        current.removeAll(keepingCapacity: true)
      }
      var lineStart = 0
      for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
        var lower = lineStart
        var upper = index
        while lower < upper && (bytes[lower] == 0x20 || bytes[lower] == 0x09) { lower += 1 }
        while upper > lower && [0x20, 0x09, 0x0D].contains(bytes[upper - 1]) { upper -= 1 }
        if lower == upper {
          endParagraph()
        } else {
          if !current.isEmpty { current.append(0x20) }
          current.append(contentsOf: bytes[lower..<upper])
        }
        lineStart = index + 1
      }
      endParagraph()
    }
    return Document(blocks: blocks)
  }
}
