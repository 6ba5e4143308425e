import Foundation
import LeggioImport
import LeggioModel
import Testing

@testable import LeggioLayout

/// A page's `dir` attributes decide its paragraphs' direction, where the text's first
/// letter would decide wrongly: a Hebrew sentence that opens with a Latin name, a Latin
/// aside in a right-to-left page. The importer keeps the attribute on the block; layout
/// honours it.
@Suite(.enabled(if: BidiParagraph.unavailableReason == nil, "libfribidi is not installed"))
struct DirectionAttributeTests {
  /// "Leggio 2.0 is out today": Hebrew, but its first letter is Latin.
  static let release = "Leggio 2.0 יצא היום"

  static func imported(_ html: String) -> Document {
    HTMLImporter.importText(html, fallbackTitle: "page").document
  }

  @Test func aParagraphMarkedRightToLeftIsSetRightToLeftThoughItStartsWithALatinWord() {
    let document = Self.imported(
      "<html><body><p dir=\"rtl\">\(Self.release)</p><p>\(Self.release)</p></body></html>")
    #expect(document.blocks.map(\.direction) == [.rightToLeft, nil])
    #expect(document.blocks.map(\.plainText) == [Self.release, Self.release])
    // Marked: against the right edge, the Latin words first from the right. Unmarked,
    // its first letter makes it a left-to-right paragraph.
    assertLayout(
      document, width: 24,
      expected: ["     םויה אצי Leggio 2.0", "", "Leggio 2.0 םויה אצי"])
  }

  @Test func thePageDirectionReachesEveryBlockUnlessOneSaysOtherwise() {
    let document = Self.imported(
      """
      <html dir="rtl"><body>
      <h2>\(Self.release)</h2>
      <p>\(Self.release)</p>
      <p dir="ltr">שלום world</p>
      <div dir="auto"><p>2024 שלום</p></div>
      <ul><li>Leggio שלום</li></ul>
      </body></html>
      """)
    #expect(
      document.blocks.map(\.direction) == [
        .rightToLeft, .rightToLeft, .leftToRight, nil, .rightToLeft,
      ])
    let rows = layoutRows(document, width: 24)
    #expect(rows.contains("     םויה אצי Leggio 2.0"), "\(rows)")
    #expect(rows.contains("םולש world"), "\(rows)")
    #expect(rows.contains(String(repeating: " ", count: 15) + "םולש 2024"), "\(rows)")
  }

  @Test func showPrintsTheDirectionThePageGives() {
    let document = Self.imported("<html dir=\"rtl\"><body><p>\(Self.release)</p></body></html>")
    let shown = PlainTextRenderer.render(
      document: document, metadata: nil, width: 24, measure: 24, margin: 0)
    #expect(shown == "     םויה אצי Leggio 2.0\n")
  }

  /// Readability's own sample: a page of Latin text under `<html dir="rtl">`. The article
  /// the extractor takes out of it keeps the page's direction, and is set as a browser
  /// sets it: against the right edge, the full stop on the left.
  @Test func anArticleTakenFromARightToLeftPageKeepsItsDirection() throws {
    let url = Fixtures.packageRoot.appendingPathComponent(
      "../shared/corpus/html/rtl-1/source.html")
    let article = try WebPageImporter.importHTML(
      data: Data(contentsOf: url), url: URL(string: "https://example.org/rtl-1"))
    #expect(article.document.blocks.count >= 2)
    #expect(article.document.blocks.allSatisfy { $0.direction == .rightToLeft })
    let first = try #require(
      article.document.blocks.first { $0.plainText == "Lorem ipsum dolor sit amet." })
    assertLayout(
      Document(blocks: [first]), width: 30, expected: ["   .Lorem ipsum dolor sit amet"])
  }

  @Test func aStoredBlockKeepsItsDirection() throws {
    var block = Block(.paragraph, text: Self.release)
    block.direction = .rightToLeft
    let data = try JSONEncoder().encode(Document(blocks: [block]))
    #expect(try JSONDecoder().decode(Document.self, from: data).blocks[0].direction == .rightToLeft)
    // Documents stored before the field read back without one.
    let old = try JSONEncoder().encode(Document(blocks: [Block(.paragraph, text: "a")]))
    #expect(try JSONDecoder().decode(Document.self, from: old).blocks[0].direction == nil)
  }
}
