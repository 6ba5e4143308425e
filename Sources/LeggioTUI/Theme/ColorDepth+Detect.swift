/// Working out how many colours the terminal shows, from the environment and terminfo.
extension ColorDepth {
  /// The depth to draw with.
  ///
  /// - `NO_COLOR` set to a non-empty value turns colour off (https://no-color.org: "when
  ///   present and not an empty string, regardless of its value").
  /// - `COLORTERM=truecolor` or `24bit` promises 24-bit colour.
  /// - Otherwise the terminal's colour count decides: 256 or more, 16 (8 counts as 16:
  ///   terminals with 8 colours show the bright ones as bold), or none below 8.
  ///
  /// - Parameter colors: the terminal's colour count (`tigetnum("colors")`, ncurses'
  ///   `COLORS`); when nil it is guessed from `TERM` (see `colorCount(term:)`).
  public static func detect(environment: [String: String], colors: Int? = nil) -> ColorDepth {
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
    let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
    if colorTerm == "truecolor" || colorTerm == "24bit" { return .trueColor }
    let count = colors ?? colorCount(term: environment["TERM"])
    switch count {
    case 16_777_216...: return .trueColor
    case 256...: return .indexed256
    case 8...: return .sixteen
    default: return .none
    }
  }

  /// The depth ncurses can draw with on a terminal whose terminfo gives `colors` colours:
  /// as `detect`, but true colour only when ncurses takes direct colours (`COLORS` of 2^24,
  /// e.g. `TERM=xterm-direct`); a truecolor `COLORTERM` over a 256-colour terminfo draws
  /// in 256 colours, the nearest to each of the theme's.
  public static func detect(environment: [String: String], curses colors: Int) -> ColorDepth {
    let depth = detect(environment: environment, colors: colors)
    guard depth == .trueColor, colors < 1 << 24 else { return depth }
    var withoutPromise = environment
    withoutPromise["COLORTERM"] = nil
    return detect(environment: withoutPromise, colors: colors)
  }

  /// A guess at the colour count from the terminal's name alone, for commands that print
  /// without opening the terminal (`leggio themes`).
  public static func colorCount(term: String?) -> Int {
    guard let term = term?.lowercased(), !term.isEmpty, term != "dumb" else { return 0 }
    if term.hasSuffix("-direct") || term.contains("truecolor") { return 1 << 24 }
    if term.contains("256") { return 256 }
    return 16
  }
}
