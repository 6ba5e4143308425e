import LeggioModel
/// Draws the whole state into a grid: the screen, then any box over it.
public enum Renderer {
  public static func render(_ state: AppState) -> CellGrid {
    var grid = CellGrid(width: state.width, height: state.height)
    if state.isTooSmall {
      TooSmallView.draw(into: &grid)
      return grid
    }
    draw(state.stack[...], state, into: &grid)
    return grid
  }

  /// Draws the top of `layers`; a modal box is drawn over what shows through beneath it.
  static func draw(_ layers: ArraySlice<Layer>, _ state: AppState, into grid: inout CellGrid) {
    switch layers.last ?? .library {
    case .library:
      LibraryView.draw(state, into: &grid)
    case .reader(let reader):
      ReaderView.draw(reader, state, into: &grid)
    case .notebook(let notebook):
      NotebookView.draw(notebook, state, into: &grid)
    case .feeds(let feeds):
      FeedsView.draw(feeds, into: &grid)
      if let status = state.status {
        // An error (or a note) after an action, over the feeds screen's own status line.
        let row = grid.height - 1
        let style = CellStyle(status.isError ? .error : .statusBar)
        grid.fill(row: row, style: style)
        grid.put(
          " " + TextWidth.truncate(TerminalSafety.line(status.text), to: max(0, grid.width - 2)),
          column: 0, row: row, style: style)
      }
    case .modal(.picture(let source)):
      PictureScreenView.draw(source: source, state, into: &grid)
    case .modal(let modal):
      draw(layers.dropLast(), state, into: &grid)
      drawBox(modal, state, into: &grid)
    }
  }

  /// Draws a modal's box.
  static func drawBox(_ modal: AppState.Modal, _ state: AppState, into grid: inout CellGrid) {
    switch modal {
    case .help(let screen):
      HelpView.draw(screen: screen, keymap: state.keymap, into: &grid)
    case .links(let selected):
      let links = state.reader?.links ?? []
      ListBox.draw(
        title: "Links (\(links.count)) · Enter show · s save · o browser",
        rows: links.enumerated().map {
          "\($0.offset + 1). \($0.element.text) — \($0.element.shownTarget)"
        },
        selected: selected, into: &grid)
    case .tags(let selected):
      ListBox.draw(
        title: "Filter by tag", rows: ["All articles"] + state.library.tags, selected: selected,
        into: &grid)
    case .marks(let selected):
      let marks = state.reader?.annotations ?? []
      let paged = state.reader?.paged
      ListBox.draw(
        title: "Marks (\(marks.count)) · Enter go · a note · 1-5 colour · d delete · u undo",
        rows: marks.map { annotation in
          let page =
            paged.map { "p.\($0.pageIndex(containing: annotation.anchor.start) + 1)  " } ?? ""
          return page + NotebookView.summary(annotation)
        },
        selected: selected, into: &grid)
    case .contents(let selected):
      let entries = state.reader?.article.contents?.entries ?? []
      let total = max(1, state.reader?.canonical.scalarCount ?? 1)
      ListBox.draw(
        title: "Contents (\(entries.count)) · Enter go · Backspace back",
        rows: entries.map { entry in
          let offset = state.reader?.offset(ofBlock: entry.block) ?? 0
          let percent = "\(offset * 100 / total)%"
          let pad = String(repeating: " ", count: max(0, 4 - percent.count))
          return pad + percent + "  " + String(repeating: "  ", count: max(0, entry.level - 1))
            + entry.title
        },
        selected: selected, into: &grid)
    case .note(let text):
      NoteBox.draw(text, into: &grid)
    case .confirmRemove, .continueReading, .picture:
      break
    }
  }
}
