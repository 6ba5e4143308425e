import LeggioStore

/// The library list's keys.
func handleLibrary(_ action: Action?, _ state: inout AppState) -> [Effect] {
  let rows = state.listRows
  var library = state.library
  defer { state.library = library }
  switch action {
  case .up: return library.select(library.selected - 1, visibleRows: rows)
  case .down: return library.select(library.selected + 1, visibleRows: rows)
  case .pageUp: return library.select(library.selected - rows, visibleRows: rows)
  case .pageDown: return library.select(library.selected + rows, visibleRows: rows)
  case .top: return library.select(0, visibleRows: rows)
  case .bottom: return library.select(library.rowCount - 1, visibleRows: rows)
  case .open:
    guard let row = library.selectedRow else { return [] }
    if library.showsGuide, let article = library.guide.first(where: { $0.summary.id == row.id }) {
      state.reader = ReaderState(article: article, isGuide: true, options: state.layoutOptions)
      return []
    }
    return [.loadArticle(id: row.id)]
  case .sort:
    let all = ArticleSort.allCases
    let next = all[((all.firstIndex(of: library.query.sort) ?? 0) + 1) % all.count]
    library.query.sort = next
    state.status = AppState.Status(text: "Sorted by \(next.label)", isError: false)
    return requery(&library)
  case .search:
    state.prompt = AppState.Prompt(purpose: .filter, text: library.query.search ?? "")
    return []
  case .filterTag:
    guard !library.showsGuide else { return [] }
    return [.loadTags]
  case .toggleUnread:
    library.query.unreadOnly.toggle()
    state.status = AppState.Status(
      text: library.query.unreadOnly ? "Unread only" : "All articles", isError: false)
    return requery(&library)
  case .toggleStarred:
    library.query.starredOnly.toggle()
    state.status = AppState.Status(
      text: library.query.starredOnly ? "Starred only" : "All articles", isError: false)
    return requery(&library)
  case .star:
    guard !library.showsGuide, let row = library.selectedRow else { return [] }
    return [.setStarred(id: row.id, !row.isStarred)]
  case .fetchPending:
    state.library = library
    return startPendingFetch(&state)
  case .remove:
    guard !library.showsGuide, let row = library.selectedRow else { return [] }
    state.modal = .confirmRemove(row)
    return []
  case .feeds:
    return openFeeds(&state)
  case .sync:
    return startSync(&state)
  case .back:
    guard
      library.query.search != nil || library.query.tag != nil || library.query.unreadOnly
        || library.query.starredOnly || library.query.feedID != nil
    else { return [] }
    library.query.search = nil
    library.query.tag = nil
    library.query.unreadOnly = false
    library.query.starredOnly = false
    library.query.feedID = nil
    library.feedTitle = nil
    return requery(&library)
  default:
    return []
  }
}

/// Starts over for a changed query: first row selected, rows fetched again.
func requery(_ library: inout LibraryState) -> [Effect] {
  library.invalidate()
  library.selected = 0
  library.top = 0
  if library.showsGuide { return [] }
  return [.loadCount(library.query)]
}

extension ArticleSort {
  /// How the header and status line name the order.
  public var label: String {
    switch self {
    case .added: "date added"
    case .published: "date published"
    case .title: "title"
    case .progress: "progress"
    }
  }
}
