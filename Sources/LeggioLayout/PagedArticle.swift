import Foundation
import LeggioModel

/// An article laid out in pages for one `LayoutOptions`.
///
/// **Lazy.** Nothing is laid out up front. Pagination runs from the start of the flow one
/// unit (block) at a time and stops as soon as it can answer: `page(at: 3)` measures the
/// blocks of the first four pages, `pageIndex(containing:)` measures up to the offset.
/// Measuring a block only breaks its lines (no runs, no strings) and keeps their starting
/// offsets (4 bytes a line); runs are built only for the pages shown. Page breaks depend
/// only on the lines before them, so pages found early never change: page numbers are
/// final as soon as they are known and `pageCount` is `.estimated` until the end is
/// reached (by `layoutMore(budget:)` from the run loop, `layoutAll()`, or a request).
///
/// **Offsets.** Page `k` covers `start(k)..<start(k+1)` where `start` is the canonical
/// offset of its first line (0 for the first page, the text's end after the last), so
/// the page ranges tile the text. A resize is a new `PagedArticle` and
/// `pageIndex(containing: firstOffsetOnScreen)`.
///
/// Meant for one thread (the reader's run loop); a lock makes concurrent calls safe.
public final class PagedArticle: @unchecked Sendable {
  public let document: Document
  public let metadata: ArticleMetadata?
  public let options: LayoutOptions
  /// The canonical text whose offsets the pages and runs carry (built on first use).
  public var canonicalText: CanonicalText {
    locked {
      if let text = canonicalCache { return text }
      let text = CanonicalText(document)
      canonicalCache = text
      return text
    }
  }
  private var canonicalCache: CanonicalText?
  /// Where blocks start, without building the text.
  let offsets: BlockOffsets
  /// Where the text column sits.
  public let geometry: ColumnGeometry

  let flow: ArticleFlow
  private var paginator: Paginator
  private var pageCache: [Int: RenderedPage] = [:]
  private let lock = NSLock()

  public init(document: Document, metadata: ArticleMetadata?, options: LayoutOptions) {
    self.document = document
    self.metadata = metadata
    self.options = options
    self.offsets = BlockOffsets(document)
    self.geometry = ColumnGeometry(options)
    self.flow = ArticleFlow(
      document: document, metadata: metadata, canonical: offsets, geometry: geometry,
      justify: options.justify,
      hyphenator: options.hyphenate ? Hyphenator(language: metadata?.language) : nil,
      totalFit: options.totalFit, strictLineBreaks: options.strictLineBreaks,
      notesAtFoot: options.notesAtFoot && options.height < .max,
      asciiBorders: options.asciiBorders)
    self.paginator = Paginator(height: options.height)
    flow.pictures = options.pictures
    flow.pageHeight = options.height
  }

  /// The number of pages, `.estimated` while the layout has not reached the end.
  public var pageCount: PageCount {
    locked {
      if offsets.scalarCount == 0 { while !paginator.isComplete { paginator.step(flow) } }
      let known = paginator.pageStarts.count
      if paginator.isComplete || flow.unitCount == 0 { return .exact(known) }
      let done = flow.position(paginator.cursor)
      let total = offsets.scalarCount
      guard done > 0 else { return .estimated(known) }
      let estimate = Int((Double(known) * Double(total) / Double(done)).rounded(.up))
      return .estimated(max(known, estimate))
    }
  }

  /// True once every page is known.
  public var isComplete: Bool { locked { paginator.isComplete || flow.unitCount == 0 } }

  /// Page `index` (zero-based), laid out on demand; nil past the end.
  public func page(at index: Int) -> Page? {
    locked { rendered(index)?.page }
  }

  /// The index of the page that shows canonical offset `offset` (clamped to the text).
  public func pageIndex(containing offset: Int) -> Int {
    locked { pageAndTarget(offset).page }
  }

  /// The page and the line on it that show canonical offset `offset`.
  public func location(of offset: Int) -> (page: Int, line: Int) {
    locked {
      let (page, target) = pageAndTarget(offset)
      let lines = rendered(page)?.flowLines ?? []
      return (page, lines.firstIndex(of: target) ?? 0)
    }
  }

  /// The canonical offset where line `line` of page `page` starts (for a blank line, the
  /// offset of the text after it); nil when there is no such line.
  public func offset(page: Int, line: Int) -> Int? {
    locked {
      guard let rendered = rendered(page), rendered.positions.indices.contains(line) else {
        return nil
      }
      return rendered.positions[line]
    }
  }

  /// Where each page starts in the flow (as far as pagination has gone).
  var pageStarts: [FlowPosition] { locked { paginator.pageStarts } }

  /// Lays out everything that is still missing.
  public func layoutAll() {
    locked { while !paginator.isComplete { paginator.step(flow) } }
  }

  /// Advances the layout by about `budget` scalars of text (a small step for the run
  /// loop between key presses). Returns true while there is more to do.
  @discardableResult
  public func layoutMore(budget: Int = 50_000) -> Bool {
    locked {
      var spent = 0
      while !paginator.isComplete && spent < budget {
        let unit = paginator.cursor.unit
        spent += max(1, flow.scalarLength(unit))
        paginator.step(flow)
      }
      return !paginator.isComplete
    }
  }

  // MARK: - Internals (called with the lock held)

  private func locked<T>(_ body: () -> T) -> T {
    lock.lock()
    defer { lock.unlock() }
    return body()
  }

  /// Paginates until page `index` and the start of the page after it are known.
  private func paginate(through index: Int) {
    while !paginator.isComplete && paginator.pageStarts.count <= index + 1 { paginator.step(flow) }
  }

  private func pageAndTarget(_ offset: Int) -> (page: Int, target: FlowPosition) {
    let target = flow.flowPosition(of: offset)
    while !paginator.isComplete && paginator.pageStarts[paginator.pageStarts.count - 1] <= target {
      paginator.step(flow)
    }
    let starts = paginator.pageStarts
    var low = 0
    var high = starts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if starts[mid] <= target { low = mid } else { high = mid - 1 }
    }
    return (low, target)
  }

  private func rendered(_ index: Int) -> RenderedPage? {
    guard index >= 0 else { return nil }
    if let page = pageCache[index] { return page }
    paginate(through: index)
    let starts = paginator.pageStarts
    guard index < starts.count else { return nil }
    let end =
      index + 1 < starts.count ? starts[index + 1] : FlowPosition(unit: flow.unitCount, line: 0)
    let page = flow.renderPage(
      index: index, from: starts[index], to: end, isLast: index + 1 >= starts.count,
      height: options.height, notes: paginator.pageNotes[index])
    if pageCache.count >= 16 { pageCache.removeAll(keepingCapacity: true) }
    pageCache[index] = page
    return page
  }
}
