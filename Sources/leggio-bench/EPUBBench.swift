import Foundation
import LeggioImport
import LeggioModel
import LeggioStore
import LeggioTUI

/// `leggio-bench epub`: a 3 MB book of the corpus (Chateaubriand's *Mémoires
/// d'outre-tombe*, 575 chapters, 6.3 MB uncompressed) added by the `leggio` process, read
/// in-process, and opened in the TUI to its first page. epy takes about 440 ms to its
/// first page of War and Peace on this machine; the aim is a tenth of that.
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
    let leggio = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent().appendingPathComponent("leggio").path
    if FileManager.default.isExecutableFile(atPath: leggio) {
      let work = FileManager.default.temporaryDirectory.appendingPathComponent(
        "leggio-epub-bench-\(getpid())")
      try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: work) }
      let runner = ProcessRunner(binary: leggio, directory: work)
      let add = runner.best(of: 5, fresh: true) { ["add", book.path] }
      print(
        "epub: leggio add Mémoires d'outre-tombe (\(size)), whole process: \(runner.format(add))")
    }
    var imported: ImportedArticle?
    let read = try Stopwatch.best(of: 5) {
      imported = try ArticleImporter.importData(data, name: book.lastPathComponent)
    }
    guard var article = imported else { return }
    let canonical = CanonicalText(article.document)
    print(
      "epub: read in-process (unzip, \(article.contents?.entries.count ?? 0) contents entries, "
        + "\(article.document.blocks.count) blocks, \(canonical.scalarCount) scalars): "
        + Stopwatch.format(read))
    article.metadata.source = book.path
    let store = try TUIBench.makeLibrary([article])
    defer { TUIBench.remove(store) }
    var open = Double.infinity
    for _ in 0..<5 {
      let app = Application(library: store, width: 80, height: 24)
      app.start()
      _ = app.render()
      let (_, seconds) = Stopwatch.time {
        app.send(.key(.enter))
        _ = app.render()
      }
      open = min(open, seconds)
    }
    print("epub: TUI Enter to the book's first page, 80x24: \(Stopwatch.format(open))")
    print(
      "epub: first page from the file (read + store-free open): "
        + Stopwatch.format(read + open) + " (epy: about 440 ms on War and Peace)")
  }
}
