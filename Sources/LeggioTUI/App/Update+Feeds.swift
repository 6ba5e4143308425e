import LeggioModel

/// Opens the feeds screen over the library and asks for the subscriptions.
func openFeeds(_ state: inout AppState) -> [Effect] {
  var feeds = FeedsScreenState()
  // An update started before the screen was last closed is still running.
  if state.feedUpdateRunning { feeds.updateStarted() }
  state.feeds = feeds
  return [.loadFeeds]
}

/// A key on the feeds screen: help, themes and quit as everywhere, then its own keys.
func handleFeedsKey(_ key: Key, _ state: inout AppState) -> [Effect] {
  guard var feeds = state.feeds else { return [] }
  let action = state.keymap.action(for: key, on: .feeds)
  if action != .back, let effects = handleGlobal(action, &state) { return effects }
  let intent = feeds.handle(
    key, keymap: state.keymap, visibleRows: state.listRows, base: state.library.query)
  state.feeds = feeds
  switch intent {
  case .showItems(let query):
    state.library.feedTitle = feeds.selectedFeed.map { TerminalSafety.line($0.title ?? $0.url) }
    state.feeds = nil
    state.library.query = query
    return [.loadCounts] + requery(&state.library)
  case .update(let ids):
    state.feeds?.updateStarted()
    state.feedUpdateRunning = true
    return [.updateFeeds(ids)]
  case .close:
    state.feeds = nil
    return []
  case nil:
    return []
  }
}

/// The answers for the feeds screen: the listing, and the background update's reports.
func handleFeedMessage(_ message: Message, _ state: inout AppState) -> [Effect] {
  switch message {
  case .feedsLoaded(let listing):
    let rows = state.listRows
    state.feeds?.loaded(listing, visibleRows: rows)
    return []
  case .feedUpdate(.progress(let progress)):
    state.feeds?.updateProgressed(progress)
    if state.feeds == nil {
      var shown = FeedsScreenState()
      shown.updateStarted()
      shown.updateProgressed(progress)
      state.status = shown.progressLine.map { AppState.Status(text: $0, isError: false) }
      // The list behind shows the new articles as they come.
      return progress.latest.newItems > 0 ? reloadLibrary(&state) : []
    }
    // The feed just done shows its new items and error without waiting for the others.
    return [.loadFeeds]
  case .feedUpdate(.finished(let summaries)):
    state.feedUpdateRunning = false
    var finished = state.feeds ?? FeedsScreenState()
    finished.updateFinished(summaries)
    if state.feeds != nil {
      state.feeds = finished
    } else if let report = finished.lastReport {
      state.status = AppState.Status(text: "Feeds: " + report, isError: false)
    }
    return (state.feeds == nil ? [] : [.loadFeeds]) + reloadLibrary(&state)
  case .feedUpdate(.failed(let text)):
    state.feedUpdateRunning = false
    state.feeds?.updateFailed(text)
    if state.feeds == nil { state.status = AppState.Status(text: text, isError: true) }
    return []
  default:
    return []
  }
}
