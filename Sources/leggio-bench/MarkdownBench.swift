import Foundation
import LeggioImport
import LeggioLayout
import LeggioModel
import LeggioTestSupport

/// `leggio-bench markdown`: the CommonMark specification's examples through import and
/// `show --format html`, then import and layout speed on two long texts: the spec itself
/// (a real 9,000-line Markdown file of prose, lists and code) and a README-like text of
/// tables, code blocks, centred figures and footnotes.
enum MarkdownBench {
  /// Measured at commit f3adbd7 with Ink 0.6, the importer before cmark-gfm (the same
  /// check, `CommonMarkSpecTests`); Ink has left the package, so it cannot run again.
  static let passingWithInk = 242

  static func run() {
    var rows: [(String, String)] = []
    let (conformance, checked) = Stopwatch.time { try? CommonMarkConformance.run() }
    guard let conformance else {
      print("markdown: corpus/markdown/commonmark-spec.txt not found in ../shared")
      return
    }
    let total = conformance.examples.count
    func share(_ count: Int) -> String {
      "\(count) of \(total) (" + String(format: "%.1f%%", 100 * Double(count) / Double(total)) + ")"
    }
    rows.append(("CommonMark spec examples passing, outside raw HTML", share(conformance.passed)))
    rows.append(("  with GFM's autolink rule", share(conformance.passedUnderGFM)))
    rows.append(
      (
        "  raw-HTML sections (not counted)",
        "\(conformance.rawHTMLPassed) of \(conformance.rawHTMLExamples.count)"
      ))
    rows.append(("  before, with Ink 0.6 (commit f3adbd7)", share(passingWithInk)))
    rows.append(
      ("  still failing", conformance.failedNumbers.map(String.init).joined(separator: " ")))
    rows.append(("  time to check them all", Stopwatch.format(checked)))

    if let spec = try? String(contentsOf: CommonMarkSpec.file, encoding: .utf8) {
      rows += measure("the spec as one article", spec)
    }
    rows += measure("README-like text, 200 sections", readme(sections: 200))
    LibraryBench.printTable(title: "markdown", rows)
  }

  /// Import (best of 5), what the document holds, and pagination at 80x24 and 40x24.
  static func measure(_ name: String, _ markdown: String) -> [(String, String)] {
    let data = Data(markdown.utf8)
    var article: ImportedArticle?
    let imported = Stopwatch.best(of: 5) {
      article = try? ArticleImporter.importData(data, name: "bench.md")
    }
    guard let article else { return [("\(name): refused", "")] }
    let blocks = article.document.blocks
    func count(_ test: (Block.Kind) -> Bool) -> Int { blocks.filter { test($0.kind) }.count }
    let tables = count { if case .table = $0 { true } else { false } }
    let code = count { $0 == .preformatted }
    let figures = count { if case .image(let credit) = $0 { credit != nil } else { false } }
    let notes = blocks.flatMap(\.inlines).compactMap(\.link).compactMap(InternalLink.init)
      .filter { if case .note = $0 { true } else { false } }.count
    var rows = [
      (
        "\(name): \(data.count / 1024) KiB, \(blocks.count) blocks",
        "\(tables) tables, \(code) code blocks, \(figures) figures, \(notes) note links"
      ),
      ("  import (cmark-gfm, HTML, Document)", Stopwatch.format(imported)),
    ]
    for width in [80, 40] {
      let options = LayoutOptions(width: width, height: 24)
      var pages = 0
      let laid = Stopwatch.best(of: 3) {
        let paged = PagedArticle(
          document: article.document, metadata: article.metadata, options: options)
        paged.layoutAll()
        pages = paged.pageCount.value
      }
      rows.append(("  paginate at \(width)x24 (\(pages) pages)", Stopwatch.format(laid)))
    }
    return rows
  }

  /// A long README of the kind people keep: per section a heading, prose calling a
  /// footnote, a table, a fenced code block, a centred figure with its source line, and
  /// a list.
  static func readme(sections: Int) -> String {
    var text = "# Un manuale di progettazione\n\n"
    for n in 1...sections {
      text += """
        ## Sezione \(n)

        Il sistema \(n) riceve richieste e le distribuisce fra i server con un bilanciatore,
        come spiega la nota[^n\(n)]; la cache riduce la latenza di **lettura** e `GET /v\(n)`
        risponde in pochi millisecondi.

        | Componente | Latenza | Disponibilità | Note |
        |:-----------|--------:|:-------------:|------|
        | Bilanciatore \(n) | 1 ms | 99,99% | due istanze attive |
        | Cache | 0,5 ms | 99,9% | scrittura differita, scadenza di un'ora |
        | Database | 5 ms | 99,95% | replica primaria e due secondarie |

        ```python
        def instrada(richiesta, server):
            return server[hash(richiesta.chiave) % len(server)]  # sezione \(n)
        ```

        <p align="center">
          <img src="images/schema-\(n).png">
          <br/>
          <i>Fonte: schema della sezione \(n)</i>
        </p>

        - repliche in lettura
        - partizionamento per chiave
          - per intervallo
          - per hash

        [^n\(n)]: Il bilanciatore \(n) usa il metodo round robin.


        """
    }
    return text
  }
}
