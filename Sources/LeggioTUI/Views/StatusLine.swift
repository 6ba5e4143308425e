import LeggioModel
/// The bottom line: what the screen says on the left and right, or the prompt being
/// typed, or a message after an action.
enum StatusLine {
  static func draw(
    left: String, right: String, state: AppState, into grid: inout CellGrid,
    leftIsHints: Bool = false
  ) {
    let row = grid.height - 1
    let bar = CellStyle(.statusBar)
    grid.fill(row: row, style: bar)
    if let prompt = state.prompt {
      let label = prompt.purpose.label
      let column = grid.put(label, column: 0, row: row, style: CellStyle(.prompt))
      let shown = tail(TerminalSafety.line(prompt.text), cells: grid.width - column - 1)
      let end = grid.put(shown, column: column, row: row, style: CellStyle(.prompt))
      grid.fill(row: row, columns: end..<grid.width, style: CellStyle(.prompt))
      if end < grid.width { grid[end, row] = Cell("▏", style: CellStyle(.prompt)) }
      return
    }
    if case .confirmRemove(let summary) = state.modal {
      let title = TerminalSafety.line(summary.title)
      let question =
        "Move “\(TextWidth.truncate(title, to: max(8, grid.width - 30)))” to the bin? y/n"
      grid.fill(row: row, style: CellStyle(.prompt))
      grid.put(" " + question, column: 0, row: row, style: CellStyle(.prompt))
      return
    }
    if case .continueReading(let other, let page) = state.modal {
      let time = SyncIndicator.time(other.readAt, timeZone: state.timeZone)
      let question = "Continue at page \(page + 1) (read on \(other.deviceLabel), \(time))? y/n"
      grid.fill(row: row, style: CellStyle(.prompt))
      grid.put(
        " " + TextWidth.truncate(question, to: max(0, grid.width - 2)), column: 0, row: row,
        style: CellStyle(.prompt))
      return
    }
    let rightText = right.isEmpty ? "" : right + " "
    let rightCells = TextWidth.cells(rightText)
    let room = max(0, grid.width - rightCells - 2)
    if let status = state.status {
      let style = CellStyle(status.isError ? .error : .statusBar)
      grid.put(" " + TextWidth.truncate(status.text, to: room), column: 0, row: row, style: style)
    } else {
      let shown = leftIsHints ? fit(hints: left, cells: room) : TextWidth.truncate(left, to: room)
      grid.put(" " + shown, column: 0, row: row, style: bar)
    }
    if rightCells <= grid.width {
      grid.put(rightText, column: grid.width - rightCells, row: row, style: bar)
    }
  }

  /// As many whole hints ("Enter read  / filter") as fit in `cells`.
  private static func fit(hints: String, cells: Int) -> String {
    var shown = hints
    while TextWidth.cells(shown) > cells, let cut = shown.range(of: "  ", options: .backwards) {
      shown = String(shown[..<cut.lowerBound])
    }
    return TextWidth.cells(shown) > cells ? "" : shown
  }

  /// The end of `text` that fits in `cells`, so the cursor stays in view.
  private static func tail(_ text: String, cells: Int) -> String {
    var result = text
    while TextWidth.cells(result) > max(0, cells), !result.isEmpty { result.removeFirst() }
    return result
  }

  /// "j/k move  Enter open": the first key of each action in the current keymap.
  static func hints(_ items: [(Action, String)], keymap: Keymap, screen: Screen) -> String {
    items.compactMap { action, name in
      keymap.keys(for: action, on: screen).first.map { "\($0.label) \(name)" }
    }.joined(separator: "  ")
  }
}

extension AppState.Prompt.Purpose {
  /// What the status line shows before the text being typed.
  var label: String {
    switch self {
    case .filter: "Filter: "
    case .search: "/"
    case .note: "Note (Enter saves, Esc cancels): "
    case .bookmarkName: "Bookmark name (Enter: none): "
    case .notebookSearch: "Find in notebook: "
    }
  }
}
