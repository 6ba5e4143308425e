import Testing

@testable import LeggioLayout

/// The layout is lazy: a page is shown without laying out the whole book, and what is
/// found early never changes when the rest follows.
@Suite struct LazyLayoutTests {
  static let book = Fixtures.promessiSposi
  static let options = LayoutOptions(width: 80, height: 24)

  @Test func theFirstPageIsShownBeforeTheBookIsLaidOut() {
    let article = PagedArticle(document: Self.book, metadata: nil, options: Self.options)
    #expect(article.page(at: 0) != nil)
    #expect(!article.isComplete)
    #expect(!article.pageCount.isExact)
  }

  @Test func thePageHoldingAnOffsetIsFoundWithoutLayingOutWhatFollows() {
    let lazy = PagedArticle(document: Self.book, metadata: nil, options: Self.options)
    let middle = lazy.canonicalText.scalarCount / 2
    let index = lazy.pageIndex(containing: middle)
    #expect(!lazy.isComplete)
    let page = lazy.page(at: index)!
    #expect(page.source.contains(middle))

    let full = PagedArticle(document: Self.book, metadata: nil, options: Self.options)
    full.layoutAll()
    #expect(full.pageIndex(containing: middle) == index)
    #expect(full.page(at: index) == page)
  }

  @Test func layoutMoreAdvancesInStepsUntilTheCountIsExact() {
    let article = PagedArticle(document: Self.book, metadata: nil, options: Self.options)
    var steps = 0
    var estimates: [Int] = []
    while article.layoutMore(budget: 100_000) {
      steps += 1
      estimates.append(article.pageCount.value)
    }
    let count = article.pageCount
    #expect(count.isExact)
    #expect(steps > 5)
    // Estimates made half-way are within a fifth of the real count.
    let halfway = estimates[estimates.count / 2]
    #expect(abs(halfway - count.value) * 5 < count.value)
    #expect(article.page(at: count.value - 1) != nil)
    #expect(article.page(at: count.value) == nil)
  }
}
