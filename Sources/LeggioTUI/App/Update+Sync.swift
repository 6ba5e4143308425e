import LeggioModel
import LeggioStore

/// The sync key: starts a sync in the background (the `Application` says so when sync is
/// not set up), unless one is running.
func startSync(_ state: inout AppState) -> [Effect] {
  if state.sync?.running == true {
    state.status = AppState.Status(text: "A sync is already running", isError: false)
    return []
  }
  state.sync?.running = true
  state.status = AppState.Status(text: "Syncing…", isError: false)
  return [.sync]
}

/// The answers about sync: the header's state, the running sync's reports, and another
/// device's reading position in the open article.
func handleSyncMessage(_ message: Message, _ state: inout AppState) -> [Effect] {
  switch message {
  case .syncStateLoaded(let lastSync, let pending):
    state.sync?.lastSync = lastSync
    state.sync?.pending = pending
    return []
  case .sync(.step(let step)):
    if state.sync == nil { state.sync = SyncIndicator() }
    state.sync?.running = true
    state.status = AppState.Status(text: "Syncing: \(stepLabel(step))…", isError: false)
    return []
  case .sync(.finished(let outcome)):
    var indicator = state.sync ?? SyncIndicator()
    indicator.running = false
    indicator.failed = outcome.offline != nil
    state.sync = indicator
    state.status = AppState.Status(text: outcome.line, isError: outcome.offline != nil)
    return reloadAfterSync(&state)
  case .sync(.failed(let text)):
    state.sync?.running = false
    state.sync?.failed = true
    state.status = AppState.Status(text: "Sync: " + text, isError: true)
    return state.sync == nil ? [] : [.loadSyncState]
  case .readingElsewhere(let articleID, let other):
    offerToContinue(articleID, other, &state)
    return []
  default:
    return []
  }
}

/// What the status line calls a sync's step.
private func stepLabel(_ step: String) -> String {
  switch step {
  case "export": "writing your changes"
  case "commit": "committing"
  case "fetch": "fetching"
  case "merge": "merging"
  case "import": "taking in what arrived"
  case "push": "sending"
  default: step
  }
}

/// Shows what a sync brought: the list, the open article's marks (and a position read
/// further on another device), the notebook.
private func reloadAfterSync(_ state: inout AppState) -> [Effect] {
  var effects = reloadLibrary(&state)
  if let reader = state.reader, !reader.isGuide {
    effects += [
      .loadAnnotations(articleUUID: reader.article.summary.uuid),
      .checkReadingElsewhere(articleID: reader.article.summary.id),
    ]
  }
  if let notebook = state.notebook { effects.append(.loadNotebook(notebook.filter)) }
  return effects
}

/// Asks "continue at page N?" when the open article was read elsewhere to another page,
/// unless a box or a prompt is in the way.
private func offerToContinue(_ articleID: Int64, _ other: ReadingElsewhere, _ state: inout AppState)
{
  guard case .reader(let reader) = state.top, state.prompt == nil, !reader.isGuide,
    reader.article.summary.id == articleID
  else { return }
  // Offset 0 is the first page, title block and all (as when opening an article).
  let page =
    other.offset <= 0
    ? 0 : reader.paged.pageIndex(containing: min(other.offset, reader.canonical.scalarCount))
  guard page != reader.pageIndex else { return }
  state.modal = .continueReading(other, page: page)
}

/// A key while "continue at page N?" is asked: `y` or Enter goes there (Backspace comes
/// back), anything else keeps the page.
func handleContinueReading(_ key: Key, _ other: ReadingElsewhere, _ state: inout AppState)
  -> [Effect]
{
  state.modal = nil
  guard key == .character("y") || key == .character("Y") || key == .enter else {
    state.status = AppState.Status(text: "Kept your place", isError: false)
    return []
  }
  state.reader?.jump(toOffset: other.offset)
  let page = (state.reader?.pageIndex ?? 0) + 1
  state.status = AppState.Status(
    text: "Page \(page), where you read on \(other.deviceLabel) · Backspace: back",
    isError: false)
  return []
}

extension ReadingElsewhere {
  /// The device's name when sync brought one, else the end of its id.
  var deviceLabel: String {
    if let name = deviceName, !name.isEmpty { return TerminalSafety.line(name) }
    return "device " + String(TerminalSafety.line(device).suffix(6))
  }
}
