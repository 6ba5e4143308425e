import LeggioModel

extension Document {
  /// Whether block `index` is a line of verse standing alone: a paragraph of one short
  /// line right after a block of verse (a paragraph whose lines are kept as the text
  /// broke them), no longer than that block's longest line. A canto in terza rima ends
  /// so. Set as prose it would be justified when it turns over at a narrow width; it is
  /// set as the verse before it, ragged.
  func isLoneVerseLine(_ index: Int) -> Bool {
    guard index > 0, index < blocks.count, case .paragraph = blocks[index].kind,
      case .paragraph = blocks[index - 1].kind, blocks[index].inlines.count == 1
    else { return false }
    // Cheap tests first: this runs for every block of a book, and prose paragraphs are
    // longer than a line of verse.
    let line = blocks[index].inlines[0].text.utf8
    guard line.count <= Self.longestVerseLine, !line.contains(0x0A) else { return false }
    var longest = 0
    var current = 0
    var lines = 1
    for inline in blocks[index - 1].inlines {
      for byte in inline.text.utf8 {
        if byte == 0x0A {
          longest = max(longest, current)
          current = 0
          lines += 1
        } else if byte & 0xC0 != 0x80 {
          current += 1
        }
      }
    }
    longest = max(longest, current)
    return lines > 1 && line.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } <= longest
  }

  /// Bytes: a line longer than this is prose, whatever precedes it.
  static let longestVerseLine = 160
}
