import Foundation
import Testing

@testable import LeggioImport
@testable import LeggioModel

/// Every example of the CommonMark specification outside its raw-HTML sections, imported
/// as a `.md` file and written back as `leggio show --format html` writes it, compared
/// with the spec's HTML after both are normalised as the spec's harness does.
@Suite struct CommonMarkSpecTests {
  /// The share of examples that must come back as the spec writes them.
  static let required = 0.97

  @Test func specExamplesComeBackAsTheSpecWritesThem() throws {
    let examples = try CommonMarkSpec.examples().filter {
      !CommonMarkSpec.rawHTMLSections.contains($0.section)
    }
    #expect(examples.count == 588)
    var failures: [String] = []
    for example in examples {
      let expected = SpecHTMLNormalizer.normalize(example.html)
      let actual = SpecHTMLNormalizer.normalize(Self.articleHTML(example.markdown))
      if actual != expected {
        failures.append(
          "#\(example.number) \(example.section): \(example.markdown.debugDescription)\n"
            + "  expected \(expected.debugDescription)\n  actual   \(actual.debugDescription)")
      }
    }
    let passed = examples.count - failures.count
    let report =
      "CommonMark spec: \(passed) of \(examples.count) examples pass "
      + String(format: "(%.1f%%)", 100 * Double(passed) / Double(examples.count))
    print(report + "\n" + failures.joined(separator: "\n"))
    #expect(Double(passed) >= Self.required * Double(examples.count), "\(report)")
  }

  /// The body of the article as `show --format html` writes it: the page's `<article>`
  /// without its header, whose `<h1>` stays only when the title came from the text (a
  /// leading heading taken out of the body). A text the importer refuses as empty is empty.
  static func articleHTML(_ markdown: String) -> String {
    let name = "example.md"
    guard
      let article = try? ArticleImporter.importData(
        Data(markdown.utf8), name: name, options: ImportFixtures.options())
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
