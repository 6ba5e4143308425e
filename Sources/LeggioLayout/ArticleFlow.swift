import LeggioModel

/// A page as the reader gets it, with the canonical position of each line and the flow
/// line it shows (nil for blank lines between units and padding).
struct RenderedPage {
  var page: Page
  var positions: [Int]
  var flowLines: [FlowPosition?]
}

/// The article as a flow of units (the title block, then one unit per block, or per
/// piece of a block too long to lay out at once, see `BlockPieces`), measured on demand:
/// each unit's line offsets are computed once and kept; runs are built only when a page
/// is drawn, for the units on it.
final class ArticleFlow: FlowMetrics {
  /// A unit's text: block `block`, whole, or a piece of it.
  struct Piece {
    var block: Int
    /// The piece's text inside the block; nil for the whole block.
    var span: BlockPieces.Span?
  }

  let document: Document
  let canonical: BlockOffsets
  let geometry: ColumnGeometry
  let justify: Bool
  let hyphenator: Hyphenator?
  let totalFit: Bool
  let strictLineBreaks: Bool
  /// The article's language is written right to left (paragraphs without letters follow it).
  let rightToLeft: Bool
  /// The pictures drawn (see `LayoutOptions.pictures`) and the page's height they fit in.
  var pictures: [String: PictureSize] = [:]
  var pageHeight: Int = .max
  let title: FlowUnit?
  /// 1 when the title block is unit 0, else 0.
  let shift: Int
  let unitCount: Int
  /// The text of each unit after the title, in order.
  let pieces: [Piece]
  /// The canonical offset where each piece starts.
  private let pieceStarts: [Int]
  private var measured: [[Int32]?]
  /// The lines of each measured unit that end with a drawn hyphen (mostly none).
  private var hyphenated: [[Int32]]
  private var renderedUnits: [Int: RunSink] = [:]
  /// Set notes at the foot of their pages (`LayoutOptions.notesAtFoot`).
  let notesAtFoot: Bool
  /// Draw the notes' rule in ASCII.
  let asciiBorders: Bool
  /// Each unit's note references, found when first asked for.
  private var references: [Int: [FootNote.Reference]] = [:]
  /// The mark each note is referred to by (its number as the text raises it).
  private var noteMarks: [Int: String] = [:]
  /// Each note's lines at the foot of a page, measured once.
  private var footUnits: [Int: RunSink] = [:]

  init(
    document: Document, metadata: ArticleMetadata?, canonical: BlockOffsets,
    geometry: ColumnGeometry,
    justify: Bool, hyphenator: Hyphenator? = nil, totalFit: Bool = true,
    strictLineBreaks: Bool = false, notesAtFoot: Bool = false, asciiBorders: Bool = false
  ) {
    self.notesAtFoot = notesAtFoot
    self.asciiBorders = asciiBorders
    self.totalFit = totalFit
    self.strictLineBreaks = strictLineBreaks
    self.rightToLeft = BidiParagraph.isRightToLeftLanguage(metadata?.language)
    self.hyphenator = hyphenator
    self.document = document
    self.canonical = canonical
    self.geometry = geometry
    self.justify = justify
    self.title = TitleBlock.unit(metadata, document: document)
    self.shift = title == nil ? 0 : 1
    var pieces: [Piece] = []
    var pieceStarts: [Int] = []
    pieces.reserveCapacity(document.blocks.count)
    pieceStarts.reserveCapacity(document.blocks.count)
    for (index, block) in document.blocks.enumerated() {
      let range = canonical.range(ofBlock: index)
      for span in BlockPieces.spans(of: block, scalarCount: range.count) {
        pieces.append(Piece(block: index, span: span))
        pieceStarts.append(range.lowerBound + (span?.lower.scalar ?? 0))
      }
    }
    self.pieces = pieces
    self.pieceStarts = pieceStarts
    self.unitCount = pieces.count + shift
    self.measured = Array(repeating: nil, count: unitCount)
    self.hyphenated = Array(repeating: [], count: unitCount)
  }

