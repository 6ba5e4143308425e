import LeggioPictures

/// A picture's own colours on a cell, drawn as they are whatever the theme.
public struct PictureInk: Hashable, Sendable {
  public var foreground: Color
  public var background: Color

  public init(foreground: Color, background: Color) {
    self.foreground = foreground
    self.background = background
  }
}

/// How the reader shows pictures on this terminal, found once before the screen starts.
public enum PictureDisplay: Hashable, Sendable {
  /// `[Image: …]` placeholders: `images = "off"`, `NO_COLOR`, a terminal without
  /// colours, or no libchafa.
  case off
  /// chafa's Unicode symbols in the theme's colour depth.
  case symbols(PictureColours)
  /// The terminal's own pictures (kitty, sixel, iTerm2), written by the terminal layer
  /// over the blank cells the reader leaves for them (`AppState.picturePlacements`).
  case graphics(PictureStream.Graphics)

  public var isShown: Bool { self != .off }

  /// The display for `setting` on a terminal of `depth` whose own pictures, if any, the
  /// terminal layer found (`graphics`); symbols when it found none.
  public static func resolve(
    _ setting: PictureMode, depth: ColorDepth, environment: [String: String],
    graphics: PictureStream.Graphics? = nil,
    available: Bool = DecodedPicture.unavailableReason == nil
  ) -> PictureDisplay {
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .off }
    guard setting != .off, available else { return .off }
    if let graphics, depth != .none { return .graphics(graphics) }
    switch depth {
    case .none: return .off
    case .sixteen: return .symbols(.sixteen)
    case .indexed256: return .symbols(.indexed256)
    case .trueColor: return .symbols(.trueColor)
    }
  }
}

extension SymbolPicture.Cell {
  /// The cell's colours as the theme's `Color`s (-1, none, is the terminal's default).
  func ink(_ colours: PictureColours) -> PictureInk {
    func color(_ value: Int32) -> Color {
      guard value >= 0 else { return .terminalDefault }
      switch colours {
      case .trueColor:
        return .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
      case .indexed256, .sixteen:
        return .indexed(UInt8(clamping: value))
      }
    }
    return PictureInk(foreground: color(foreground), background: color(background))
  }
}
