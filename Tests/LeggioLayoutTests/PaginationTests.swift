import LeggioModel
import Testing

@testable import LeggioLayout

/// Pages: their height, the offsets they cover, widows, orphans and headings.
@Suite struct PaginationTests {
  static let sizes: [(width: Int, height: Int)] = [
    (10, 4), (24, 7), (40, 12), (80, 24), (120, 40), (200, 60),
  ]

  @Test func pagesHaveExactlyTheHeightButTheLast() {
    for sample in SampleDocuments.all {
      for size in Self.sizes {
        let article = PagedArticle(
          document: sample.document, metadata: sample.metadata,
          options: LayoutOptions(width: size.width, height: size.height))
        let pages = allPages(article)
        #expect(
          pages.dropLast().allSatisfy { $0.lines.count == size.height }, "\(sample.name) \(size)")
        #expect((1...size.height).contains(pages.last!.lines.count))
        #expect(article.pageCount == .exact(pages.count))
      }
    }
  }

  @Test func pageRangesTileTheCanonicalText() {
    for sample in SampleDocuments.all {
      for size in Self.sizes + [(30, 1), (30, 2), (30, 3)] {
        let article = PagedArticle(
          document: sample.document, metadata: sample.metadata,
          options: LayoutOptions(width: size.width, height: size.height))
        let pages = allPages(article)
        #expect(pages.first?.source.lowerBound == 0)
        #expect(pages.last?.source.upperBound == article.canonicalText.scalarCount)
        for (page, next) in zip(pages, pages.dropFirst()) {
          #expect(
            page.source.upperBound == next.source.lowerBound,
            "\(sample.name) \(size) page \(page.index)")
        }
        for page in pages {
          for line in page.lines {
            if let source = line.source { #expect(page.source.contains(source.lowerBound)) }
          }
        }
      }
    }
  }

  @Test func everyOffsetMapsToItsPageAndLineAndBack() {
    let (document, metadata) = Fixtures.referenceArticle
    let article = PagedArticle(
      document: document, metadata: metadata, options: LayoutOptions(width: 30, height: 9))
    let count = article.canonicalText.scalarCount
    for offset in 0..<count {
      let index = article.pageIndex(containing: offset)
      let page = article.page(at: index)!
      #expect(page.source.contains(offset), "offset \(offset) not on page \(index) \(page.source)")
      let (pageIndex, line) = article.location(of: offset)
      #expect(pageIndex == index)
      let start = article.offset(page: pageIndex, line: line)!
      #expect(start <= offset)
      if let source = page.lines[line].source {
        #expect(source.lowerBound == start)
        let next =
          page.lines[(line + 1)...].compactMap(\.source).first?.lowerBound ?? page.source.upperBound
        #expect(offset < next)
      }
    }
    #expect(article.pageIndex(containing: count) == article.pageCount.value - 1)
    #expect(article.offset(page: 0, line: 500) == nil)
  }

  @Test func resizeKeepsTheFirstCharacterOnScreen() {
    let document = SampleDocuments.mixed
    for (from, to) in zip(Self.sizes, Self.sizes.reversed()) {
      let before = PagedArticle(
        document: document, metadata: nil,
        options: LayoutOptions(width: from.width, height: from.height))
      for index in stride(from: 0, to: before.pageCount.value, by: 3) {
        guard let first = before.page(at: index)?.lines.compactMap(\.source).first?.lowerBound
        else { continue }
        let after = PagedArticle(
          document: document, metadata: nil,
          options: LayoutOptions(width: to.width, height: to.height))
        let page = after.page(at: after.pageIndex(containing: first))!
        #expect(
          page.lines.contains { $0.source?.contains(first) == true },
          "\(from) -> \(to) page \(index)")
      }
    }
  }

  @Test func paragraphsLeaveNoWidowsOrOrphansWhereAvoidable() {
    for sample in SampleDocuments.all {
      for size in Self.sizes {
        let article = PagedArticle(
          document: sample.document, metadata: sample.metadata,
          options: LayoutOptions(width: size.width, height: size.height))
        let canonical = article.canonicalText
        let pages = allPages(article)
        for (page, next) in zip(pages, pages.dropFirst()) {
          guard let last = page.lines.last(where: { $0.source != nil })?.source,
            let first = next.lines.first(where: { $0.source != nil })?.source,
            let block = canonical.blockIndex(containing: last.lowerBound),
            canonical.blockIndex(containing: first.lowerBound) == block
          else { continue }
          let range = canonical.range(ofBlock: block)
          // On short pages a heading takes the first line of its paragraph with it.
          let contentLines = page.lines.filter { !$0.runs.isEmpty }
          let afterHeading = contentLines.dropLast().last?.runs.first?.role == .heading
          #expect(
            afterHeading || last.lowerBound != range.lowerBound,
            "orphan: \(sample.name) \(size) page \(page.index)")
          #expect(
            first.upperBound != range.upperBound, "widow: \(sample.name) \(size) page \(next.index)"
          )
        }
      }
    }
  }

  /// Pages of 4 lines cannot hold two headings of two lines and the text after them.
  @Test func aHeadingIsNeverTheLastLineOfAPage() {
    for size in Self.sizes where size.height >= 7 {
      let article = PagedArticle(
        document: SampleDocuments.mixed, metadata: nil,
        options: LayoutOptions(width: size.width, height: size.height))
      for page in allPages(article).dropLast() {
        let last = page.lines.last { !$0.runs.isEmpty }
        #expect(
          last?.runs.first?.role != .heading,
          "\(size) page \(page.index)\n\(page.lines.map(\.plainText).joined(separator: "\n"))")
      }
    }
  }

  @Test func tinyPagesStillMakeProgress() {
    for height in 1...3 {
      let article = PagedArticle(
        document: SampleDocuments.mixed, metadata: ArticleMetadata(title: "Misto"),
        options: LayoutOptions(width: 12, height: height))
      let pages = allPages(article)
      #expect(pages.allSatisfy { $0.lines.count <= height })
      #expect(pages.last?.source.upperBound == article.canonicalText.scalarCount)
    }
  }

  @Test func anEmptyDocumentIsOnePage() {
    let article = PagedArticle(
      document: Document(), metadata: ArticleMetadata(title: "Vuoto"),
      options: LayoutOptions(width: 40, height: 10))
    #expect(article.pageCount == .exact(1))
    #expect(article.page(at: 0)?.source == 0..<0)
    #expect(article.page(at: 0)?.lines.map(\.plainText) == [" Vuoto"])
    #expect(article.page(at: 1) == nil)
    #expect(article.pageIndex(containing: 0) == 0)
  }
}
