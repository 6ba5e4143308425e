/// The one place state changes: an event (or an effect's answer) in, the new state and
/// the effects to run out. Pure: no I/O happens here; the `Application` runs the effects
/// and sends their answers back as messages.
public func update(_ state: inout AppState, _ event: Event) -> [Effect] {
  update(&state, .event(event))
}

/// `update` for every message, events and answers alike.
public func update(_ state: inout AppState, _ message: Message) -> [Effect] {
  switch message {
  case .event(let event):
    return handle(event, &state)
  case .countsLoaded(let counts):
    state.library.counts = counts
    state.library.countsLoaded = true
    // The header's sync state changes with the library: read it again too.
    return state.library.select(state.library.selected, visibleRows: state.listRows)
      + (state.sync == nil ? [] : [.loadSyncState])
  case .countLoaded(let query, let count), .countAtLeast(let query, let count):
    guard query == state.library.query else { return [] }
    state.library.matching = count
    if case .countAtLeast = message {
      state.library.matchingIsExact = false
    } else {
      state.library.matchingIsExact = true
    }
    return state.library.select(state.library.selected, visibleRows: state.listRows)
  case .rowsLoaded(let query, let window, let rows):
    guard query == state.library.query else { return [] }
    state.library.store(rows, window: window)
    return []
  case .tagsLoaded(let tags):
    state.library.tags = tags
    let current = state.library.query.tag.flatMap { tags.firstIndex(of: $0) }.map { $0 + 1 }
    state.modal = .tags(selected: current ?? 0)
    return []
  case .articleLoaded(let article):
    state.modal = nil
    state.reader = ReaderState(article: article, isGuide: false, options: state.layoutOptions)
    return [
      .loadAnnotations(articleUUID: article.summary.uuid),
      .checkReadingElsewhere(articleID: article.summary.id),
    ]
  case .annotationsLoaded, .annotationSaved, .notebookLoaded, .articleOpened, .notebookTagChosen:
    return handleAnnotationMessage(message, &state)
  case .feedsLoaded, .feedUpdate:
    return handleFeedMessage(message, &state)
  case .starredSet, .pendingFetch:
    return handleIntakeMessage(message, &state)
  case .syncStateLoaded, .sync, .readingElsewhere:
    return handleSyncMessage(message, &state)
  case .removed(let ids):
    state.status = AppState.Status(
      text: ids.count == 1 ? "Moved to the bin" : "Moved \(ids.count) articles to the bin",
      isError: false)
    return reloadLibrary(&state)
  case .failed(let text):
    state.status = AppState.Status(text: text, isError: true)
    return []
  }
}

/// The effects that start the application: the counts and the first rows.
public func startEffects(_ state: AppState) -> [Effect] {
  [.loadCounts, .loadCount(state.library.query)]
}

private func handle(_ event: Event, _ state: inout AppState) -> [Effect] {
  switch event {
  case .resize(let width, let height):
    state.width = max(0, width)
    state.height = max(0, height)
    guard !state.isTooSmall else { return [] }
    let options = state.layoutOptions
    state.reader?.relayout(options)
    if var feeds = state.feeds, feeds.isLoaded {
      feeds.loaded(feeds.feeds, visibleRows: state.listRows)
      state.feeds = feeds
    }
    return state.library.select(state.library.selected, visibleRows: state.listRows)
  case .tick:
    _ = state.reader?.layoutMore()
    return []
  case .wheel(let up):
    guard !state.isTooSmall, state.prompt == nil else { return [] }
    switch state.top {
    case .reader, .library: break
    case .feeds, .notebook, .modal: return []
    }
    if var reader = state.reader {
      reader.go(to: reader.pageIndex + (up ? -1 : 1))
      state.reader = reader
      return []
    }
    return state.library.select(state.library.selected + (up ? -3 : 3), visibleRows: state.listRows)
  case .click:
    return []
  case .key(let key):
    if state.isTooSmall {
      if state.keymap.action(for: key, on: state.screen) == .quit { return quit(&state) }
      return []
    }
    state.status = nil
    if state.prompt != nil { return handlePrompt(key, &state) }
    switch state.top {
    case .modal: return handleModal(key, &state)
    case .feeds: return handleFeedsKey(key, &state)
    case .library, .reader, .notebook: break
    }
    if let effects = handleRecent(key, &state) { return effects }
    let action = state.keymap.action(for: key, on: state.screen)
    if let effects = handleGlobal(action, &state) { return effects }
    switch state.top {
    case .notebook: return handleNotebook(action, key, &state)
    case .reader(let reader) where reader.selection != nil: return handleSelection(action, &state)
    case .reader: return handleReader(key, action, &state)
    default: return handleLibrary(action, &state)
    }
  }
}

/// Actions that mean the same on every screen; nil when `action` is not one of them.
func handleGlobal(_ action: Action?, _ state: inout AppState) -> [Effect]? {
  switch action {
  case .quit:
    return quit(&state)
  case .help:
    state.modal = .help(state.screen)
    return []
  case .notebook:
    return openNotebook(&state)
  case .cycleTheme:
    guard !state.themeNames.isEmpty else { return [] }
    state.themeIndex = (state.themeIndex + 1) % state.themeNames.count
    state.status = AppState.Status(
      text: "Theme: \(state.themeNames[state.themeIndex])", isError: false)
    return []
  default:
    return nil
  }
}

/// Saves the reading position and ends the application.
func quit(_ state: inout AppState) -> [Effect] {
  let effects = state.reader.map(savePosition) ?? []
  state.shouldQuit = true
  return effects
}

/// The effect saving where the reader is (nothing for the guide).
func savePosition(_ reader: ReaderState) -> [Effect] {
  guard !reader.isGuide else { return [] }
  return [
    .saveReadingPosition(
      articleID: reader.article.summary.id, offset: reader.anchor, progress: reader.progress)
  ]
}

/// Forgets the fetched rows and asks for the counts and rows again.
func reloadLibrary(_ state: inout AppState) -> [Effect] {
  state.library.invalidate()
  return [.loadCounts, .loadCount(state.library.query)]
}
