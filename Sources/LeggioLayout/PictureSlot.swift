/// A picture's size in pixels, as the library keeps it: what the layout needs to give the
/// picture its place on the page.
public struct PictureSize: Hashable, Sendable {
  public var width: Int
  public var height: Int

  public init(width: Int, height: Int) {
    self.width = max(1, width)
    self.height = max(1, height)
  }
}

/// The cells a picture takes on the page: `columns` x `rows`, from `column` (the screen's
/// left edge counted), drawn over the blank lines the layout leaves for it.
public struct PictureRow: Hashable, Sendable {
  /// The picture's address in the document (`Block.source`).
  public var source: String
  /// Which of the picture's rows this line shows, from 0.
  public var row: Int
  public var rows: Int
  public var column: Int
  public var columns: Int

  public init(source: String, row: Int, rows: Int, column: Int, columns: Int) {
    self.source = source
    self.row = row
    self.rows = rows
    self.column = column
    self.columns = columns
  }
}

/// How big a picture is drawn: as wide as the column (a small picture at about 8 pixels
/// a cell, never blown up past that), its rows from its proportions with cells twice as
/// tall as wide, and never taller than `maximumRows` (the page less its caption), so that
/// paging never cuts a picture.
struct PictureSlot: Hashable {
  var source: String
  var columns: Int
  var rows: Int
  /// Cells from the column's left edge (the picture is centred).
  var indent: Int

  static let pixelsPerCell = 8

  init(source: String, size: PictureSize, column: Int, maximumRows: Int) {
    let column = max(1, column)
    var columns = min(column, max(1, (size.width + Self.pixelsPerCell - 1) / Self.pixelsPerCell))
    var rows = max(
      1, Int((Double(columns) * Double(size.height) / Double(size.width) / 2).rounded()))
    let limit = max(1, maximumRows)
    if rows > limit {
      rows = limit
      columns = min(
        columns,
        max(1, Int((Double(rows) * 2 * Double(size.width) / Double(size.height)).rounded())))
    }
    self.source = source
    self.columns = columns
    self.rows = rows
    self.indent = (column - columns) / 2
  }
}
