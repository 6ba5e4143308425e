import Foundation
import LeggioTestSupport
import LeggioModel
import LeggioImport

/// `leggio-bench web`: extraction speed over the corpus pages in one process, the
/// per-page F1/metadata table, and (when installed) readability-lxml on the same pages.
enum WebBench {
  static let corpus = URL(fileURLWithPath: "../shared/corpus/html")

  static func run() {
    print("== web: article extraction over \(corpus.path)")
    guard let pages = try? CorpusEvaluation.loadPages(in: corpus), !pages.isEmpty else {
      print("corpus not found; run from the package root with ../shared beside it")
      return
    }
    let bytes = pages.reduce(0) { $0 + $1.source.utf8.count }
    let extractor = ReadabilityExtractor()
    let rounds = 5
    let seconds = Stopwatch.best(of: rounds) {
      for page in pages { _ = extractor.extract(html: page.source, url: CorpusEvaluation.pageURL) }
    }
    let pagesPerSecond = Double(pages.count) / seconds
    print(
      String(
        format: "%d pages, %.1f MB: best of %d rounds %@ -> %.1f pages/s, %.1f MB/s",
        pages.count, Double(bytes) / 1e6, rounds, Stopwatch.format(seconds), pagesPerSecond,
        Double(bytes) / 1e6 / seconds))
    print(CorpusEvaluation.table(pages.map { CorpusEvaluation.score($0, extractor: extractor) }))
    compareWithReadabilityLXML(pages: pages.count, ours: pagesPerSecond)
    largePages(extractor)
    print(String(format: "peak memory %.1f MiB", peakMemoryMiB()))
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

  /// Times python3 + readability-lxml on the same pages in one process, best of the same rounds.
  static func compareWithReadabilityLXML(pages: Int, ours: Double) {
    let script = """
      import glob, sys, time
      try:
          from readability import Document
      except ImportError:
          print("missing"); sys.exit(0)
      sources = [open(p, encoding="utf-8", errors="replace").read()
                 for p in sorted(glob.glob(sys.argv[1] + "/*/source.html"))]
      best = float("inf")
      for _ in range(5):
          start = time.perf_counter()
          for html in sources:
              doc = Document(html, url="http://fakehost/test/page.html")
              doc.title(); doc.summary()
          best = min(best, time.perf_counter() - start)
      print(len(sources), best)
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, corpus.path]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else {
      print("readability-lxml: python3 not found; skipped")
      return
    }
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let fields = text.split(whereSeparator: \.isWhitespace)
    guard fields.count == 2, let count = Double(fields[0]), let seconds = Double(fields[1]) else {
      print("readability-lxml: not installed; skipped (pip install readability-lxml to compare)")
      return
    }
    let theirs = count / seconds
    print(
      String(
        format:
          "readability-lxml (python3, same pages, one process): %.1f pages/s; Leggio is %.2fx",
        theirs, ours / theirs))
  }
}
