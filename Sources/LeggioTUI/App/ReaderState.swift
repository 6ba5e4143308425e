import LeggioModel
import LeggioStore
import LeggioLayout

/// An article open in the reader: its pages at the current size and where the reader is.
///
/// `anchor` — the canonical offset of the first character on the page — is the truth
/// about the position: a resize lays the article out again and goes back to the page
/// holding it, so the reader never jumps.
public struct ReaderState: @unchecked Sendable {
  public var article: StoredArticle
  /// A page of the built-in guide: nothing is saved for it.
  public var isGuide: Bool
  public private(set) var paged: PagedArticle
  public private(set) var pageIndex: Int = 0
  public private(set) var anchor: Int
  /// Digits typed before `G` or `Enter`.
  public var count: String = ""
  public var searchQuery: String?
  public var matches: [Range<Int>] = []
  /// The match shown last (`n`/`N` move from it).
  public var currentMatch: Int?
  public let links: [ArticleLink]
  public let search: ArticleSearch
  /// The passage being selected (`v`), in canonical offsets; its end moves.
  public var selection: Range<Int>?
  /// This article's bookmarks, highlights and notes, in reading order.
  public var annotations: [Annotation] = []
  /// The annotation just made: a digit 1–5 recolours it, `a` gives it a note.
  public var recent: Annotation?
  /// Words, sentences and paragraphs, worked out the first time a selection needs them.
  var units: TextUnits?
  /// The places a followed link or the table of contents left, newest last: where
  /// `jump-back` returns to.
  public var history: [Int] = []

  public init(article: StoredArticle, isGuide: Bool, options: LayoutOptions) {
    self.article = article
    self.isGuide = isGuide
    let canonical = CanonicalText(article.document)
    self.search = ArticleSearch(canonical)
    self.links = ArticleLink.links(in: article.document)
    let start = min(max(0, article.readingOffset ?? 0), canonical.scalarCount)
    self.anchor = start
    self.paged = PagedArticle(
      document: article.document, metadata: article.metadata,
      options: Self.options(options, for: article))
    // Never read, or read from the start: the first page, title block and all (on a small
    // window the title block may fill a page or more before the text's first offset).
    self.pageIndex = start == 0 ? 0 : paged.pageIndex(containing: start)
    // The first page starts with the title block: show it, not the first offset.
    if pageIndex == 0 { anchor = 0 }
  }

  public var canonical: CanonicalText { search.canonical }
  public var page: Page? { paged.page(at: pageIndex) }
  public var pageCount: PageCount { paged.pageCount }

  /// How far through the article the end of this page is, 0...1.
  public var progress: Double {
    guard canonical.scalarCount > 0 else { return 1 }
    if case .exact(let n) = pageCount, pageIndex >= n - 1 { return 1 }
    let end = page?.source.upperBound ?? anchor
    return min(1, max(0, Double(end) / Double(canonical.scalarCount)))
  }

  /// Goes to page `index`, clamped to the pages there are.
  mutating func go(to index: Int) {
    var target = max(0, index)
    if case .exact(let n) = pageCount { target = min(target, max(0, n - 1)) }
    while target > 0 && paged.page(at: target) == nil { target -= 1 }
    pageIndex = target
    anchor = target == 0 ? 0 : paged.page(at: target)?.source.lowerBound ?? anchor
  }

  /// Goes to the page holding canonical offset `offset` (a chapter, a link's target),
  /// remembering this place for `returnFromJump`.
  mutating func jump(toOffset offset: Int) {
    history.append(anchor)
    if history.count > 100 { history.removeFirst() }
    let target = min(max(0, offset), canonical.scalarCount)
    pageIndex = paged.pageIndex(containing: target)
    anchor = pageIndex == 0 ? 0 : paged.page(at: pageIndex)?.source.lowerBound ?? target
  }

  /// Goes back to where the last jump left; false when there is nowhere to go back to.
  mutating func returnFromJump() -> Bool {
    guard let place = history.popLast() else { return false }
    pageIndex = place == 0 ? 0 : paged.pageIndex(containing: place)
    anchor = place
    return true
  }

  /// Lays the article out again for `options`, on the page holding the anchor.
  mutating func relayout(_ options: LayoutOptions) {
    let options = Self.options(options, for: article)
    guard options != paged.options else { return }
    let keep = anchor
    paged = PagedArticle(document: article.document, metadata: article.metadata, options: options)
    // On the first page the title block is what is on screen: keep showing it.
    pageIndex = pageIndex == 0 ? 0 : paged.pageIndex(containing: keep)
    anchor = keep
  }

  /// Pages the article a little more on an idle tick, if its layout can.
  /// Returns whether background work remains.
  mutating func layoutMore() -> Bool {
    guard let incremental = paged as AnyObject as? IncrementalPagination else { return false }
    return incremental.layoutMore(budget: 50_000)
  }

  /// `options` with the article's pictures, so that the layout leaves them room.
  static func options(_ options: LayoutOptions, for article: StoredArticle) -> LayoutOptions {
    guard !article.images.isEmpty else { return options }
    var options = options
    options.pictures = article.images.mapValues {
      PictureSize(width: $0.info.width, height: $0.info.height)
    }
    return options
  }

  /// Whether the page count is still being worked out.
  public var hasBackgroundWork: Bool { !pageCount.isExact }
}
