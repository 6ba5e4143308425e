import Foundation
import LeggioTestSupport
import Testing

@testable import LeggioImport
@testable import LeggioModel

/// The boilerplate and content rules added for issue 18's quality aim, each on a small
/// page shaped like the kind of page it came from (none of them is a benchmark page).
@Suite struct ExtractionQualityTests {
  static func text(_ html: String, url: String = "https://example.org/a/story") -> String {
    let page = ExtractionBenchmarks.Page(
      key: url, url: URL(string: url), data: Data(html.utf8), file: URL(fileURLWithPath: "/x"))
    return ExtractionBenchmarks.leggio(page).text
  }

  static let body = (1...5).map {
    "<p>Paragraph \($0) tells what happened in the town, with enough words, commas, and detail to count as the article's own prose.</p>"
  }.joined(separator: "\n")

  @Test func aLeadLiftedIntoTheTitleBlockStillCountsAsArticleText() throws {
    let lead = "The council voted on Tuesday to keep the old bridge open for another year."
    let html = """
      <html><head><meta name="description" content="\(lead)"><title>Bridge</title></head>
      <body><article><h1>Bridge</h1><p>\(lead)</p>\(Self.body)</article></body></html>
      """
    let (article, lifted) = try WebPageImporter.importHTMLLiftingLead(
      data: Data(html.utf8), url: nil)
    #expect(lifted)
    #expect(article.metadata.standfirst == lead)
    #expect(!article.document.blocks.contains { $0.plainText == lead })
    #expect(Self.text(html).hasPrefix(lead + "\n"))
  }

  @Test func aDescriptionThatIsNotInTheBodyIsNotScoredAsText() {
    let html = """
      <html><head><meta name="description" content="A summary written only for search engines and nobody else."></head>
      <body><article>\(Self.body)</article></body></html>
      """
    #expect(!Self.text(html).contains("search engines"))
  }
}
