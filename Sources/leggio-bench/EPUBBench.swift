import Foundation
import LeggioImport
import LeggioModel
import LeggioStore
import LeggioTUI

/// `leggio-bench epub`: a 3 MB book of the corpus (Chateaubriand's *Mémoires
/// d'outre-tombe*, 575 chapters, 6.3 MB uncompressed) added by the `leggio` process, read
/// and stored in-process, and opened in the TUI to its first page; then, side by side,
/// epy (the terminal EPUB reader issue 13 measures against: about 440 ms to its first
/// page of War and Peace here) and `leggio` each started in tmux and timed to the first
/// page of this book on screen. The aim is a tenth of epy's time for adding and for
/// opening. epy is found on PATH or as `$EPY` (`pip install epy-reader`).
enum EPUBBench {
  static let book = LibraryBench.packageRoot.appendingPathComponent(
    "../shared/corpus/epub/readium-go-toolkit/feedbooks_book_6816.epub"
  ).standardizedFileURL

  static func run() {
    do {
      try measure()
    } catch {
      print("epub: failed: \(error.localizedDescription)")
    }
  }

  private static func measure() throws {
    let data = try Data(contentsOf: book)
    let size = String(format: "%.1f MB", Double(data.count) / 1_000_000)
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "leggio-epub-bench-\(getpid())")
    try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let leggio = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent().appendingPathComponent("leggio").path
    let runner = ProcessRunner(binary: leggio, directory: work)
    var added: String?
    if FileManager.default.isExecutableFile(atPath: leggio) {
      // LEGGIO_BENCH_BASELINE names an older leggio binary, run by turns with this one, so
      // that a before and after come from one run on one machine's load.
      let baseline = ProcessInfo.processInfo.environment["LEGGIO_BENCH_BASELINE"].flatMap {
        FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil
      }
      let before = baseline.map {
        ProcessRunner(binary: $0, directory: work.appendingPathComponent("baseline"))
      }
      try? before.map {
        try FileManager.default.createDirectory(at: $0.directory, withIntermediateDirectories: true)
      }
      // Each run on its own into a fresh library, so that the spread shows, not the best;
      // then into a library that exists already (made by `leggio list`, not timed), as a
      // reader adds a book to theirs: the first add also creates the library's tables.
      var runs: [CPUClock.Timing] = []
      var baselineRuns: [CPUClock.Timing] = []
      var existing: [CPUClock.Timing] = []
      var baselineExisting: [CPUClock.Timing] = []
      func add(_ runner: ProcessRunner, fresh: Bool) -> CPUClock.Timing {
        if !fresh {
          runner.reset()
          _ = runner.best(of: 1) { ["list"] }
        }
        let wall = runner.best(of: 1, fresh: fresh) { ["add", book.path] }
        return CPUClock.Timing(wall: wall, cpu: runner.lastCPU)
      }
      // A new library's creation on its own (its final schema in one transaction), which a
      // first add runs beside the book's reading: `leggio list` into no library.
      var created: [CPUClock.Timing] = []
      var baselineCreated: [CPUClock.Timing] = []
      func create(_ runner: ProcessRunner) -> CPUClock.Timing {
        let wall = runner.best(of: 1, fresh: true) { ["list"] }
        return CPUClock.Timing(wall: wall, cpu: runner.lastCPU)
      }
      // Creation first in each round: it empties the library, and the adds after it leave
      // the book there for the side-by-side run in tmux.
      for _ in 0..<5 {
        if let before { baselineCreated.append(create(before)) }
        created.append(create(runner))
        if let before { baselineRuns.append(add(before, fresh: true)) }
        runs.append(add(runner, fresh: true))
        if let before { baselineExisting.append(add(before, fresh: false)) }
        existing.append(add(runner, fresh: false))
      }
      added = CPUClock.format(range: runs)
      print(
        "epub: leggio add Mémoires d'outre-tombe (\(size)), whole process, 5 runs: " + added!)
      print("epub:   into a library that exists: " + CPUClock.format(range: existing))
      print(
        "epub:   a new library alone (leggio list creating it): "
          + CPUClock.format(range: created))
      if let baseline {
        print(
          "epub:   the baseline's add (\(baseline)), by turns with it: "
            + CPUClock.format(range: baselineRuns))
        print(
          "epub:   the baseline's, into a library that exists: "
            + CPUClock.format(range: baselineExisting))
        print(
          "epub:   the baseline's new library alone: " + CPUClock.format(range: baselineCreated))
      }
    }
    var imported: ImportedArticle?
    let read = try CPUClock.best(of: 5) {
      imported = try ArticleImporter.importData(data, name: book.lastPathComponent)
    }
    guard var article = imported else { return }
    let canonical = CanonicalText(article.document)
    print(
      "epub:   read in-process (unzip, \(article.contents?.entries.count ?? 0) contents entries, "
        + "\(article.document.blocks.count) blocks, \(canonical.scalarCount) scalars): "
        + CPUClock.format(read))
    article.metadata.source = book.path
    var store = CPUClock.Timing(wall: .infinity, cpu: .infinity)
    for _ in 0..<5 {
      let library = try TUIBench.makeLibrary([])
      defer { TUIBench.remove(library) }
      store = min(store, try CPUClock.time { try library.add(article) })
    }
    print(
      "epub:   store in the library (text, JSON, contents; queued for search): "
        + CPUClock.format(store))
    var search = CPUClock.Timing(wall: .infinity, cpu: .infinity)
    for _ in 0..<3 {
      let library = try TUIBench.makeLibrary([article])
      defer { TUIBench.remove(library) }
      search = min(search, try CPUClock.time { _ = try library.search("Combourg") })
    }
    print(
      "epub:   the first search after the add (indexes the book, then searches): "
        + CPUClock.format(search))

