import LeggioModel

/// Starts fetching the pending articles' pages in the background (`P` on the list),
/// unless a fetch runs already.
func startPendingFetch(_ state: inout AppState) -> [Effect] {
  guard !state.pendingFetchRunning else {
    state.status = AppState.Status(text: "Pending pages are being fetched already", isError: false)
    return []
  }
  state.pendingFetchRunning = true
  state.status = AppState.Status(text: "Fetching the pending articles’ pages…", isError: false)
  return [.fetchPending]
}

/// `s` (save the page in the library) and `o` (open it in the browser) on a link of the
/// links list. Links inside a book have no page to save or open.
func handleLinkAction(_ action: Action?, _ link: ArticleLink, _ state: inout AppState)
  -> [Effect]
{
  guard action == .saveLink || action == .openLink else { return [] }
  let scheme = link.url.prefix { $0 != ":" }.lowercased()
  guard InternalLink(link.url) == nil, scheme == "http" || scheme == "https" else {
    state.status = AppState.Status(
      text: "Only web links (http, https) can be saved or opened: \(link.url)", isError: true)
    return []
  }
  if action == .openLink {
    state.status = AppState.Status(text: "Opening in the browser: \(link.url)", isError: false)
    return [.openInBrowser(link.url)]
  }
  state.status = AppState.Status(text: "Saving \(link.url)…", isError: false)
  return [.saveLink(url: link.url, title: link.text)]
}

/// The answers about starring and about pages fetched in the background.
func handleIntakeMessage(_ message: Message, _ state: inout AppState) -> [Effect] {
  switch message {
  case .starredSet(let id, let starred):
    if state.reader?.article.summary.id == id { state.reader?.article.summary.isStarred = starred }
    state.status = AppState.Status(text: starred ? "★ Starred" : "Unstarred", isError: false)
    return reloadLibrary(&state)
  case .pendingFetch(let report):
    return handlePendingFetchReport(report, &state)
  default:
    return []
  }
}

private func handlePendingFetchReport(_ report: PendingFetchRunner.Report, _ state: inout AppState)
  -> [Effect]
{
  switch report {
  case .progress(let done, let total, let failed, let title, let error):
    let failures = failed > 0 ? " · \(failed) failed" : ""
    let latest = error.map { "\(title): \($0)" } ?? title
    state.status = AppState.Status(
      text: "Fetching \(done)/\(total)\(failures) · \(latest)", isError: false)
    // The list shows the fetched articles as they come, a few at a time.
    return done % 10 == 0 && error == nil ? reloadLibrary(&state) : []
  case .finished(let fetched, let failed):
    state.pendingFetchRunning = false
    let text =
      fetched + failed == 0
      ? "No pending articles to fetch"
      : "Fetched \(fetched) page\(fetched == 1 ? "" : "s")"
        + (failed > 0 ? "; \(failed) failed (kept pending: leggio list --pending)" : "")
    state.status = AppState.Status(text: text, isError: failed > 0)
    return reloadLibrary(&state)
  case .linkSaved(let title):
    state.status = AppState.Status(text: "Saved to the library: \(title)", isError: false)
    return reloadLibrary(&state)
  case .linkAlreadyThere(let title):
    state.status = AppState.Status(text: "Already in the library: \(title)", isError: false)
    return []
  case .linkPending(let url, let reason):
    state.status = AppState.Status(
      text: "Saved as pending (\(reason)); P fetches it later: \(url)", isError: true)
    return reloadLibrary(&state)
  case .failed(let text):
    state.pendingFetchRunning = false
    state.status = AppState.Status(text: text, isError: true)
    return []
  }
}
