import LeggioModel
import LeggioStore

/// The answers about annotations: what was loaded or written.
func handleAnnotationMessage(_ message: Message, _ state: inout AppState) -> [Effect] {
  switch message {
  case .annotationsLoaded(let uuid, let annotations):
    guard state.reader?.article.summary.uuid == uuid else { return [] }
    state.reader?.annotations = annotations.sorted {
      ($0.anchor.start, $0.anchor.end) < ($1.anchor.start, $1.anchor.end)
    }
    return []
  case .annotationSaved(let annotation, let done, let created):
    state.status = AppState.Status(text: done, isError: false)
    var effects: [Effect] = []
    if let reader = state.reader, reader.article.summary.uuid == annotation.articleUUID {
      // Only a highlight just made (or just recoloured from the keys after it) takes a
      // digit as its colour: after an edit elsewhere, digits count pages again.
      let wasRecent = reader.recent?.uuid == annotation.uuid
      let keep = annotation.kind != .bookmark && !annotation.isDeleted && (created || wasRecent)
      state.reader?.recent = keep ? annotation : nil
      effects.append(.loadAnnotations(articleUUID: annotation.articleUUID))
    }
    if let notebook = state.notebook { effects.append(.loadNotebook(notebook.filter)) }
    return effects
  case .notebookLoaded(let filter, let entries):
    guard var notebook = state.notebook, notebook.filter == filter else { return [] }
    notebook.entries = entries
    notebook.selected = min(notebook.selected, max(0, entries.count - 1))
    state.notebook = notebook
    return []
  case .notebookTagChosen(let tag):
    guard var notebook = state.notebook else { return [] }
    notebook.filter.tag = tag
    notebook.selected = 0
    state.notebook = notebook
    state.status = AppState.Status(
      text: tag.map { "Tag: \(TerminalSafety.line($0))" } ?? "All tags", isError: false)
    return [.loadNotebook(notebook.filter)]
  case .articleOpened(let article, let offset):
    state.notebook = nil
    state.modal = nil
    var opened = article
    opened.readingOffset = offset
    state.reader = ReaderState(article: opened, isGuide: false, options: state.layoutOptions)
    return [.loadAnnotations(articleUUID: article.summary.uuid)]
  default:
    return []
  }
}

/// Right after a highlight: `1`–`5` recolours it and `a`/`A` give it a note. Nil when the
/// key is not one of those (and the highlight is no longer the recent one).
func handleRecent(_ key: Key, _ state: inout AppState) -> [Effect]? {
  guard state.notebook == nil, let recent = state.reader?.recent else { return nil }
  state.reader?.recent = nil
  switch key {
  case .character(let c) where ("1"..."5").contains(c):
    state.reader?.recent = recent
    return [.recolor(uuid: recent.uuid, color: Int(String(c)) ?? 1)]
  case .character("a"):
    state.prompt = AppState.Prompt(
      purpose: .note(.existing(uuid: recent.uuid, note: recent.note)), text: recent.note)
    return []
  case .character("A"):
    return [.editNoteInEditor(.existing(uuid: recent.uuid, note: recent.note))]
  default:
    return nil
  }
}

func saveNote(_ text: String, on target: AnnotationTarget, _ state: inout AppState) -> [Effect] {
  let note = text.trimmingSpaces
  switch target {
  case .existing(let uuid, _):
    return [.editNote(uuid: uuid, note: note)]
  case .passage(let article, let range):
    return [.annotate(articleUUID: article, range: range, color: 1, note: note)]
  }
}

func saveBookmark(_ name: String, at offset: Int, _ state: inout AppState) -> [Effect] {
  guard let reader = state.reader, !reader.isGuide else { return [] }
  let name = name.trimmingSpaces
  return [
    .bookmark(
      articleUUID: reader.article.summary.uuid, offset: offset, name: name.isEmpty ? nil : name)
  ]
}

/// The keys of the article's list of marks (`'`): jump, edit, recolour, delete, undo.
func handleMarks(_ action: Action?, _ key: Key, selected: Int, _ state: inout AppState)
  -> [Effect]
{
  guard let reader = state.reader else {
    state.modal = nil
    return []
  }
  let marks = reader.annotations
  if let effects = handleGlobal(action, &state) { return effects }
  let current = marks.indices.contains(selected) ? marks[selected] : nil
  if let effects = annotationEdit(action, key, current, &state) { return effects }
  switch moveSelection(action, selected, count: marks.count, rows: state.height - 4) {
  case .moved(let index): state.modal = .marks(selected: index)
  case .chosen:
    state.modal = nil
    guard let current else { return [] }
    state.reader?.go(to: reader.paged.pageIndex(containing: current.anchor.start))
    if current.hasNote {
      state.status = AppState.Status(text: "✎ " + TerminalSafety.line(current.note), isError: false)
    }
  case .closed: state.modal = nil
  case .ignored: break
  }
  return []
}

/// Editing, recolouring, deleting and undoing on a list row; nil for other keys.
func annotationEdit(
  _ action: Action?, _ key: Key, _ current: Annotation?, _ state: inout AppState
) -> [Effect]? {
  switch action {
  case .editNote:
    guard let current else { return [] }
    state.prompt = AppState.Prompt(
      purpose: .note(.existing(uuid: current.uuid, note: current.note)), text: current.note)
    return []
  case .deleteAnnotation:
    guard let current else { return [] }
    state.lastDeleted = current.uuid
    return [.deleteAnnotation(uuid: current.uuid)]
  case .undo:
    guard let uuid = state.lastDeleted else {
      state.status = AppState.Status(text: "Nothing to undo", isError: false)
      return []
    }
    state.lastDeleted = nil
    return [.undoDelete(uuid: uuid)]
  default:
    if case .character(let c) = key, ("1"..."5").contains(c), let current,
      current.kind != .bookmark
    {
      return [.recolor(uuid: current.uuid, color: Int(String(c)) ?? 1)]
    }
    return nil
  }
}
