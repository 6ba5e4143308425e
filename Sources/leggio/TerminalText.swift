import LeggioLayout

extension String {
  /// The text with every control character (C0, C1, DEL), bidi override and isolate
  /// replaced by a visible symbol, so text from outside never drives the terminal.
  /// Line feeds are kept when `keepingNewlines`, tabs become a space.
  func terminalSafe(keepingNewlines: Bool = false) -> String {
    var result = String.UnicodeScalarView()
    for scalar in unicodeScalars {
      switch scalar.value {
      case 0x0A where keepingNewlines: result.append(scalar)
      case 0x09: result.append(" ")
      case 0x00..<0x20: result.append(Unicode.Scalar(0x2400 + scalar.value)!)  // ␀…␟
      case 0x7F: result.append("\u{2421}")  // ␡
      case 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
        result.append("\u{FFFD}")
      default: result.append(scalar)
      }
    }
    return String(result)
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