    let library = try TUIBench.makeLibrary([article])
    defer { TUIBench.remove(library) }
    let load = try CPUClock.best(of: 5) { _ = try library.article(id: 1) }
    print("epub:   the book's row and document from the library: " + CPUClock.format(load))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let json = try encoder.encode(article.document)
    let foundation = try CPUClock.best(of: 3) {
      _ = try JSONDecoder().decode(Document.self, from: json)
    }
    print(
      "epub:   (JSONDecoder alone on its \(json.count / 1_000_000) MB of JSON, as it was read before: "
        + CPUClock.format(foundation) + ")")
    var opened: [CPUClock.Timing] = []
    for _ in 0..<5 {
      let app = Application(library: library, width: 80, height: 24)
      app.start()
      _ = app.render()
      opened.append(
        CPUClock.time {
          app.send(.key(.enter))
          _ = app.render()
        })
    }
    let open = CPUClock.format(range: opened)
    print("epub: TUI Enter to the book's first page, 80x24 (load, text, layout), 5 runs: " + open)
    let epy = sideBySide(leggio: leggio, runner: runner)
    print(
      "epub: side by side with epy's first page ("
        + (epy.map { Stopwatch.format($0) + " measured here" } ?? Self.epyReference)
        + "; the aim is a tenth, \(Stopwatch.format(Self.aim(epy)))):")
    if let added { print("epub:   leggio add, whole process      " + added) }
    print("epub:   leggio Enter to the first page  " + open)
  }

  /// Issue 13's figure for epy to its first page of War and Peace on
  /// the development machine, used when epy is not installed.
  static let epyReferenceSeconds = 0.440
  static let epyReference =
    "issue 13's reference figure, 440 ms on War and Peace: epy is not installed here"

  /// A tenth of epy's time: measured, else the reference figure.
  static func aim(_ epy: Double?) -> Double { (epy ?? epyReferenceSeconds) / 10 }

  /// epy and leggio started in tmux (80x24), each timed from its start to the book's first
  /// page on screen: epy opening the file, leggio opening its library and Enter on the
  /// book. Wall time, best of 3, polling the screen every 5 ms. Returns epy's time when
  /// epy ran.
  private static func sideBySide(leggio: String, runner: ProcessRunner) -> Double? {
    guard Tmux.available else {
      print("epub: (tmux not found: no side-by-side figures)")
      return nil
    }
    let environment = ProcessInfo.processInfo.environment
    let epy =
      environment["EPY"]
      ?? (environment["PATH"] ?? "").split(separator: ":").map { $0 + "/epy" }.first {
        FileManager.default.isExecutableFile(atPath: $0)
      }
    var epySeconds: Double?
    if let epy {
      let home = runner.directory.appendingPathComponent("epy-home").path
      let seconds = Tmux.best(of: 3) { session in
        try? FileManager.default.removeItem(atPath: home)
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        return Tmux.timeToScreen(
          session: session, command: "HOME=\(home) \(epy) '\(book.path)'",
          until: { Tmux.hasText($0) && !$0.contains("initalizing") })
      }
      print("epub: epy to its first page of this book, in tmux: " + format(seconds))
      epySeconds = seconds
    } else {
      print("epub: (epy not found on PATH or $EPY: pip install epy-reader)")
    }
    guard FileManager.default.isExecutableFile(atPath: leggio) else { return epySeconds }
    let seconds = Tmux.best(of: 3) { session in
      Tmux.timeToScreen(
        session: session,
        command:
          "XDG_STATE_HOME=\(runner.directory.path)/state \(leggio) --library \(runner.library)",
        until: { $0.contains("page 1/") },
        whenShown: ({ $0.contains("Mémoires") }, "Enter"))
    }
    print("epub: leggio start, library list, Enter to the first page, in tmux: " + format(seconds))
    return epySeconds
  }

  private static func format(_ seconds: Double?) -> String {
    seconds.map(Stopwatch.format) ?? "did not show a page within 30 s"
  }
}

