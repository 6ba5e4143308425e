/// Writing a style as the ANSI SGR escape sequence a terminal understands, for output
/// outside ncurses (`leggio themes`).
extension ResolvedStyle {
  /// The escape sequence that sets this style from a reset state, colours brought down
  /// to `depth`; empty when `depth` is `.none`, and for the plain default style.
  public func sgr(depth: ColorDepth) -> String {
    guard depth != .none else { return "" }
    var codes: [String] = []
    if bold { codes.append("1") }
    if dim { codes.append("2") }
    if italic { codes.append("3") }
    if underline { codes.append("4") }
    if reverse { codes.append("7") }
    codes += ResolvedStyle.colourCodes(foreground.degraded(to: depth), base: 30)
    codes += ResolvedStyle.colourCodes(background.degraded(to: depth), base: 40)
    return codes.isEmpty ? "" : "\u{1B}[" + codes.joined(separator: ";") + "m"
  }

  /// Resets every attribute and colour.
  public static let sgrReset = "\u{1B}[0m"

  /// `base` is 30 for the foreground, 40 for the background.
  private static func colourCodes(_ colour: Color, base: Int) -> [String] {
    switch colour {
    case .terminalDefault: []
    case .indexed(let i) where i < 8: [String(base + Int(i))]
    case .indexed(let i) where i < 16: [String(base + 60 + Int(i) - 8)]
    case .indexed(let i): [String(base + 8), "5", String(i)]
    case .rgb(let r, let g, let b): [String(base + 8), "2", String(r), String(g), String(b)]
    }
  }
}
