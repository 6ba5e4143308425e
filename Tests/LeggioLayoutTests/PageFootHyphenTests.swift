import LeggioModel
import Testing

@testable import LeggioLayout

/// A page does not end with a word broken by a hyphen (the reader would turn the page in
/// the middle of it) when its paragraph can give the next page a line. Held on I promessi
/// sposi, hyphenated at narrow columns.
@Suite(.enabled(if: hyphenationInstalled)) struct PageFootHyphenTests {
  @Test func noPageEndsWithAWordBrokenByAHyphen() {
    let text = TypesettingRulesTests.italian
    for width in [24, 45] {
      let figures = LayoutStatistics(
        document: text.document, metadata: text.metadata,
        options: LayoutOptions(width: width, height: 24))
      #expect(figures.hyphens > 50, "at \(width)")
      #expect(figures.pages > 20, "at \(width)")
      #expect(figures.hyphensAtPageFoot == 0, "at \(width)")
      // The line moved keeps the rules: no widow, no orphan.
      #expect(figures.widows == 0 && figures.orphans == 0, "at \(width)")
    }
  }

  @Test func theBrokenWordsLineOpensTheNextPageWithTheRestOfTheWord() {
    let text = TypesettingRulesTests.italian
    let article = PagedArticle(
      document: text.document, metadata: text.metadata,
      options: LayoutOptions(width: 24, height: 24))
    article.layoutAll()
    let flow = article.flow
    var moved = 0
    for start in article.pageStarts.dropFirst() where start.line > 0 {
      // The page before ends one line early where the line after would have ended with a
      // hyphen: then the new page starts with that hyphenated line.
      if flow.endsWithHyphen(start.unit, line: start.line) { moved += 1 }
      #expect(!flow.endsWithHyphen(start.unit, line: start.line - 1))
    }
    #expect(moved > 0)
  }
}
