import LeggioModel
import LeggioPictures

/// A picture alone on the screen (`i` in the reader): as large as the screen above the
/// status line allows, its proportions kept (cells twice as tall as wide), centred; its
/// caption and credit and the keys on the status line. In symbols mode the cells are
/// drawn here; for the terminal's own pictures they are left blank for the terminal layer
/// (`AppState.picturePlacements`).
enum PictureScreenView {
  /// Where the picture goes on a `width` x `height` screen: its top-left cell and size.
  static func frame(_ info: ImageInfo, width: Int, height: Int)
    -> (row: Int, column: Int, columns: Int, rows: Int)
  {
    let (roomColumns, roomRows) = (max(1, width), max(1, height - 1))
    let ratio = Double(max(1, info.height)) / Double(max(1, info.width)) / 2
    var columns = roomColumns
    var rows = max(1, Int((Double(columns) * ratio).rounded()))
    if rows > roomRows {
      rows = roomRows
      columns = min(roomColumns, max(1, Int((Double(rows) / ratio).rounded())))
    }
    return ((roomRows - rows) / 2, (roomColumns - columns) / 2, columns, rows)
  }

  static func draw(source: String, _ state: AppState, into grid: inout CellGrid) {
    for row in 0..<grid.height { grid.fill(row: row, style: CellStyle(.text)) }
    guard let reader = state.reader, let image = reader.article.images[source] else { return }
    let place = frame(image.info, width: grid.width, height: grid.height)
    if case .symbols(let colours) = state.pictures {
      if let symbols = PictureCache.shared.symbols(
        image, columns: place.columns, rows: place.rows, colours: colours)
      {
        for row in 0..<symbols.rows where place.row + row < grid.height - 1 {
          for column in 0..<symbols.columns where place.column + column < grid.width {
            let cell = symbols[column, row]
            var style = CellStyle(.image)
            style.picture = cell.ink(colours)
            grid[place.column + column, place.row + row] = Cell(cell.character, style: style)
          }
        }
      } else {
        grid.putCentered("[Image cannot be shown]", row: place.row, style: CellStyle(.image))
      }
    }
    let pictures = reader.shownPictures.map(\.source)
    let number = "\((pictures.firstIndex(of: source) ?? 0) + 1)/\(pictures.count)"
    // The caption whole where it can be: the keys only when they fit beside it.
    let caption = caption(of: source, in: reader.article.document)
    let keys = number + " · i next · I open · q back"
    let fits = TextWidth.cells(caption) + TextWidth.cells(keys) + 3 <= grid.width
    StatusLine.draw(left: caption, right: fits ? keys : number, state: state, into: &grid)
  }

  /// The picture's caption and credit as the page shows them under it, else its address.
  static func caption(of source: String, in document: Document) -> String {
    guard let block = document.blocks.first(where: { $0.source == source }) else {
      return TerminalSafety.line(source)
    }
    var text = block.plainText
    if case .image(let credit?) = block.kind {
      text += text.isEmpty ? credit : " — " + credit
    }
    return TerminalSafety.line(text.isEmpty ? source : text)
  }
}
