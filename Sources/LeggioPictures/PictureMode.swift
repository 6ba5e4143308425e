/// How pictures are shown (`[reader] images` in config.toml): `auto` picks the best the
/// terminal has; `symbols` is chafa's Unicode symbols in colour, which every terminal
/// shows; `off` keeps the `[Image: …]` placeholders.
public enum PictureMode: String, CaseIterable, Hashable, Sendable {
  case auto, kitty, sixel, iterm, symbols, off
}

/// The colours a picture in symbols is drawn with.
public enum PictureColours: Hashable, Sendable {
  /// 24-bit colours: each cell's colours are packed 0xRRGGBB.
  case trueColor
  /// The 256-colour palette: each cell's colours are palette indices.
  case indexed256
  /// The terminal's 16 colours.
  case sixteen

  var canvasMode: Int32 {
    switch self {
    case .trueColor: 0  // CHAFA_CANVAS_MODE_TRUECOLOR
    case .indexed256: 1  // CHAFA_CANVAS_MODE_INDEXED_256
    case .sixteen: 3  // CHAFA_CANVAS_MODE_INDEXED_16
    }
  }
}
