import LeggioModel
/// The listing `leggio themes` prints: each theme's name, marked when it is the active
/// one, with a short sample line drawn in its colours, or plain names when colour is off
/// (output not a terminal, `NO_COLOR`).
public enum ThemeSampler {
  /// The whole listing, one theme per line, ending with a newline.
  public static func listing(
    _ catalog: ThemeCatalog, active: String, depth: ColorDepth
  ) -> String {
    let width = catalog.names.map(\.count).max() ?? 0
    var text = ""
    for entry in catalog.entries {
      let name = entry.theme.name
      let mark = name == active ? "*" : " "
      let padded = TerminalSafety.line(name, limit: 60) + String(repeating: " ", count: max(0, width - name.count))
      var line = "\(mark) \(padded)"
      if depth != .none {
        line += "  " + sample(entry.theme, depth: depth)
      } else if !entry.theme.summary.isEmpty {
        line += "  " + TerminalSafety.line(entry.theme.summary, limit: 70)
      }
      if case .user(let path) = entry.origin { line += "  (\(TerminalSafety.line(path, limit: 200)))" }
      text += line + "\n"
    }
    return text
  }

  /// The parts of a sample line: text, each with the cell style it is drawn in.
  public static let sampleParts: [(text: String, style: CellStyle)] = [
    (" Title ", CellStyle(.title)),
    ("body text, ", CellStyle(.text)),
    ("a link", CellStyle(.text, isLink: true)),
    (", ", CellStyle(.text)),
    ("match", CellStyle(.text, overlay: .searchMatch)),
    (" ", CellStyle(.text)),
    (" 1 ", CellStyle(.text, overlay: .highlight1)),
    (" 2 ", CellStyle(.text, overlay: .highlight2)),
    (" 3 ", CellStyle(.text, overlay: .highlight3)),
    (" 4 ", CellStyle(.text, overlay: .highlight4)),
    (" 5 ", CellStyle(.text, overlay: .highlight5)),
    (" ", CellStyle(.text)),
    (" page 3/12 ", CellStyle(.statusBar)),
  ]

  /// One sample line in a theme's colours at `depth`, reset at the end.
  public static func sample(_ theme: Theme, depth: ColorDepth) -> String {
    let theme = theme.adapted(to: depth)
    var line = ""
    for part in sampleParts {
      line += theme.resolve(part.style).sgr(depth: depth) + part.text + ResolvedStyle.sgrReset
    }
    return line
  }

  /// The sample line's text without colours.
  public static var plainSample: String { sampleParts.map(\.text).joined() }
}
