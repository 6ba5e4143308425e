import LeggioStore

/// Opens the notebook over whatever is on screen.
func openNotebook(_ state: inout AppState) -> [Effect] {
  state.modal = nil
  state.reader?.selection = nil
  let notebook = NotebookState()
  state.notebook = notebook
  return [.loadNotebook(notebook.filter)]
}

/// The notebook's keys: move, open at the passage, search as you type (`/`), `1`–`5`
/// show only that colour (again: all colours), edit, delete, undo, back.
func handleNotebook(_ action: Action?, _ key: Key, _ state: inout AppState) -> [Effect] {
  guard var notebook = state.notebook else { return [] }
  if case .character(let c) = key, ("1"..."5").contains(c) {
    return toggleColor(Int(String(c)) ?? 1, &state)
  }
  if let effects = annotationEdit(action, key, notebook.current?.annotation, &state) {
    return effects
  }
  switch action {
  case .search:
    state.prompt = AppState.Prompt(purpose: .notebookSearch, text: notebook.filter.search ?? "")
    return []
  case .filterTag:
    return [.nextNotebookTag(after: notebook.filter.tag)]
  default:
    break
  }
  switch moveSelection(
    action, notebook.selected, count: notebook.entries.count,
    rows: state.height - 3)
  {
  case .moved(let index):
    notebook.selected = index
    state.notebook = notebook
  case .chosen:
    guard let entry = notebook.current else { return [] }
    let effects = state.reader.map(savePosition) ?? []
    return effects + [
      .openArticle(uuid: entry.annotation.articleUUID, offset: entry.annotation.anchor.start)
    ]
  case .closed:
    state.notebook = nil
  case .ignored:
    break
  }
  return []
}

/// Shows only colour `number`, or every colour when it is the only one shown.
private func toggleColor(_ number: Int, _ state: inout AppState) -> [Effect] {
  guard var notebook = state.notebook, let color = AnnotationColor(rawValue: number) else {
    return []
  }
  notebook.filter.colors = notebook.filter.colors == [color] ? [] : [color]
  notebook.selected = 0
  state.notebook = notebook
  state.status = AppState.Status(
    text: notebook.filter.colors.isEmpty ? "All colours" : "Only colour \(number)",
    isError: false)
  return [.loadNotebook(notebook.filter)]
}

/// Narrows the notebook to `text` as it is typed.
func searchNotebook(_ text: String, _ state: inout AppState) -> [Effect] {
  guard var notebook = state.notebook else { return [] }
  let search = text.trimmingSpaces.isEmpty ? nil : text
  guard search != notebook.filter.search else { return [] }
  notebook.filter.search = search
  notebook.selected = 0
  state.notebook = notebook
  return [.loadNotebook(notebook.filter)]
}
