import Foundation
import LeggioStore
import LeggioSync

/// `leggio sync` figures (issue 12): a sync with nothing changed and with 1,000 new
/// articles on a 10,000-article library, against a bare repository on this machine; the
/// mirror's size against the library's.
enum SyncBench {
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
    let libraryPath = root.appendingPathComponent("a/library.sqlite").path
    let library = try Library(path: libraryPath, deviceID: "0190aaaa-0000-7000-8000-00000000000a")
    var generator = GeneratedArticles()
    _ = try library.addFeedArticles((0..<10_000).map { generator.imported($0) })
    let engine = SyncEngine(
      library: library, mirror: root.appendingPathComponent("a/library-sync"), mergeDriver: driver)
    let (_, first) = try Stopwatch.time {
      try engine.initialize(remote: root.appendingPathComponent("remote.git").path)
    }
    print("  first sync of 10,000 articles (export, commit, push): \(Stopwatch.format(first))")
    let idle = try Stopwatch.best(of: 5) { _ = try engine.sync() }
    print("  sync with nothing changed, 10,000 articles: \(Stopwatch.format(idle)) (best of 5)")
    _ = try library.addFeedArticles((10_000..<11_000).map { generator.imported($0) })
    let (_, thousand) = try Stopwatch.time { try engine.sync() }
    print("  sync with 1,000 new articles: \(Stopwatch.format(thousand))")
    // A second machine receiving the whole library.
    let b = try Library(
      path: root.appendingPathComponent("b/library.sqlite").path,
      deviceID: "0190bbbb-0000-7000-8000-00000000000b")
    let other = SyncEngine(
      library: b, mirror: root.appendingPathComponent("b/library-sync"), mergeDriver: driver)
    let (_, receive) = try Stopwatch.time {
      try other.initialize(remote: root.appendingPathComponent("remote.git").path)
    }
    print("  a new machine receiving 11,000 articles: \(Stopwatch.format(receive))")
    let mib = { (path: String) in Double(directorySize(path)) / 1_048_576 }
    let mirror = root.appendingPathComponent("a/library-sync")
    print(
      String(
        format: "  sizes: library %.1f MiB, mirror files %.1f MiB, mirror with .git %.1f MiB",
        mib(root.appendingPathComponent("a").path) - mib(mirror.path),
        mib(mirror.path) - mib(mirror.appendingPathComponent(".git").path), mib(mirror.path)))
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
}
