import LeggioStore

/// The library list: the query, the counts, the selection and the rows fetched so far,
/// a window at a time so that 10,000 articles cost what one screen costs.
public struct LibraryState: Hashable, Sendable {
  /// Rows fetched per query.
  public static let windowSize = 50
  /// How far the rows a filter matches are counted while it is typed: counting every
  /// match of `l` in a million articles took most of each key's time (issue 17). The
  /// exact count is read when the filter is closed.
  public static let typingCountCap = 100
  /// Windows kept in the cache; the farthest from the selection go first.
  static let cachedWindows = 8

  public var query = ArticleQuery()
  public var counts = LibraryCounts(total: 0, unread: 0)
  /// The counts have been read at least once (until then nothing is "empty").
  public var countsLoaded = false
  /// The rows `query` matches.
  public var matching = 0
  /// Whether `matching` is exact: while a filter is typed, only whether more than
  /// `typingCountCap` match is read (`matching` is then the cap).
  public var matchingIsExact = true
  public var selected = 0
  /// The first row on screen.
  public var top = 0
  public var windows: [Int: [ArticleSummary]] = [:]
  public var pending: Set<Int> = []
  public var tags: [String] = []
  /// The title of the feed `query.feedID` shows, for the header.
  public var feedTitle: String?
  /// The user guide shown while the library is empty.
  public var guide: [StoredArticle] = []

  public init(guide: [StoredArticle] = []) {
    self.guide = guide
  }

  /// The library is empty: the list shows the guide instead.
  public var showsGuide: Bool { countsLoaded && counts.total == 0 }

  /// How many rows the list has.
  public var rowCount: Int { showsGuide ? guideRows.count : matching }

  /// The guide's articles the filter lets through.
  var guideRows: [ArticleSummary] {
    let rows = guide.map(\.summary)
    guard let search = query.search, !search.isEmpty else { return rows }
    return rows.filter { ArticleSearch.fold($0.title).contains(ArticleSearch.fold(search)) }
  }

  /// Row `index`, if it has been fetched.
  public func row(at index: Int) -> ArticleSummary? {
    if showsGuide {
      let rows = guideRows
      return rows.indices.contains(index) ? rows[index] : nil
    }
    guard let rows = windows[index / Self.windowSize] else { return nil }
    let i = index % Self.windowSize
    return rows.indices.contains(i) ? rows[i] : nil
  }

  public var selectedRow: ArticleSummary? { row(at: selected) }

  /// Forgets every fetched row (the query or the library changed).
  mutating func invalidate() {
    windows = [:]
    pending = []
  }

  /// Moves the selection, keeps it on screen, and asks for the windows now visible.
  mutating func select(_ index: Int, visibleRows: Int) -> [Effect] {
    selected = max(0, min(index, rowCount - 1))
    let visible = max(1, visibleRows)
    if selected < top { top = selected }
    if selected >= top + visible { top = selected - visible + 1 }
    top = max(0, min(top, max(0, rowCount - visible)))
    return fetchVisible(visibleRows: visible)
  }

  /// Effects loading the windows under rows `top..<top+visibleRows` not yet fetched.
  mutating func fetchVisible(visibleRows: Int) -> [Effect] {
    guard !showsGuide, matching > 0 else { return [] }
    let last = min(matching - 1, top + max(1, visibleRows) - 1)
    guard last >= top else { return [] }
    var effects: [Effect] = []
    for window in (top / Self.windowSize)...(last / Self.windowSize)
    where windows[window] == nil && !pending.contains(window) {
      pending.insert(window)
      effects.append(.loadRows(query, window: window))
    }
    return effects
  }

  /// Stores a fetched window, dropping the farthest ones beyond the cache's size.
  mutating func store(_ rows: [ArticleSummary], window: Int) {
    pending.remove(window)
    windows[window] = rows
    let here = selected / Self.windowSize
    while windows.count > Self.cachedWindows,
      let farthest = windows.keys.max(by: { abs($0 - here) < abs($1 - here) })
    {
      windows[farthest] = nil
    }
  }
}
