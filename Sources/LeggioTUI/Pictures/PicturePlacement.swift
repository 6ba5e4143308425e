import LeggioLayout
import LeggioModel

/// A picture on screen for the terminal's own graphics: its cells' place and size.
public struct PicturePlacement: Hashable, Sendable {
  public var image: KeptImage
  /// The screen row and column of its top-left cell.
  public var row: Int
  public var column: Int
  public var columns: Int
  public var rows: Int

  public init(image: KeptImage, row: Int, column: Int, columns: Int, rows: Int) {
    self.image = image
    self.row = row
    self.column = column
    self.columns = columns
    self.rows = rows
  }
}

extension AppState {
  /// The pictures the terminal draws itself (kitty, sixel, iTerm2) on the reader's page:
  /// none under a box, a prompt or another screen, so nothing is ever drawn over them.
  public var picturePlacements: [PicturePlacement] {
    if case .graphics = pictures, case .modal(.picture(let source)) = stack.last, prompt == nil,
      !isTooSmall, let image = reader?.article.images[source]
    {
      // A picture alone on the screen.
      let place = PictureScreenView.frame(image.info, width: width, height: height)
      return [
        PicturePlacement(
          image: image, row: place.row, column: place.column, columns: place.columns,
          rows: place.rows)
      ]
    }
    guard case .graphics = pictures, case .reader(let reader) = stack.last,
      prompt == nil, !isTooSmall, let lines = reader.page?.lines
    else { return [] }
    let pageRows = max(0, height - 1)
    var placements: [PicturePlacement] = []
    for (row, line) in lines.prefix(pageRows).enumerated() {
      guard let picture = line.picture, picture.row == 0, row + picture.rows <= pageRows,
        let image = reader.article.images[picture.source]
      else { continue }
      placements.append(
        PicturePlacement(
          image: image, row: row, column: picture.column, columns: picture.columns,
          rows: picture.rows))
    }
    return placements
  }
}
