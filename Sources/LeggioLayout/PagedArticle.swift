import LeggioCore

/// An article laid out in pages for one `LayoutOptions`.
///
/// PLACEHOLDER: a naive layout that the layout issue replaces. The public API is the
/// contract the reader codes against.
public final class PagedArticle: @unchecked Sendable {
  public let document: Document
  public let metadata: ArticleMetadata?
  public let options: LayoutOptions
  private var pages: [Page] = []

  public init(document: Document, metadata: ArticleMetadata?, options: LayoutOptions) {
    self.document = document
    self.metadata = metadata
    self.options = options
    let canonical = CanonicalText(document)
    var lines: [LaidOutLine] = []
    if let title = metadata?.title {
      lines.append(LaidOutLine(runs: [Run(text: title, column: 0, cells: title.count, role: .title)]))
      lines.append(LaidOutLine())
    }
    for (index, block) in document.blocks.enumerated() {
      let range = canonical.range(ofBlock: index)
      lines.append(LaidOutLine(runs: [Run(text: block.plainText, column: 0, cells: block.plainText.count, role: .text, source: range)], source: range))
      lines.append(LaidOutLine())
    }
    let height = max(1, options.height)
    var start = 0
    while start < lines.count || pages.isEmpty {
      let slice = Array(lines[start..<min(lines.count, start + height)])
      let lower = slice.compactMap(\.source).first?.lowerBound ?? (pages.last?.source.upperBound ?? 0)
      let upper = slice.compactMap(\.source).last?.upperBound ?? lower
      pages.append(Page(index: pages.count, lines: slice, source: lower..<upper))
      start += height
    }
  }

  /// The number of pages, `.estimated` while the background layout is still running.
  public var pageCount: PageCount { .exact(pages.count) }

  /// Page `index` (zero-based), laid out on demand; nil past the end.
  public func page(at index: Int) -> Page? {
    pages.indices.contains(index) ? pages[index] : nil
  }

  /// The index of the page that shows canonical offset `offset`.
  public func pageIndex(containing offset: Int) -> Int {
    pages.lastIndex { $0.source.lowerBound <= offset } ?? 0
  }

  /// Lays out everything that is still missing (the background pass).
  public func layoutAll() {}
}
