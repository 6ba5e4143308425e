import CNcursesw
import Foundation
import LeggioPictures
import LeggioTUI

/// Writes the terminal's own pictures (kitty, sixel, iTerm2) over the blank cells the
/// reader leaves for them, after ncurses has drawn the frame.
///
/// ncurses knows nothing of these pixels, so when the pictures on screen change (a page
/// turn, a resize, a box opening over the page) the old ones are erased first: kitty's are
/// deleted with its own command; sixel and iTerm2 pixels live in the cells, so every cell
/// is drawn again. Streams are made once per picture and size.
final class PictureWriter {
  let graphics: PictureStream.Graphics
  private var shown: [PicturePlacement] = []
  private var streams: [String: [UInt8]] = [:]
  /// A cell's size in pixels (from the terminal when it says, else 10x20).
  private let cell: (width: Int, height: Int)

  /// `cell`: the cell size the terminal gave (`CSI 16 t`), else the one its window size
  /// in pixels gives, else 10x20.
  init(graphics: PictureStream.Graphics, cell known: (width: Int, height: Int)? = nil) {
    self.graphics = graphics
    var size = winsize()
    if let known {
      cell = known
    } else if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0,
      size.ws_xpixel > 0, size.ws_ypixel > 0
    {
      cell = (Int(size.ws_xpixel) / Int(size.ws_col), Int(size.ws_ypixel) / Int(size.ws_row))
    } else {
      cell = (10, 20)
    }
  }

  /// Before the frame is drawn: erases what is shown when it is not what will be.
  func prepare(_ placements: [PicturePlacement], terminal: Terminal) {
    guard placements != shown, !shown.isEmpty else { return }
    if graphics == .kitty {
      Self.write(Array("\u{1B}_Ga=d,d=A\u{1B}\\".utf8))
    } else {
      terminal.invalidate()
      clearok(leggio_stdscr(), true)
    }
  }

  /// After the frame is drawn: writes the pictures that are not on screen yet.
  func draw(_ placements: [PicturePlacement]) {
    guard placements != shown else { return }
    shown = placements
    var output: [UInt8] = []
    for placement in placements {
      guard let stream = stream(for: placement) else { continue }
      output += Self.bytes(placing: stream, at: placement)
    }
    if !output.isEmpty { Self.write(output) }
  }

  /// The cursor saved, moved to the picture's top-left cell, the stream, the cursor back.
  static func bytes(placing stream: [UInt8], at placement: PicturePlacement) -> [UInt8] {
    Array("\u{1B}7\u{1B}[\(placement.row + 1);\(placement.column + 1)H".utf8) + stream
      + Array("\u{1B}8".utf8)
  }

  private func stream(for placement: PicturePlacement) -> [UInt8]? {
    let key = "\(placement.image.hash) \(placement.columns)x\(placement.rows)"
    if let known = streams[key] { return known }
    guard let pixels = PictureCache.shared.pixels(placement.image),
      let stream = PictureStream.bytes(
        pixels, columns: placement.columns, rows: placement.rows, graphics: graphics,
        cellWidth: cell.width, cellHeight: cell.height)
    else { return nil }
    if streams.count > 32 { streams.removeAll() }
    streams[key] = stream
    return stream
  }

  private static func write(_ bytes: [UInt8]) {
    var offset = 0
    bytes.withUnsafeBufferPointer { buffer in
      while offset < buffer.count {
        let written = Foundation.write(
          STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
        if written <= 0 { break }
        offset += written
      }
    }
  }
}
