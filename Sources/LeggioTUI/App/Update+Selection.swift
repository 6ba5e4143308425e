import LeggioModel

/// Selecting a passage: `v` starts it at the search match on this page or at the page's
/// first word; the keys move its end by words, sentences and paragraphs (across pages,
/// the page following the end); `h`, `a` and `A` act on it; `Esc` cancels.
func startSelection(_ reader: inout ReaderState) {
  let units = reader.units ?? TextUnits(reader.canonical)
  reader.units = units
  let page = reader.page?.source ?? 0..<0
  if let index = reader.currentMatch, reader.matches.indices.contains(index),
    reader.matches[index].overlaps(page)
  {
    // The search was the way to the passage: its marks give way to the selection.
    reader.selection = reader.matches[index]
    reader.matches = []
    reader.currentMatch = nil
    reader.searchQuery = nil
    return
  }
  let start = reader.pageIndex == 0 ? 0 : page.lowerBound
  reader.selection = units.word(atOrAfter: start) ?? units.word(atOrAfter: 0)
}

func handleSelection(_ action: Action?, _ state: inout AppState) -> [Effect] {
  guard var reader = state.reader, let selection = reader.selection else { return [] }
  let units = reader.units ?? TextUnits(reader.canonical)
  reader.units = units
  defer { state.reader = reader }
  // The end never comes back over the first word.
  let floor = units.word(atOrAfter: selection.lowerBound)?.upperBound ?? selection.upperBound
  var end = selection.upperBound
  switch action {
  case .wordForward: end = units.wordEnd(after: end)
  case .wordBack: end = units.wordEnd(before: end, floor: floor)
  case .sentenceForward: end = units.sentenceEnd(after: end)
  case .sentenceBack: end = units.sentenceEnd(before: end, floor: floor)
  case .paragraphForward: end = units.paragraphEnd(after: end)
  case .paragraphBack: end = units.paragraphEnd(before: end, floor: floor)
  case .back:
    reader.selection = nil
    return []
  case .highlight, .note, .noteInEditor:
    guard !reader.isGuide else {
      reader.selection = nil
      return guideCannotBeAnnotated(&state)
    }
    reader.selection = nil
    let uuid = reader.article.summary.uuid
    switch action {
    case .highlight:
      return [.annotate(articleUUID: uuid, range: selection, color: 1, note: "")]
    case .note:
      state.prompt = AppState.Prompt(
        purpose: .note(.passage(articleUUID: uuid, range: selection)), text: "")
      return []
    default:
      return [.editNoteInEditor(.passage(articleUUID: uuid, range: selection))]
    }
  default:
    return []
  }
  reader.selection = selection.lowerBound..<max(end, floor)
  follow(end: reader.selection!.upperBound, &reader)
  state.status = noteStatus(at: reader.selection!.upperBound, reader)
  return []
}

/// Turns to the page holding the selection's end when it leaves this one.
private func follow(end: Int, _ reader: inout ReaderState) {
  guard let page = reader.page, !page.source.contains(max(0, end - 1)) else { return }
  reader.go(to: reader.paged.pageIndex(containing: max(0, end - 1)))
}

/// The note of the passage at `offset`, for the status line as the selection moves onto it.
func noteStatus(at offset: Int, _ reader: ReaderState) -> AppState.Status? {
  let note = reader.annotations.last {
    $0.hasNote && !$0.isOrphaned && $0.anchor.start < offset && offset <= $0.anchor.end
  }
  return note.map { AppState.Status(text: "✎ " + TerminalSafety.line($0.note), isError: false) }
}

func guideCannotBeAnnotated(_ state: inout AppState) -> [Effect] {
  state.status = AppState.Status(
    text: "The guide cannot be annotated: add an article with `leggio add`", isError: false)
  return []
}
