import Foundation
import LeggioImport
import LeggioIntake
import LeggioStore
import LeggioTestSupport

/// `leggio-bench imports`: a realistic Pocket CSV (`GeneratedPocketExport`) imported as
/// pending articles by a whole `leggio import` process into a new library file, at 1,000
/// to 10,000 rows to show how it scales; the same in-process, split into reading the CSV
/// and storing it in memory; and the 10,000 rows imported a second time (all already
/// there).
enum ImportBench {
  static let sizes = [1_000, 2_500, 5_000, 10_000]

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
    let runner = ProcessRunner(binary: leggio, directory: work)
    var rows: [(String, String)] = []
    var last: URL?
    for size in sizes {
      var generator = GeneratedPocketExport()
      let csv = work.appendingPathComponent("pocket-\(size).csv")
      try? generator.csv(rows: size).write(to: csv, atomically: true, encoding: .utf8)
      last = csv
      let wall = runner.best(of: 3, fresh: true) { ["import", csv.path] }
      let perRow = runner.lastCPU / Double(size) * 1e6
      rows.append(
        (
          "import \(size.formatted())-row Pocket CSV (pending), process",
          runner.format(wall) + String(format: "  %.0f µs cpu/row", perRow)
        ))
      let (contents, read) = Stopwatch.time { try? ExportReader.read(path: csv.path) }
      var store = Double.nan
      if let contents {
        store = Stopwatch.best(of: 3) {
          guard let library = try? Library.inMemory() else { return }
          _ = ExportImport(library: library).importContents(contents)
        }
      }
      rows.append(
        (
          "  in-process: read the CSV / store in memory",
          Stopwatch.format(read) + " / " + Stopwatch.format(store)
        ))
    }
    if let last {
      rows.append(
        (
          "import the 10,000 rows again (all already there), process",
          runner.format(runner.best(of: 3) { ["import", last.path] })
        ))
    }
    LibraryBench.printTable(title: "imports", rows)
  }
}
