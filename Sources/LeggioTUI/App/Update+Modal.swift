import LeggioModel

/// Keys while a box is open over the screen.
func handleModal(_ key: Key, _ state: inout AppState) -> [Effect] {
  guard let modal = state.modal else { return [] }
  let action = state.keymap.action(for: key, on: state.screen)
  switch modal {
  case .help, .note:
    // Any key closes the help or a note; the quit keys also quit.
    state.modal = nil
    return action == .quit ? quit(&state) : []
  case .contents(let selected):
    return handleContents(action, selected: selected, &state)
  case .continueReading(let other, _):
    return handleContinueReading(key, other, &state)
  case .confirmRemove(let row):
    state.modal = nil
    if key == .character("y") || key == .character("Y") { return [.remove(ids: [row.id])] }
    state.status = AppState.Status(text: "Kept", isError: false)
    return []
  case .links(let selected):
    let links = state.reader?.links ?? []
    if let effects = handleGlobal(action, &state) { return effects }
    switch moveSelection(action, selected, count: links.count, rows: state.height - 4) {
    case .moved(let index): state.modal = .links(selected: index)
    case .chosen:
      if links.indices.contains(selected) {
        // A link out of the article is only shown; one inside the book is followed.
        if InternalLink(links[selected].url) != nil { state.modal = nil }
        follow(links[selected], number: selected + 1, &state)
      }
    case .closed: state.modal = nil
    case .ignored:
      if links.indices.contains(selected) {
        return handleLinkAction(action, links[selected], &state)
      }
    }
    return []
  case .marks(let selected):
    return handleMarks(action, key, selected: selected, &state)
  case .picture(let source):
    return handlePictureScreen(action, source: source, &state)
  case .tags(let selected):
    let tags = state.library.tags
    if let effects = handleGlobal(action, &state) { return effects }
    switch moveSelection(action, selected, count: tags.count + 1, rows: state.height - 4) {
    case .moved(let index): state.modal = .tags(selected: index)
    case .chosen:
      state.modal = nil
      state.library.query.tag = selected == 0 ? nil : tags[selected - 1]
      return requery(&state.library)
    case .closed: state.modal = nil
    case .ignored: break
    }
    return []
  }
}

enum ListMove {
  case moved(Int), chosen, closed, ignored
}

/// What a key does in a list box of `count` rows.
func moveSelection(_ action: Action?, _ selected: Int, count: Int, rows: Int) -> ListMove {
  let last = max(0, count - 1)
  switch action {
  case .up: return .moved(max(0, selected - 1))
  case .down: return .moved(min(last, selected + 1))
  case .pageUp: return .moved(max(0, selected - max(1, rows)))
  case .pageDown: return .moved(min(last, selected + max(1, rows)))
  case .top: return .moved(0)
  case .bottom: return .moved(last)
  case .open: return .chosen
  case .back: return .closed
  default: return .ignored
  }
}

/// Keys while the status line takes input: the library filter (applied as the user
/// types) or the search in the article (run on Enter).
func handlePrompt(_ key: Key, _ state: inout AppState) -> [Effect] {
  guard var prompt = state.prompt else { return [] }
  switch key {
  case .enter:
    state.prompt = nil
    switch prompt.purpose {
    case .search: runSearch(prompt.text, &state)
    case .note(let target): return saveNote(prompt.text, on: target, &state)
    case .bookmarkName(let offset): return saveBookmark(prompt.text, at: offset, &state)
    case .filter:
      // Counted only up to a cap while typed: the list's length is needed now.
      if !state.library.matchingIsExact { return [.loadCount(state.library.query)] }
    case .notebookSearch: break
    }
    return []
  case .escape:
    state.prompt = nil
    return typed("", prompt.purpose, &state)
  case .backspace, .delete, .control("h"):
    guard !prompt.text.isEmpty else {
      state.prompt = nil
      return typed("", prompt.purpose, &state)
    }
    prompt.text.removeLast()
  case .control("u"):
    prompt.text = ""
  case .character(let c) where !TerminalSafety.isUnsafe(c):
    prompt.text.append(c)
  default:
    return []
  }
  state.prompt = prompt
  return typed(prompt.text, prompt.purpose, &state)
}

/// What typing does as it happens: the library filter and the notebook search follow it.
private func typed(_ text: String, _ purpose: AppState.Prompt.Purpose, _ state: inout AppState)
  -> [Effect]
{
  switch purpose {
  case .filter: applyFilter(text, &state)
  case .notebookSearch: searchNotebook(text, &state)
  default: []
  }
}

/// Filters the library by `text` through the full-text index (all rows when empty).
private func applyFilter(_ text: String, _ state: inout AppState) -> [Effect] {
  let search = text.trimmingSpaces.isEmpty ? nil : text
  guard search != state.library.query.search else { return [] }
  state.library.query.search = search
  return requery(&state.library)
}
