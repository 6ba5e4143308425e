import CNcursesw
import LeggioTUI

extension Terminal {
  /// Draws `grid` in `theme`'s colours, only the rows that changed since the last frame
  /// (everything after a resize or a theme change).
  public func draw(_ grid: CellGrid, theme: Theme) {
    if previousTheme != theme || previous?.width != grid.width || previous?.height != grid.height {
      previous = nil
      previousTheme = theme
    }
    let generation = palette.generation
    drawRows(grid, theme: theme)
    if palette.generation != generation {
      // The pairs were made afresh while drawing: every cell is drawn and sent again (a
      // cell ncurses thinks unchanged may have a pair number that means new colours now).
      previous = nil
      drawRows(grid, theme: theme)
      clearok(leggio_stdscr(), true)
    }
    previous = grid
    refresh()
  }

  private func drawRows(_ grid: CellGrid, theme: Theme) {
    var styles: [CellStyle: (attr_t, Int32)] = [:]
    for row in 0..<grid.height where rowChanged(row, grid) {
      for column in 0..<grid.width {
        let cell = grid[column, row]
        if cell.width == 0 { continue }
        let (attributes, pair) =
          styles[cell.style]
          ?? {
            let resolved = theme.resolve(cell.style)
            let value = (palette.attributes(for: resolved), palette.pair(for: resolved))
            styles[cell.style] = value
            return value
          }()
        put(cell.character, row: row, column: column, attributes: attributes, pair: pair)
      }
    }
  }

  /// Forgets the last frame: the next `draw` draws everything.
  public func invalidate() {
    previous = nil
  }

  private func rowChanged(_ row: Int, _ grid: CellGrid) -> Bool {
    guard let previous else { return true }
    for column in 0..<grid.width where previous[column, row] != grid[column, row] {
      return true
    }
    return false
  }

  private func put(_ character: Character, row: Int, column: Int, attributes: attr_t, pair: Int32) {
    // A base character and up to four combining marks fit in one cchar_t.
    var wide: [wchar_t] = character.unicodeScalars.prefix(5).map {
      wchar_t(bitPattern: $0.value)
    }
    wide.append(0)
    var cell = cchar_t()
    _ = leggio_setcchar(&cell, wide, attributes, pair)
    _ = mvadd_wch(Int32(row), Int32(column), &cell)
  }
}
