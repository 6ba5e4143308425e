/// Draws the whole state into a grid: the screen, then any box over it.
public enum Renderer {
  public static func render(_ state: AppState) -> CellGrid {
    var grid = CellGrid(width: state.width, height: state.height)
    if state.isTooSmall {
      TooSmallView.draw(into: &grid)
      return grid
    }
    if let reader = state.reader {
      ReaderView.draw(reader, state, into: &grid)
    } else {
      LibraryView.draw(state, into: &grid)
    }
    switch state.modal {
    case .help(let screen):
      HelpView.draw(screen: screen, keymap: state.keymap, into: &grid)
    case .links(let selected):
      let links = state.reader?.links ?? []
      ListBox.draw(
        title: "Links (\(links.count))",
        rows: links.enumerated().map { "\($0.offset + 1). \($0.element.text) — \($0.element.url)" },
        selected: selected, into: &grid)
    case .tags(let selected):
      ListBox.draw(
        title: "Filter by tag", rows: ["All articles"] + state.library.tags, selected: selected,
        into: &grid)
    case .confirmRemove, nil:
      break
    }
    return grid
  }
}
