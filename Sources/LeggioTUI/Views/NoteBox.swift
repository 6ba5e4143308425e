import LeggioModel

/// A footnote or endnote in a box over the page, its text wrapped to the box; any key
/// closes it.
enum NoteBox {
  static func draw(_ text: String, into grid: inout CellGrid) {
    let width = max(10, min(64, grid.width - 6))
    var lines: [String] = []
    for paragraph in TerminalSafety.safe(text, keepingNewlines: true)
      .components(separatedBy: "\n")
    {
      lines += wrap(paragraph, width: width)
    }
    lines += ["", "Any key closes this note."]
    let box = BoxView(
      contentWidth: lines.map { TextWidth.cells($0) }.max() ?? 0, contentHeight: lines.count,
      in: grid)
    box.drawFrame(title: "Note", into: &grid)
    for (index, line) in lines.enumerated() {
      box.put(line, line: index, style: CellStyle(.help), into: &grid)
    }
  }

  /// `text` cut into lines of at most `width` cells at spaces (a longer word alone).
  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      let candidate = line.isEmpty ? String(word) : line + " " + word
      if TextWidth.cells(candidate) <= width || line.isEmpty {
        line = candidate
      } else {
        lines.append(line)
        line = String(word)
      }
    }
    lines.append(line)
    return lines
  }
}
