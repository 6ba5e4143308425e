import CPictures
import Foundation

/// The bytes that draw a picture with a terminal's own graphics (kitty's protocol, sixel
/// or iTerm2's), as chafa writes them, for `columns` x `rows` cells of
/// `cellWidth` x `cellHeight` pixels. Written at the cursor by the terminal layer.
public enum PictureStream {
  public enum Graphics: Hashable, Sendable {
    case kitty, sixel, iterm

    var pixelMode: Int32 {
      switch self {
      case .sixel: 1
      case .kitty: 2
      case .iterm: 3
      }
    }
  }

  public static func bytes(
    _ picture: DecodedPicture, columns: Int, rows: Int, graphics kind: Graphics,
    cellWidth: Int = 10, cellHeight: Int = 20
  ) -> [UInt8]? {
    guard columns > 0, rows > 0 else { return nil }
    var length = 0
    let printed = picture.rgba.withUnsafeBufferPointer { pixels in
      leggio_chafa_print(
        pixels.baseAddress, Int32(picture.width), Int32(picture.height), Int32(columns),
        Int32(rows), kind.pixelMode, Int32(cellWidth), Int32(cellHeight), &length)
    }
    guard let printed else { return nil }
    defer { free(printed) }
    return printed.withMemoryRebound(to: UInt8.self, capacity: length) {
      Array(UnsafeBufferPointer(start: $0, count: length))
    }
  }
}
