import Foundation
import LeggioImport
import LeggioIntake
import LeggioStore

/// `leggio-bench imports`: a 10,000-row Pocket CSV imported as pending articles, as a
/// whole `leggio import` process and in-process (reading, then storing), and importing
/// it a second time (every row already there).
enum ImportBench {
  static func run() {
    let leggio = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent().appendingPathComponent("leggio").path
    guard FileManager.default.isExecutableFile(atPath: leggio) else {
      print("imports: no leggio binary beside leggio-bench; run `swift build -c release` first")
      return
    }
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "leggio-bench-imports-\(getpid())")
    try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let csv = work.appendingPathComponent("pocket.csv")
    try? pocketCSV(rows: 10_000).write(to: csv, atomically: true, encoding: .utf8)
    let runner = ProcessRunner(binary: leggio, directory: work)
    var rows: [(String, String)] = []
    rows.append(
      (
        "import 10,000-row Pocket CSV (pending), process",
        runner.format(runner.best(of: 3, fresh: true) { ["import", csv.path] })
      ))
    rows.append(
      (
        "import it again (all already there), process",
        runner.format(runner.best(of: 3) { ["import", csv.path] })
      ))
    let (contents, read) = Stopwatch.time { try? ExportReader.read(path: csv.path) }
    rows.append(("  read the CSV in-process", Stopwatch.format(read)))
    if let contents {
      let store = Stopwatch.best(of: 3) {
        guard let library = try? Library.inMemory() else { return }
        _ = ExportImport(library: library).importContents(contents)
      }
      rows.append(("  store 10,000 pending articles in memory", Stopwatch.format(store)))
    }
    LibraryBench.printTable(title: "imports", rows)
  }

  /// A Pocket export of `rows` saved pages on a handful of sites, with tags and both
  /// statuses, some titles quoted.
  static func pocketCSV(rows: Int) -> String {
    var lines = ["title,url,time_added,cursor,tags,status"]
    let sites = ["example.com", "example.org", "news.example.net", "blog.example.it"]
    for n in 0..<rows {
      let title = n % 7 == 0 ? "\"Article \(n), with a comma\"" : "Article \(n) about things"
      let tags = n % 3 == 0 ? "reading|later" : n % 3 == 1 ? "news" : ""
      lines.append(
        "\(title),https://\(sites[n % sites.count])/\(2020 + n % 5)/article-\(n),"
          + "\(1_600_000_000 + n),,\(tags),\(n % 4 == 0 ? "archive" : "unread")")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
