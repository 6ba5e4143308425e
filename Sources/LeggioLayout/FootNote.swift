import LeggioModel

/// Notes set at the foot of the page that refers to them, as books set footnotes: under a
/// short rule, each note's number then its text, wrapped with a hanging indent. A note
/// reference is a run linking `leggio:note/N` (Markdown's `[^1]`, a page's or a book's
/// note link); the note is block `N`, which also stays where the text has it. The foot
/// lines show the note, not the page's canonical text, so their runs have no `source`.
enum FootNote {
  /// A reference: the line of its unit it is on, the note's block and that block's unit.
  struct Reference: Equatable {
    var line: Int
    var note: Int
    var noteUnit: Int
  }

  /// Where the note references of `block` fall: the canonical offset (from the block's
  /// start) of each reference run, the note's block and the mark the text shows for it.
  static func references(in block: Block, index: Int, blockCount: Int)
    -> [(offset: Int, note: Int, mark: String)]
  {
    guard block.inlines.contains(where: { $0.link?.hasPrefix("leggio:note/") == true }) else {
      return []
    }
    var found: [(offset: Int, note: Int, mark: String)] = []
    var offset = 0
    for inline in block.inlines {
      if let link = inline.link, case .note(let note)? = InternalLink(link), note != index,
        note < blockCount
      {
        found.append((offset, note, FlowUnit.drawnText(inline)))
      }
      offset += inline.text.unicodeScalars.count
    }
    return found
  }

  /// The note at block `note`, marked `mark`, as a unit of the foot of a page.
  static func unit(_ block: Block, mark: String) -> FlowUnit {
    var text = ClusterBuffer()
    let mark = mark.isEmpty ? "*" : mark
    text.append(mark + " ", Segment(role: .listMarker, isSource: false))
    for inline in block.inlines where inline.image == nil {
      let flat = inline.text.replacingOccurrences(of: "\n", with: " ")
      text.append(flat, Segment(role: .text, inline: inline.style, isSource: false))
    }
    var style = BlockStyle(role: .text, justify: false)
    let hanging = String(repeating: " ", count: CellWidth.of(mark) + 1)
    style.afterHardBreak = BlockStyle.Prefix(pieces: [(hanging, .text)])
    style.continuation = style.afterHardBreak
    return FlowUnit(
      parts: [FlowUnit.Part(text: text, style: style, blankBefore: false)], start: 0,
      placement: .splittable)
  }

  /// The short rule above the notes, at the left of the column.
  static func rule(_ geometry: ColumnGeometry, ascii: Bool) -> LaidOutLine {
    let cells = min(12, max(1, geometry.width / 3))
    let text = String(repeating: ascii ? "-" : "─", count: cells)
    return LaidOutLine(runs: [Run(text: text, column: geometry.left, cells: cells, role: .rule)])
  }
}
