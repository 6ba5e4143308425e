/// The keys of the current screen, in a box; any key closes it.
enum HelpView {
  static func draw(screen: Screen, keymap: Keymap, into grid: inout CellGrid) {
    let lines = Action.allCases.compactMap { action -> (String, String)? in
      let keys = keymap.keys(for: action, on: screen)
      guard !keys.isEmpty else { return nil }
      return (keys.prefix(7).map(\.label).joined(separator: " "), action.summary)
    }
    let keyWidth = lines.map { TextWidth.cells($0.0) }.max() ?? 0
    var rows = lines.map { keys, summary in
      keys + String(repeating: " ", count: keyWidth - TextWidth.cells(keys) + 2) + summary
    }
    // The closing line always shows: on a short screen it loses its blank line first,
    // then the last keys make room for it.
    let width = rows.map { TextWidth.cells($0) }.max() ?? 0
    let room = max(1, grid.height - 4)
    rows = rows.count + 2 <= room ? rows + [""] : Array(rows.prefix(room - 1))
    rows.append("Any key closes this help.")
    let box = BoxView(
      contentWidth: max(width, TextWidth.cells(rows.last ?? "")), contentHeight: rows.count,
      in: grid)
    box.drawFrame(title: "Keys: \(screen.title)", into: &grid)
    for (index, row) in rows.enumerated() {
      box.put(row, line: index, style: CellStyle(.help), into: &grid)
    }
  }
}

extension Screen {
  /// How the help names the screen.
  var title: String {
    switch self {
    case .library: "library"
    case .reader: "reader"
    case .links: "links"
    case .tags: "tags"
    case .selection: "selection"
    case .marks: "marks"
    case .notebook: "notebook"
    case .feeds: "feeds"
    case .contents: "contents"
    case .picture: "picture"
    }
  }
}