  func unit(_ index: Int) -> FlowUnit {
    if let title, index == 0 { return title }
    let piece = pieces[index - shift]
    let block = document.blocks[piece.block]
    // A picture that is drawn gets its rows (a picture block is never cut into pieces).
    if piece.span == nil, !pictures.isEmpty, let picture = block.source.flatMap({ pictures[$0] }) {
      return FlowUnit(
        block: block, start: pieceStarts[index - shift], justify: justify,
        column: geometry.width, hyphenator: hyphenator, totalFit: totalFit,
        rightToLeftDocument: rightToLeft, strictLineBreaks: strictLineBreaks, picture: picture,
        pageHeight: pageHeight)
    }
    return BlockPieces.unit(
      block, span: piece.span, start: pieceStarts[index - shift],
      justify: justify, column: geometry.width, hyphenator: hyphenator, totalFit: totalFit,
      rightToLeftDocument: rightToLeft, strictLineBreaks: strictLineBreaks,
      asciiBorders: asciiBorders,
      loneVerseLine: piece.span == nil && document.isLoneVerseLine(piece.block))
  }

  /// The canonical offset of each line of unit `index`.
  func lineOffsets(_ index: Int) -> [Int32] {
    if let offsets = measured[index] { return offsets }
    let (offsets, hyphenated) = unit(index).measure(column: geometry.width)
    measured[index] = offsets
    self.hyphenated[index] = hyphenated
    return offsets
  }

  func endsWithHyphen(_ unit: Int, line: Int) -> Bool {
    _ = lineOffsets(unit)
    return hyphenated[unit].contains(Int32(line))
  }

  func lineCount(_ unit: Int) -> Int { lineOffsets(unit).count }

  /// How many units have been measured so far.
  var measuredUnitCount: Int { measured.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

  /// Whether a blank line comes before unit `index` (not between items of a tight list).
  func isSeparated(_ index: Int) -> Bool {
    guard index > shift else { return true }
    let piece = pieces[index - shift]
    if let span = piece.span, span.lower.scalar > 0 { return false }
    return !document.joinsPrevious(piece.block)
  }

  func placement(_ index: Int) -> FlowUnit.Placement {
    if title != nil && index == 0 { return .keepTogether }
    switch document.blocks[pieces[index - shift].block].kind {
    case .heading: return .heading
    case .rule, .image, .table: return .keepTogether
    default: return .splittable
    }
  }

  func footNotes(_ index: Int) -> [FootNote.Reference] {
    guard notesAtFoot, index >= shift, index < unitCount else { return [] }
    if let found = references[index] { return found }
    let piece = pieces[index - shift]
    let blockStart = canonical.starts[piece.block]
    let found = FootNote.references(
      in: document.blocks[piece.block], index: piece.block, blockCount: document.blocks.count
    ).filter { piece.span?.scalars.contains($0.offset) ?? true }
    var result: [FootNote.Reference] = []
    if !found.isEmpty {
      let offsets = lineOffsets(index)
      for reference in found {
        let offset = Int32(blockStart + reference.offset)
        let line = (offsets.lastIndex { $0 <= offset } ?? 0)
        // The note's first unit: the piece where its block starts.
        let noteUnit =
          pieceStarts.indexOfBlock(containing: canonical.starts[reference.note]) + shift
        result.append(FootNote.Reference(line: line, note: reference.note, noteUnit: noteUnit))
        if noteMarks[reference.note] == nil { noteMarks[reference.note] = reference.mark }
      }
    }
    references[index] = result
    return result
  }

  func footNoteLines(_ note: Int) -> Int { footNote(note).lines.count }

  /// The lines of note `note` as the foot of a page shows them.
  func footNote(_ note: Int) -> RunSink {
    if let sink = footUnits[note] { return sink }
    var sink = RunSink()
    UnitRenderer.render(
      FootNote.unit(document.blocks[note], mark: noteMarks[note] ?? "*"), geometry: geometry,
      into: &sink)
    footUnits[note] = sink
    return sink
  }

  /// The length of unit `index` in scalars (the work it takes to measure it).
  func scalarLength(_ index: Int) -> Int {
    guard index >= shift && index < unitCount else { return 1 }
    let piece = pieces[index - shift]
    return piece.span?.scalars.count ?? canonical.range(ofBlock: piece.block).count
  }

  /// The canonical offset where the line at `position` starts (the text's end past the
  /// last unit).
  func position(_ position: FlowPosition) -> Int {
    guard position.unit < unitCount else { return canonical.scalarCount }
    return Int(lineOffsets(position.unit)[position.line])
  }

  /// The flow line that shows canonical offset `offset`.
  func flowPosition(of offset: Int) -> FlowPosition {
    guard !document.blocks.isEmpty else { return FlowPosition(unit: 0, line: 0) }
    let offset = max(0, min(offset, canonical.scalarCount))
    let unit = pieceStarts.indexOfBlock(containing: offset) + shift
    let offsets = lineOffsets(unit)
    var low = 0
    var high = offsets.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if Int(offsets[mid]) <= offset { low = mid } else { high = mid - 1 }
    }
    return FlowPosition(unit: unit, line: low)
  }

