import LeggioModel

/// The reader's keys. Digits build a count for `G` (that page) and `Enter` (that link).
func handleReader(_ key: Key, _ action: Action?, _ state: inout AppState) -> [Effect] {
  guard var reader = state.reader else { return [] }
  if action == nil, case .character(let c) = key, c.isASCII, c.isNumber {
    reader.count.append(c)
    state.reader = reader
    return []
  }
  let count = Int(reader.count)
  reader.count = ""
  defer { if state.reader != nil { state.reader = reader } }
  switch action {
  case .nextPage:
    reader.go(to: reader.pageIndex + 1)
  case .previousPage:
    reader.go(to: reader.pageIndex - 1)
  case .firstPage:
    reader.go(to: (count ?? 1) - 1)
  case .lastPage:
    if let count {
      reader.go(to: count - 1)
    } else {
      reader.paged.layoutAll()
      reader.go(to: reader.pageCount.value - 1)
    }
  case .search:
    state.prompt = AppState.Prompt(purpose: .search, text: "")
  case .previousMatch where reader.searchQuery == nil:
    // N: the previous match while searching, else the notebook.
    state.reader = reader
    return openNotebook(&state)
  case .select:
    startSelection(&reader)
  case .bookmark:
    guard !reader.isGuide else { return guideCannotBeAnnotated(&state) }
    state.prompt = AppState.Prompt(purpose: .bookmarkName(offset: reader.anchor), text: "")
  case .marks:
    if reader.annotations.isEmpty {
      state.status = AppState.Status(
        text: "No bookmarks, highlights or notes here yet: v selects, m bookmarks",
        isError: false)
    } else {
      let index = reader.annotations.firstIndex { $0.anchor.start >= reader.anchor } ?? 0
      state.modal = .marks(selected: index)
    }
  case .nextMatch, .previousMatch:
    guard reader.searchQuery != nil else {
      state.status = AppState.Status(text: "Search with / first", isError: false)
      break
    }
    step(&reader, forward: action == .nextMatch, status: &state.status)
  case .links:
    if reader.links.isEmpty {
      state.status = AppState.Status(text: "This article has no links", isError: false)
    } else if let count {
      let index = max(1, min(count, reader.links.count)) - 1
      state.reader = reader
      follow(reader.links[index], number: index + 1, &state)
      reader = state.reader ?? reader  // what the deferred write-back keeps
    } else {
      state.modal = .links(selected: 0)
    }
  case .star:
    guard !reader.isGuide else {
      state.status = AppState.Status(text: "The guide cannot be starred", isError: false)
      break
    }
    return [.setStarred(id: reader.article.summary.id, !reader.article.summary.isStarred)]
  case .contents:
    openContents(reader, &state)
  case .viewPicture, .openPicture:
    return showPicture(reader, open: action == .openPicture, &state)
  case .jumpBack:
    state.reader = reader
    jumpBack(&state)
    reader = state.reader ?? reader
  case .back:
    let effects = savePosition(reader)
    state.reader = nil
    return effects + (reader.isGuide ? [] : reloadLibrary(&state))
  default:
    break
  }
  return []
}

/// Runs the search typed in the prompt: the first match from this page on.
func runSearch(_ query: String, _ state: inout AppState) {
  guard var reader = state.reader else { return }
  defer { state.reader = reader }
  let trimmed = query.trimmingSpaces
  guard !trimmed.isEmpty else { return }
  reader.searchQuery = trimmed
  reader.matches = reader.search.matches(of: trimmed)
  reader.currentMatch = nil
  guard !reader.matches.isEmpty else {
    state.status = AppState.Status(
      text: "Not found: \(TerminalSafety.line(trimmed))", isError: true)
    return
  }
  step(&reader, forward: true, status: &state.status)
}

/// Moves to the next or previous match, wrapping at the ends; starts from this page
/// when the reader has turned away from the last match shown.
private func step(_ reader: inout ReaderState, forward: Bool, status: inout AppState.Status?) {
  let matches = reader.matches
  guard !matches.isEmpty else {
    status = AppState.Status(text: "Not found: \(reader.searchQuery ?? "")", isError: true)
    return
  }
  let page = reader.pageIndex
  let paged = reader.paged
  let pageOf = { (i: Int) in paged.pageIndex(containing: matches[i].lowerBound) }
  var next: Int
  if let current = reader.currentMatch, pageOf(current) == page {
    next = forward ? current + 1 : current - 1
  } else if forward {
    let start = reader.page?.source.lowerBound ?? 0
    next = matches.firstIndex { $0.lowerBound >= start } ?? matches.count
  } else {
    let end = reader.page?.source.lowerBound ?? 0
    next = (matches.lastIndex { $0.lowerBound < end } ?? -1)
  }
  var wrapped = false
  if next >= matches.count {
    next = 0
    wrapped = true
  } else if next < 0 {
    next = matches.count - 1
    wrapped = true
  }
  reader.currentMatch = next
  reader.go(to: pageOf(next))
  let place = "match \(next + 1)/\(matches.count)"
  status = AppState.Status(
    text: wrapped ? "\(place) (wrapped)" : place, isError: false)
}

/// The status line for a chosen link: its number and URL, made safe to print.
func linkStatus(_ link: ArticleLink, number: Int) -> AppState.Status {
  AppState.Status(text: "[\(number)] \(TerminalSafety.line(link.url))", isError: false)
}
