import Foundation
import Ink
import Testing

@testable import LeggioStore

/// The Markdown export read back by a Markdown parser (Ink, which the importers use).
@Suite struct MarkdownExportParsesTests {
  @Test func markdownExportParsesIntoHeadingsBlockQuotesAndLinksBack() throws {
    let article = try AnnotationExportTests.annotatedArticle()
    let html = MarkdownParser().html(from: AnnotationExporter().markdown([article]))
    #expect(html.contains("<h2>Quell'amicizia tra Putin e Kim Jong-un</h2>"))
    #expect(html.contains("<blockquote><p>tenere Putin per mano</p></blockquote>"))
    let start = article.annotations[1].anchor.start
    #expect(html.contains("href=\"leggio://article/\(AnnotationExportTests.article)#\(start)\""))
    #expect(html.components(separatedBy: "<blockquote>").count - 1 == article.annotations.count)
  }
}
