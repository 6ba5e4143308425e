import LeggioLayout
import LeggioModel

extension String {
  /// The text as `TerminalSafety` lets it reach a terminal: line feeds kept when
  /// `keepingNewlines`, tabs become a space.
  func terminalSafe(keepingNewlines: Bool = false) -> String {
    TerminalSafety.safe(self, keepingNewlines: keepingNewlines)
  }

  /// The width of the text in terminal cells, measured as the reader measures it.
  var cellWidth: Int { CellWidth.of(self) }

  /// The text cut to at most `width` cells, ending in "…" when something was cut.
  func truncated(toCells width: Int) -> String {
    guard cellWidth > width else { return self }
    guard width > 0 else { return "" }
    var result = ""
    var used = 0
    for character in self {
      let cells = CellWidth.of(character)
      if used + cells > width - 1 { break }
      result.append(character)
      used += cells
    }
    return result + "…"
  }

  /// The text padded with spaces to `width` cells (cut first if longer).
  func padded(toCells width: Int, alignRight: Bool = false) -> String {
    let text = truncated(toCells: width)
    let padding = String(repeating: " ", count: max(0, width - text.cellWidth))
    return alignRight ? padding + text : text + padding
  }
}
