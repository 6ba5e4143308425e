import CNcursesw
import LeggioTUI

/// Colours as ncurses numbers and colour pairs allocated on demand.
struct ColorPalette {
  let depth: ColorDepth
  private var pairs: [PairKey: Int32] = [:]
  private var nextPair: Int32 = 1
  /// Counts the times every pair was given back to be made again: pictures' colours use up
  /// the terminal's pairs after a while, and cells drawn before then must be drawn again.
  private(set) var generation = 0

  private struct PairKey: Hashable {
    var foreground: Int32
    var background: Int32
  }

  init(depth: ColorDepth) {
    self.depth = depth
  }

  /// The depth to draw with: `ColorDepth.detect(environment:curses:)` on the colour count
  /// ncurses read from terminfo.
  static func depth(environment: [String: String]) -> ColorDepth {
    ColorDepth.detect(environment: environment, curses: has_colors() ? Int(leggio_colors()) : 0)
  }

  /// The ncurses colour number of `color` at this depth (-1 is the terminal's default).
  func number(_ color: Color) -> Int32 {
    switch color.degraded(to: depth) {
    case .terminalDefault:
      return -1
    case .indexed(let index):
      if depth == .trueColor {
        let (r, g, b) = Self.rgb(ofIndexed: index)
        return Int32(r) << 16 | Int32(g) << 8 | Int32(b)
      }
      let colors = Int32(leggio_colors())
      return colors >= 16 ? Int32(index) : Int32(index) % 8
    case .rgb(let r, let g, let b):
      return Int32(r) << 16 | Int32(g) << 8 | Int32(b)
    }
  }

  /// The colour pair for `style`'s colours, made the first time it is needed; when the
  /// terminal runs out of pairs they are all made afresh (see `generation`).
  mutating func pair(for style: ResolvedStyle) -> Int32 {
    guard depth != .none else { return 0 }
    let key = PairKey(foreground: number(style.foreground), background: number(style.background))
    if key.foreground == -1 && key.background == -1 { return 0 }
    if let known = pairs[key] { return known }
    if nextPair >= leggio_color_pairs() {
      guard nextPair > 1 else { return 0 }
      pairs.removeAll(keepingCapacity: true)
      nextPair = 1
      generation += 1
    }
    let pair = nextPair
    guard init_extended_pair(pair, key.foreground, key.background) == OK else { return 0 }
    nextPair += 1
    pairs[key] = pair
    return pair
  }

  /// The attributes of `style`. Without colours, the reverse attribute still marks the
  /// selection, the status bar and search matches.
  func attributes(for style: ResolvedStyle) -> attr_t {
    var attributes = leggio_a_normal()
    if style.bold { attributes |= leggio_a_bold() }
    if style.italic { attributes |= leggio_a_italic() }
    if style.underline { attributes |= leggio_a_underline() }
    if style.reverse { attributes |= leggio_a_reverse() }
    if style.dim { attributes |= leggio_a_dim() }
    return attributes
  }

  /// The RGB value of an xterm palette entry.
  static func rgb(ofIndexed index: UInt8) -> (UInt8, UInt8, UInt8) {
    Color.rgbOf256(index)
  }
}
