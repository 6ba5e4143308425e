import LeggioStore
import LeggioLayout

/// The marks laid over the page's text: highlights in their colours, the selection, and
/// search matches on top; a `✎` after the line where a noted passage ends.
extension ReaderView {
  struct Span {
    var range: Range<Int>
    var overlay: UIRole
  }

  /// Every span touching `page`, in drawing order (later ones win).
  static func spans(_ reader: ReaderState, on page: Page) -> [Span] {
    let visible = page.source
    func touches(_ range: Range<Int>) -> Bool {
      range.overlaps(visible) || range.isEmpty && visible.contains(range.lowerBound)
    }
    var spans: [Span] = []
    for annotation in reader.annotations where annotation.kind != .bookmark {
      let range = annotation.anchor.range
      guard !annotation.isOrphaned, !annotation.isDeleted, touches(range) else { continue }
      spans.append(Span(range: range, overlay: highlightRole(annotation.color)))
    }
    if let selection = reader.selection, touches(selection) {
      spans.append(Span(range: selection, overlay: .selection))
    }
    for match in reader.matches where touches(match) {
      spans.append(Span(range: match, overlay: .searchMatch))
    }
    return spans
  }

  /// The overlay of highlight colour `color` (1 when none).
  static func highlightRole(_ color: AnnotationColor?) -> UIRole {
    switch color?.rawValue ?? 1 {
    case 2: .highlight2
    case 3: .highlight3
    case 4: .highlight4
    case 5: .highlight5
    default: .highlight1
    }
  }

  /// Lays the spans over the cells of `run`, mapping canonical offsets to cells through
  /// the run's source range.
  static func mark(
    _ run: Run, source: Range<Int>, spans: [Span], row: Int, into grid: inout CellGrid
  ) {
    let touching = spans.filter { $0.range.overlaps(source) }
    guard !touching.isEmpty else { return }
    var offset = source.lowerBound
    var column = run.column
    for character in run.text {
      let scalars = character.unicodeScalars.count
      let span = offset..<(offset + scalars)
      let cells = TextWidth.cells(character)
      if let top = touching.last(where: { $0.range.overlaps(span) }) {
        grid.mark(row: row, columns: column..<(column + cells), overlay: top.overlay)
      }
      offset += scalars
      column += cells
      if offset >= source.upperBound { break }
    }
  }

  /// Puts `✎` after the text of the row where each noted passage on the page ends.
  static func drawNoteMarks(_ reader: ReaderState, lines: [LaidOutLine], into grid: inout CellGrid)
  {
    let ends = reader.annotations.filter { $0.hasNote && !$0.isOrphaned && !$0.isDeleted }
      .map(\.anchor.end)
    guard !ends.isEmpty else { return }
    for (row, line) in lines.prefix(max(0, grid.height - 1)).enumerated() {
      guard let lineRange = line.source else { continue }
      guard ends.contains(where: { $0 > lineRange.lowerBound && $0 <= lineRange.upperBound })
      else { continue }
      let end = line.runs.map { $0.column + $0.cells }.max() ?? 0
      let column = min(end + 1, grid.width - 1)
      guard column >= end else { continue }
      grid.put("✎", column: column, row: row, style: CellStyle(.text, overlay: .noteMark))
    }
  }
}
