import LeggioModel

/// How one block is set: the decoration before its lines, the cells its text gets, its
/// role, and whether its lines are justified.
struct BlockStyle {
  /// Decoration drawn at the start of a line, before the text.
  struct Prefix {
    var pieces: [(text: String, role: StyleRole)] = []
    var cells: Int { pieces.reduce(0) { $0 + CellWidth.of($1.text) } }
  }

  var role: StyleRole
  var justify: Bool
  var mode: LineBreaker.Mode = .prose
  var centred = false
  /// Set by the total-fit breaker (prose paragraphs, quotes and list items); the rest
  /// (headings, captions, verse, the title block) keeps the greedy breaker.
  var totalFit = false
  var first = Prefix()
  var afterHardBreak = Prefix()
  var continuation = Prefix()

  func prefix(_ kind: LineSpan.Kind) -> Prefix {
    switch kind {
    case .first: first
    case .afterHardBreak: afterHardBreak
    case .continuation: continuation
    }
  }

  func widths(column: Int) -> LineWidths {
    LineWidths(
      first: column - first.cells, afterHardBreak: column - afterHardBreak.cells,
      continuation: column - continuation.cells)
  }

  /// The style of a block of `kind`; `justify` is the reader's choice for prose.
  init(_ kind: Block.Kind, justify: Bool) {
    switch kind {
    case .paragraph:
      self.init(role: .text, justify: justify)
      totalFit = true
    case .heading:
      self.init(role: .heading, justify: false)
    case .blockQuote(let depth):
      self.init(role: .quote, justify: justify)
      totalFit = true
      let bars = Prefix(pieces: Array(repeating: ("│ ", .quoteBar), count: max(1, min(depth, 8))))
      (first, afterHardBreak, continuation) = (bars, bars, bars)
    case .listItem(let depth, let ordinal):
      self.init(role: .text, justify: false)
      totalFit = true
      let level = max(1, min(depth, 8))
      let indent = String(repeating: " ", count: 2 * (level - 1))
      let marker = ordinal.map { "\($0). " } ?? (["• ", "◦ ", "▪ "][(level - 1) % 3])
      let hanging = String(repeating: " ", count: indent.count + CellWidth.of(marker))
      first = Prefix(pieces: [(indent, .text), (marker, .listMarker)])
      afterHardBreak = Prefix(pieces: [(hanging, .text)])
      continuation = afterHardBreak
    case .preformatted:
      // Set off by an indent; a long line turns over with a mark in that indent.
      self.init(role: .preformatted, justify: false, mode: .preformatted)
      first = Prefix(pieces: [("  ", .preformatted)])
      afterHardBreak = first
      continuation = Prefix(pieces: [("↪ ", .continuation)])
    case .rule:
      self.init(role: .rule, justify: false, centred: true)
    case .image:
      self.init(role: .image, justify: false)
    case .table:
      self.init(role: .text, justify: false, mode: .preformatted)
    }
  }

  /// Moves every line `cells` to the right, before its own decoration.
  mutating func indent(by cells: Int) {
    guard cells > 0 else { return }
    let space = (String(repeating: " ", count: cells), StyleRole.text)
    first.pieces.insert(space, at: 0)
    afterHardBreak.pieces.insert(space, at: 0)
    continuation.pieces.insert(space, at: 0)
  }

  init(role: StyleRole, justify: Bool, mode: LineBreaker.Mode = .prose, centred: Bool = false) {
    self.role = role
    self.justify = justify
    self.mode = mode
    self.centred = centred
  }
}
