import LeggioModel
import Testing

@testable import LeggioLayout

/// Page breaks written out page by page.
@Suite struct PageBreakTests {
  func pages(_ blocks: [Block], width: Int, height: Int) -> [[String]] {
    let article = PagedArticle(
      document: Document(blocks: blocks), metadata: nil,
      options: columnOptions(width: width, height: height))
    return allPages(article).map { $0.lines.map(\.plainText) }
  }

  @Test func aParagraphThatWouldLeaveItsFirstLineAloneMovesToTheNextPage() {
    let rows = pages(
      [Block(.paragraph, text: "Uno."), Block(.paragraph, text: "Due tre quattro cinque sei")],
      width: 12, height: 4)
    #expect(rows == [["Uno.", "", "", ""], ["Due      tre", "quattro", "cinque sei"]])
  }

  @Test func aParagraphGivesALineToTheNextPageRatherThanLeaveOneAlone() {
    let rows = pages([Block(.paragraph, text: "a b c d e f g h i l")], width: 4, height: 4)
    #expect(rows == [["a  b", "c  d", "e  f", ""], ["g  h", "i l"]])
  }

  @Test func aHeadingMovesWithTheStartOfItsParagraph() {
    let rows = pages(
      [
        Block(.paragraph, text: "Uno due"),
        Block(.heading(level: 2), text: "Titolo"),
        Block(.paragraph, text: "tre quattro cinque sei"),
      ], width: 12, height: 5)
    #expect(rows == [["Uno due", "", "", "", ""], ["Titolo", "", "tre  quattro", "cinque sei"]])
  }

  @Test func pagesStartWithTextNotABlankLine() {
    let rows = pages(
      [
        Block(.paragraph, text: "Uno due"), Block(.paragraph, text: "tre"),
        Block(.paragraph, text: "quattro"),
      ],
      width: 12, height: 3)
    #expect(rows == [["Uno due", "", "tre"], ["quattro"]])
    let article = PagedArticle(
      document: Document(blocks: [
        Block(.paragraph, text: "Uno due"), Block(.paragraph, text: "tre"),
      ]),
      metadata: nil, options: columnOptions(width: 12, height: 3))
    #expect(article.page(at: 0)?.plainText == "Uno due\n\ntre\n")
  }
}
