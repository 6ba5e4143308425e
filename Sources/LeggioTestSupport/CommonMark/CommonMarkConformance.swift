import Foundation
import LeggioImport
import LeggioModel

/// Every example of the CommonMark specification imported as a `.md` file and written back
/// as `leggio show --format html` writes it, compared with the spec's HTML as the spec's
/// own harness compares (`spec_tests.py`: equal text after `normalize_html`, ported as
/// `SpecHTMLNormalizer`). The figure counts the examples outside the raw-HTML sections
/// ("Raw HTML", "HTML blocks"), whose HTML the sanitiser changes on purpose; those are run
/// too and reported apart. A second figure judges the examples that GitHub's autolink
/// extension changes by the GFM spec's rule (`CommonMarkSpec.gfmAutolinkHTML`).
/// `CommonMarkSpecTests` holds floors for the figures and `leggio-bench markdown` prints them.
public struct CommonMarkConformance: Sendable {
  /// One example whose HTML came back different.
  public struct Failure: Sendable {
    public var example: CommonMarkExample
    public var expected: String
    public var actual: String
    /// What the GFM spec's autolink rule makes of the example, normalised, when it
    /// differs from what CommonMark's does.
    public var expectedUnderGFM: String?
    /// The example comes back as GFM's autolink rule writes it.
    public var passesUnderGFM: Bool { expectedUnderGFM == actual }
  }

  /// The examples outside the raw-HTML sections: the ones the figure counts.
  public var examples: [CommonMarkExample]
  public var failures: [Failure]
  /// The examples of the raw-HTML sections, not counted in the figure.
  public var rawHTMLExamples: [CommonMarkExample]
  public var rawHTMLFailures: [Failure]

  /// Examples outside the raw-HTML sections that pass as the spec's harness compares.
  public var passed: Int { examples.count - failures.count }
  /// Those, and those that come back as GFM's autolink rule writes them.
  public var passedUnderGFM: Int { passed + failures.filter(\.passesUnderGFM).count }
  public var failedNumbers: [Int] { failures.map(\.example.number) }
  public var rawHTMLPassed: Int { rawHTMLExamples.count - rawHTMLFailures.count }

  /// Runs every example of the spec.
  public static func run(options: ImportOptions = ImportOptions()) throws -> CommonMarkConformance {
    let all = try CommonMarkSpec.examples()
    func failures(_ examples: [CommonMarkExample]) -> [Failure] {
      examples.compactMap { example in
        let expected = SpecHTMLNormalizer.normalize(example.html)
        let actual = SpecHTMLNormalizer.normalize(articleHTML(example.markdown, options: options))
        guard actual != expected else { return nil }
        return Failure(
          example: example, expected: expected, actual: actual,
          expectedUnderGFM: CommonMarkSpec.gfmAutolinkHTML[example.number].map(
            SpecHTMLNormalizer.normalize))
      }
    }
    let examples = all.filter { !CommonMarkSpec.rawHTMLSections.contains($0.section) }
    let raw = all.filter { CommonMarkSpec.rawHTMLSections.contains($0.section) }
    return CommonMarkConformance(
      examples: examples, failures: failures(examples), rawHTMLExamples: raw,
      rawHTMLFailures: failures(raw))
  }

  /// The body of the article as `show --format html` writes it: the page's `<article>`
  /// without its header, whose `<h1>` stays only when it is a heading of the text that
  /// became the title (`Document.headline`), not a file name. A text the importer refuses
  /// as empty is empty.
  public static func articleHTML(_ markdown: String, options: ImportOptions = ImportOptions())
    -> String
  {
    guard
      let article = try? ArticleImporter.importData(
        Data(markdown.utf8), name: "example.md", options: options)
    else { return "" }
    let page = HTMLWriter.page(article.metadata, article.document)
    guard let start = page.range(of: "<article>\n"), let end = page.range(of: "</article>"),
      let headerEnd = page.range(of: "</header>\n")
    else { return page }
    var body = String(page[headerEnd.upperBound..<end.lowerBound])
    if article.document.headline != nil,
      let open = page.range(of: "<h1>", range: start.upperBound..<headerEnd.lowerBound),
      let close = page.range(of: "</h1>\n", range: open.upperBound..<headerEnd.lowerBound)
    {
      body = String(page[open.lowerBound..<close.upperBound]) + body
    }
    return body
  }
}
