import CPictures

/// A picture as chafa's Unicode symbols: `columns` x `rows` cells, row by row, each a
/// character with its foreground and background (see `PictureColours` for what the
/// numbers mean; -1 is none).
public struct SymbolPicture: Hashable, Sendable {
  public struct Cell: Hashable, Sendable {
    public var character: Character
    public var foreground: Int32
    public var background: Int32
  }

  public let columns: Int
  public let rows: Int
  public let colours: PictureColours
  public let cells: [Cell]

  /// Converts `picture` to fit `columns` x `rows` cells; nil when chafa is missing.
  public init?(_ picture: DecodedPicture, columns: Int, rows: Int, colours: PictureColours) {
    guard columns > 0, rows > 0 else { return nil }
    let count = columns * rows
    var characters = [UInt32](repeating: 32, count: count)
    var foregrounds = [Int32](repeating: -1, count: count)
    var backgrounds = [Int32](repeating: -1, count: count)
    let status = picture.rgba.withUnsafeBufferPointer { pixels in
      leggio_chafa_symbols(
        pixels.baseAddress, Int32(picture.width), Int32(picture.height), Int32(columns),
        Int32(rows), colours.canvasMode, &characters, &foregrounds, &backgrounds)
    }
    guard status == 0 else { return nil }
    self.columns = columns
    self.rows = rows
    self.colours = colours
    self.cells = (0..<count).map { index in
      // Only printable one-cell symbols reach the screen; anything else is a space.
      let scalar = Unicode.Scalar(characters[index]).flatMap { $0.value >= 0x20 ? $0 : nil }
      return Cell(
        character: Character(scalar ?? " "), foreground: foregrounds[index],
        background: backgrounds[index])
    }
  }

  public subscript(column: Int, row: Int) -> Cell { cells[row * columns + column] }
}
