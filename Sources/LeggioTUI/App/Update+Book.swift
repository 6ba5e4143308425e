import LeggioModel
import LeggioStore

/// Books in the reader: the table of contents (`o`), links inside the book followed with
/// a way back (`Backspace`), and footnotes shown in place.

extension ReaderState {
  /// The table of contents entry of the page, for the status line: the first one
  /// starting on this page, else the one the page's first line is in.
  public var chapter: BookContents.Entry? {
    guard let contents = article.contents, !contents.entries.isEmpty else { return nil }
    let start = pageIndex == 0 ? 0 : page?.source.lowerBound ?? anchor
    guard let first = canonical.blockIndex(containing: start) else { return nil }
    let end = page.map { max($0.source.lowerBound, $0.source.upperBound - 1) } ?? start
    let last = canonical.blockIndex(containing: end) ?? first
    let starting = contents.entries.filter { $0.block > first && $0.block <= last }
      .min { $0.block < $1.block }
    return starting ?? contents.entry(containingBlock: first)
  }

  /// The canonical offset where block `index` starts.
  func offset(ofBlock index: Int) -> Int {
    let starts = canonical.blockStarts
    return index < starts.count ? starts[index] : canonical.scalarCount
  }
}

/// `o`: the table of contents, on the chapter being read.
func openContents(_ reader: ReaderState, _ state: inout AppState) {
  guard let entries = reader.article.contents?.entries, !entries.isEmpty else {
    state.status = AppState.Status(text: "This article has no table of contents", isError: false)
    return
  }
  let current = reader.chapter
  let index = entries.firstIndex { $0 == current } ?? 0
  state.modal = .contents(selected: index)
}

/// Keys in the table of contents: Enter goes to the entry.
func handleContents(_ action: Action?, selected: Int, _ state: inout AppState) -> [Effect] {
  let entries = state.reader?.article.contents?.entries ?? []
  if let effects = handleGlobal(action, &state) { return effects }
  switch moveSelection(action, selected, count: entries.count, rows: state.height - 4) {
  case .moved(let index): state.modal = .contents(selected: index)
  case .chosen:
    state.modal = nil
    guard var reader = state.reader, entries.indices.contains(selected) else { break }
    reader.jump(toOffset: reader.offset(ofBlock: entries[selected].block))
    state.reader = reader
    state.status = backHint(state, TerminalSafety.line(entries[selected].title))
  case .closed: state.modal = nil
  case .ignored: break
  }
  return []
}

/// A chosen link: a place in the book is jumped to, a note shown in place, a link out
/// of the article shown in the status line (Leggio is offline).
func follow(_ link: ArticleLink, number: Int, _ state: inout AppState) {
  guard var reader = state.reader, let target = InternalLink(link.url),
    target.block < reader.article.document.blocks.count
  else {
    state.status = linkStatus(link, number: number)
    return
  }
  switch target {
  case .note(let block):
    state.modal = .note(noteText(reader.article.document, block: block))
  case .block(let block):
    reader.jump(toOffset: reader.offset(ofBlock: block))
    state.reader = reader
    state.status = backHint(state, "Followed [\(number)]")
  }
}

/// The text of the note at `block`: that block, and the next ones while they belong to
/// the same note (a list item's continuation, a quote), at most five.
func noteText(_ document: Document, block: Int) -> String {
  var parts = [document.blocks[block].plainText]
  var index = block + 1
  while index < document.blocks.count, parts.count < 5 {
    guard case .paragraph = document.blocks[index].kind,
      case .listItem = document.blocks[block].kind
    else { break }
    parts.append(document.blocks[index].plainText)
    index += 1
  }
  return parts.joined(separator: "\n\n")
}

/// `Backspace`: back to where the last jump left.
func jumpBack(_ state: inout AppState) {
  guard var reader = state.reader else { return }
  if reader.returnFromJump() {
    state.reader = reader
  } else {
    state.status = AppState.Status(text: "Nothing to go back to", isError: false)
  }
}

private func backHint(_ state: AppState, _ text: String) -> AppState.Status {
  let key = state.keymap.keys(for: .jumpBack, on: .reader).first?.label
  return AppState.Status(
    text: key.map { "\(text) · \($0) goes back" } ?? text, isError: false)
}
