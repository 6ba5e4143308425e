import Foundation
import Testing

@testable import LeggioImport
@testable import LeggioStore

/// The Markdown export read back by a Markdown parser (cmark-gfm, which the Markdown importer uses).
@Suite struct MarkdownExportParsesTests {
  @Test func markdownExportParsesIntoHeadingsBlockQuotesAndLinksBack() throws {
    let article = try AnnotationExportTests.annotatedArticle()
    let html = CommonMarkRenderer.html(AnnotationExporter().markdown([article]))
    #expect(html.contains("<h2>Quell'amicizia tra Putin e Kim Jong-un</h2>"))
    #expect(html.contains("<blockquote>\n<p>tenere Putin per mano</p>\n</blockquote>"))
    let start = article.annotations[1].anchor.start
    #expect(html.contains("href=\"leggio://article/\(AnnotationExportTests.article)#\(start)\""))
    #expect(html.components(separatedBy: "<blockquote>").count - 1 == article.annotations.count)
  }
}