  /// The laid-out lines of unit `index` (kept for a while: neighbouring pages share units).
  func renderedUnit(_ index: Int) -> RunSink {
    if let sink = renderedUnits[index] { return sink }
    var sink = RunSink()
    UnitRenderer.render(unit(index), geometry: geometry, into: &sink)
    assert(sink.lines.count == lineCount(index), "rendered and measured line counts differ")
    if renderedUnits.count >= 256 { renderedUnits.removeAll(keepingCapacity: true) }
    renderedUnits[index] = sink
    return sink
  }

  /// Page `index`, from flow line `start` up to `end`; padded to `height` lines unless
  /// last; `notes` set at its foot, under a rule, at the bottom of the page.
  func renderPage(
    index: Int, from start: FlowPosition, to end: FlowPosition, isLast: Bool, height: Int,
    notes: [Int] = []
  )
    -> RenderedPage
  {
    var lines: [LaidOutLine] = []
    var positions: [Int] = []
    var flowLines: [FlowPosition?] = []
    var unitIndex = start.unit
    var line = start.line
    while unitIndex < unitCount && FlowPosition(unit: unitIndex, line: line) < end {
      let sink = renderedUnit(unitIndex)
      if line == 0 && !lines.isEmpty && isSeparated(unitIndex) {
        lines.append(LaidOutLine())
        positions.append(sink.positions.first ?? canonical.scalarCount)
        flowLines.append(nil)
      }
      let upper = end.unit == unitIndex ? end.line : sink.lines.count
      for k in line..<upper {
        lines.append(sink.lines[k])
        positions.append(sink.positions[k])
        flowLines.append(FlowPosition(unit: unitIndex, line: k))
      }
      unitIndex += 1
      line = 0
    }
    let endOffset = isLast ? canonical.scalarCount : position(end)
    var foot: [LaidOutLine] = []
    if !notes.isEmpty {
      foot.append(FootNote.rule(geometry, ascii: asciiBorders))
      for note in notes { foot += footNote(note).lines }
    }
    if !isLast || !foot.isEmpty {
      while lines.count < height - foot.count {
        lines.append(LaidOutLine())
        positions.append(endOffset)
        flowLines.append(nil)
      }
    }
    for line in foot {
      lines.append(line)
      positions.append(endOffset)
      flowLines.append(nil)
    }
    let startOffset = index == 0 ? 0 : position(start)
    return RenderedPage(
      page: Page(index: index, lines: lines, source: startOffset..<max(startOffset, endOffset)),
      positions: positions, flowLines: flowLines)
  }
}