/// Wall and process CPU time (all threads) of a piece of work in this process: on a
/// machine shared with builds the wall time mostly measures waiting for a core.
enum CPUClock {
  struct Timing: Comparable {
    var wall: Double
    var cpu: Double
    static func < (a: Timing, b: Timing) -> Bool { a.cpu < b.cpu }
  }

  static func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }

  static func time(_ body: () throws -> Void) rethrows -> Timing {
    let cpu = now()
    let (_, wall) = try Stopwatch.time(body)
    return Timing(wall: wall, cpu: now() - cpu)
  }

  /// The run of `runs` with the least CPU time.
  static func best(of runs: Int, _ body: () throws -> Void) rethrows -> Timing {
    var best = Timing(wall: .infinity, cpu: .infinity)
    for _ in 0..<runs { best = min(best, try time(body)) }
    return best
  }

  static func format(_ timing: Timing) -> String {
    Stopwatch.format(timing.wall) + "  (cpu " + Stopwatch.format(timing.cpu) + ")"
  }

  /// "wall 120.00-150.00 ms  (cpu 100.00-110.00 ms)": the least and the most of `runs`.
  static func format(range runs: [Timing]) -> String {
    func span(_ values: [Double]) -> String {
      guard let low = values.min(), let high = values.max() else { return "none" }
      return Stopwatch.format(low) + " - " + Stopwatch.format(high)
    }
    return "wall " + span(runs.map(\.wall)) + "  (cpu " + span(runs.map(\.cpu)) + ")"
  }
}

/// Starting a program in a detached tmux session and timing it to a screen.
enum Tmux {
  static var available: Bool { run(["-V"]) != nil }

  /// The best of `runs` timings; nil if none showed its screen.
  static func best(of runs: Int, _ body: (String) -> Double?) -> Double? {
    var best: Double?
    for index in 0..<runs {
      let session = "leggio-epub-bench-\(getpid())-\(index)"
      if let seconds = body(session) { best = min(best ?? seconds, seconds) }
      _ = run(["kill-session", "-t", session])
    }
    return best
  }

  /// Seconds from starting `command` to a screen for which `until` holds; on the way,
  /// `whenShown`'s keys are sent once the screen satisfies its test.
  static func timeToScreen(
    session: String, command: String, until done: (String) -> Bool,
    whenShown: ((String) -> Bool, String)? = nil
  ) -> Double? {
    let start = DispatchTime.now().uptimeNanoseconds
    guard
      spawn(["new-session", "-d", "-s", session, "-x", "80", "-y", "24", command + "; sleep 30"])
    else { return nil }
    var pending = whenShown
    while Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < 30 {
      let screen = run(["capture-pane", "-p", "-t", session]) ?? ""
      if let (test, keys) = pending, test(screen) {
        _ = run(["send-keys", "-t", session, keys])
        pending = nil
      } else if pending == nil, done(screen) {
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      }
      usleep(5000)
    }
    return nil
  }

  /// Whether a screen shows anything but blanks.
  static func hasText(_ screen: String) -> Bool {
    screen.contains { !$0.isWhitespace }
  }

  /// Whether tmux ran `arguments` and succeeded, started with `posix_spawn` and waited
  /// for with `waitpid`: a `new-session` that starts the tmux server leaves the server
  /// holding what `Process` watches for its child's exit, and `waitUntilExit` would wait
  /// for the server to end.
  static func spawn(_ arguments: [String]) -> Bool {
    let argv = (["tmux"] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for descriptor in Int32(0)...2 {
      posix_spawn_file_actions_addopen(
        &actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
    }
    var pid = pid_t()
    guard posix_spawnp(&pid, "tmux", &actions, nil, argv, environ) == 0 else { return false }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return status == 0
  }

  /// tmux's output, or nil if it failed.
  @discardableResult
  static func run(_ arguments: [String]) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["tmux"] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
  }
}
