import LeggioModel
import LeggioStore

/// The notebook: a header with the count and filters, then every bookmark, highlight
/// and note grouped under its article's title (newest first), the selected one
/// highlighted, orphaned ones marked with their quote kept.
enum NotebookView {
  static func draw(_ notebook: NotebookState, _ state: AppState, into grid: inout CellGrid) {
    grid.fill(row: 0, style: CellStyle(.header))
    var filters: [String] = []
    if let search = notebook.filter.search { filters.append("“\(TerminalSafety.line(search))”") }
    if !notebook.filter.colors.isEmpty {
      filters.append(
        "colour "
          + notebook.filter.colors.sorted().map { "\($0.rawValue)" }
          .joined(separator: ","))
    }
    if let tag = notebook.filter.tag { filters.append("#" + TerminalSafety.line(tag)) }
    let count = LibraryView.plural(notebook.entries.count, "item")
    let title =
      " Notebook · \(count)" + (filters.isEmpty ? "" : " · " + filters.joined(separator: " · "))
    grid.put(
      TextWidth.truncate(title, to: grid.width), column: 0, row: 0, style: CellStyle(.header))
    let lines = layout(notebook.entries)
    let rows = max(1, grid.height - 2)
    let selectedLine = lines.firstIndex { $0.entry == notebook.selected } ?? 0
    let top = max(0, min(selectedLine - rows / 2, lines.count - rows))
    for (row, line) in lines.dropFirst(top).prefix(rows).enumerated() {
      draw(line, notebook, row: row + 1, into: &grid)
    }
    if notebook.entries.isEmpty {
      let message =
        notebook.filter == AnnotationFilter()
        ? "No bookmarks, highlights or notes yet: in an article, v selects and h highlights"
        : "Nothing matches"
      grid.putCentered(message, row: min(grid.height - 2, 3), style: CellStyle(.notice))
    }
    let hints = StatusLine.hints(
      [
        (.open, "open"), (.search, "find"), (.editNote, "note"), (.deleteAnnotation, "delete"),
        (.undo, "undo"), (.back, "back"),
      ], keymap: state.keymap, screen: .notebook)
    let position =
      notebook.entries.isEmpty ? "" : "\(notebook.selected + 1)/\(notebook.entries.count)"
    StatusLine.draw(
      left: hints + "  1-5 colour", right: position, state: state, into: &grid, leftIsHints: true)
  }

  /// A title row per article, then a row per annotation (`entry` is its index).
  struct Line {
    var entry: Int?
    var text: String
  }

  static func layout(_ entries: [NotebookEntry]) -> [Line] {
    var lines: [Line] = []
    var article: String?
    for (index, entry) in entries.enumerated() {
      if entry.annotation.articleUUID != article {
        article = entry.annotation.articleUUID
        lines.append(Line(entry: nil, text: TerminalSafety.line(entry.articleTitle)))
      }
      lines.append(Line(entry: index, text: summary(entry.annotation)))
    }
    return lines
  }

  /// "“quote” — note", a bookmark's name, "(orphaned)" in front when it lost its place.
  static func summary(_ annotation: Annotation) -> String {
    var text: String
    switch annotation.kind {
    case .bookmark:
      text =
        "Bookmark" + (annotation.name.map { ": " + $0 } ?? "") + " · “\(annotation.anchor.quote)”"
    case .highlight, .note:
      text = "“\(annotation.anchor.quote)”"
      if annotation.hasNote { text += " — " + annotation.note }
    }
    if annotation.isOrphaned { text = "(orphaned) " + text }
    return TerminalSafety.line(text)
  }

  private static func draw(
    _ line: Line, _ notebook: NotebookState, row: Int, into grid: inout CellGrid
  ) {
    guard let index = line.entry else {
      grid.put(
        " " + TextWidth.truncate(line.text, to: grid.width - 1), column: 0, row: row,
        style: CellStyle(.heading))
      return
    }
    let selected = index == notebook.selected
    let style = CellStyle(selected ? .selectedRow : .listRow)
    grid.fill(row: row, style: style)
    let annotation = notebook.entries[index].annotation
    let mark = annotation.kind == .bookmark ? "❯" : annotation.hasNote ? "✎" : "▌"
    var markStyle = style
    if annotation.kind != .bookmark {
      markStyle.overlay = ReaderView.highlightRole(annotation.color)
    }
    grid.put(mark, column: 2, row: row, style: markStyle)
    grid.put(
      TextWidth.truncate(line.text, to: max(0, grid.width - 5)), column: 4, row: row, style: style)
  }
}
