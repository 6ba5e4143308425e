import Foundation
import LeggioImport
import LeggioModel

/// Every example of the CommonMark specification outside its raw-HTML sections, imported
/// as a `.md` file and written back as `leggio show --format html` writes it, compared
/// with the spec's HTML after both are normalised as the spec's harness does: the figure
/// `CommonMarkSpecTests` holds a floor for and `leggio-bench markdown` prints.
public struct CommonMarkConformance: Sendable {
  /// One example whose HTML came back different.
  public struct Failure: Sendable {
    public var example: CommonMarkExample
    public var expected: String
    public var actual: String
  }

  public var examples: [CommonMarkExample]
  public var failures: [Failure]

  public var passed: Int { examples.count - failures.count }
  public var failedNumbers: [Int] { failures.map(\.example.number) }

  /// Runs the examples outside the raw-HTML sections.
  public static func run(options: ImportOptions = ImportOptions()) throws -> CommonMarkConformance {
    let examples = try CommonMarkSpec.examples().filter {
      !CommonMarkSpec.rawHTMLSections.contains($0.section)
    }
    var failures: [Failure] = []
    for example in examples {
      let expected = SpecHTMLNormalizer.normalize(example.html)
      let actual = SpecHTMLNormalizer.normalize(articleHTML(example.markdown, options: options))
      if actual != expected {
        failures.append(Failure(example: example, expected: expected, actual: actual))
      }
    }
    return CommonMarkConformance(examples: examples, failures: failures)
  }

  /// The body of the article as `show --format html` writes it: the page's `<article>`
  /// without its header, whose `<h1>` stays only when the title came from the text (a
  /// leading heading taken out of the body). A text the importer refuses as empty is empty.
  public static func articleHTML(_ markdown: String, options: ImportOptions = ImportOptions())
    -> String
  {
    guard
      let article = try? ArticleImporter.importData(
        Data(markdown.utf8), name: "example.md", options: options)
    else { return "" }
    let page = HTMLWriter.page(article.metadata, article.document)
    guard let start = page.range(of: "<article>\n"), let end = page.range(of: "</article>")
    else { return page }
    var body = String(page[start.upperBound..<end.lowerBound])
    let header = "<header>\n<h1>\(HTMLWriter.escape(article.metadata.title))</h1>\n</header>\n"
    if body.hasPrefix(header) {
      // Taken out when the body has fewer headings of that text than cmark's own HTML.
      let title = article.metadata.title
      func headings(_ document: Document) -> Int {
        document.blocks.filter { block in
          if case .heading = block.kind { return block.plainText == title }
          return false
        }.count
      }
      let rendered = HTMLDocumentConverter.convert(
        HTMLParser.parse(CommonMarkRenderer.html(markdown)))
      let fromText = title != "example" && headings(article.document) < headings(rendered)
      body =
        (fromText ? "<h1>\(HTMLWriter.escape(article.metadata.title))</h1>\n" : "")
        + body.dropFirst(header.count)
    }
    return body
  }
}
