import LeggioLayout
import LeggioModel
import LeggioPictures

extension ReaderView {
  /// Draws the row of a picture that line `row` of the page shows, from the symbols
  /// converted once per picture and size (`PictureCache`). A picture that cannot be
  /// decoded says so on its first row.
  static func drawPicture(
    _ picture: PictureRow, row: Int, reader: ReaderState, display: PictureDisplay,
    into grid: inout CellGrid
  ) {
    // The terminal's own graphics are written over these blank cells by the terminal
    // layer; placeholders (`off`) never reach here (no picture has rows then).
    guard case .symbols(let colours) = display else { return }
    let symbols = reader.article.images[picture.source].flatMap {
      PictureCache.shared.symbols(
        $0, columns: picture.columns, rows: picture.rows, colours: colours)
    }
    guard let symbols, picture.row < symbols.rows else {
      if picture.row == 0 {
        grid.put(
          "[Image cannot be shown]", column: picture.column, row: row, style: CellStyle(.image))
      }
      return
    }
    for column in 0..<symbols.columns where picture.column + column < grid.width {
      let cell = symbols[column, picture.row]
      var style = CellStyle(.image)
      style.picture = cell.ink(colours)
      grid[picture.column + column, row] = Cell(cell.character, style: style)
    }
  }
}
