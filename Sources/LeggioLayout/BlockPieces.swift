import LeggioModel

/// Where a block too long to lay out at once is cut into pieces of the flow.
///
/// A paragraph of millions of characters (a whole book on one line) would otherwise be
/// broken into lines, and its lines drawn, all at once to show its first page: memory
/// grew with the paragraph, not the page. Pieces of about `length` scalars are laid out
/// one at a time like blocks, but without a blank line between them; the cut falls on a
/// line break, else after a sentence, else after a space, else between two characters.
/// The price: the line before a cut is set as a paragraph's last line.
enum BlockPieces {
  /// Blocks longer than this (in scalars) are cut.
  static let length = 16_384

  /// A place in a block's text: its scalar offset, and where that is among the inlines
  /// (inline `inline`, `utf8` bytes into its text), so that slicing a piece costs the
  /// piece, not the text before it.
  struct Cut {
    var scalar: Int
    var inline: Int
    var utf8: Int
  }

  /// The text of one piece: from `lower` up to `upper`.
  struct Span {
    var lower: Cut
    var upper: Cut
    var scalars: Range<Int> { lower.scalar..<upper.scalar }
  }

  /// The flow unit of `block`'s text `span` (all of it when nil), its text starting at
  /// canonical offset `start`. A piece after the first goes on the block's lines: no
  /// first-line mark or indent.
  static func unit(
    _ block: Block, span: Span?, start: Int, justify: Bool, column: Int,
    hyphenator: Hyphenator?, totalFit: Bool = true, rightToLeftDocument: Bool = false,
    strictLineBreaks: Bool = false, asciiBorders: Bool = false, loneVerseLine: Bool = false,
    storage: ClusterStorage? = nil
  ) -> FlowUnit {
    guard let span else {
      return FlowUnit(
        block: block, start: start, justify: justify, column: column, hyphenator: hyphenator,
        totalFit: totalFit, rightToLeftDocument: rightToLeftDocument,
        strictLineBreaks: strictLineBreaks, asciiBorders: asciiBorders,
        loneVerseLine: loneVerseLine, storage: storage)
    }
    var unit = FlowUnit(
      block: block.slice(span), start: start, justify: justify, column: column,
      hyphenator: hyphenator, totalFit: totalFit, rightToLeftDocument: rightToLeftDocument,
      strictLineBreaks: strictLineBreaks, storage: storage)
    if span.lower.scalar > 0 {
      for k in unit.parts.indices { unit.parts[k].style.first = unit.parts[k].style.continuation }
    }
    return unit
  }

  /// The pieces of `block`, nil alone for a block kept whole.
  static func spans(of block: Block) -> [Span?] {
    let bytes = block.inlines.reduce(0) { $0 + $1.text.utf8.count }
    guard bytes > length, isDivisible(block) else { return [nil] }
    let count = block.inlines.reduce(0) { $0 + BlockOffsets.scalarCount($1.text) }
    return spans(of: block, scalarCount: count)
  }

  /// The pieces of `block`, whose text is `scalarCount` scalars long; nil alone for a
  /// block kept whole.
  static func spans(of block: Block, scalarCount: Int) -> [Span?] {
    let cuts = cuts(of: block, scalarCount: scalarCount)
    guard cuts.count > 1 else { return [nil] }
    let end = Cut(scalar: scalarCount, inline: block.inlines.count, utf8: 0)
    return cuts.indices.map {
      Span(lower: cuts[$0], upper: $0 + 1 < cuts.count ? cuts[$0 + 1] : end)
    }
  }

  /// Whether pieces of `block` read as the block would: prose and quotes; lists, code,
  /// tables and headings are kept whole.
  static func isDivisible(_ block: Block) -> Bool {
    switch block.kind {
    case .paragraph, .blockQuote: true
    default: false
    }
  }

  /// Where `block`'s pieces start, the first at its beginning; one cut for a block that
  /// is kept whole.
  static func cuts(of block: Block, scalarCount: Int) -> [Cut] {
    var cuts = [Cut(scalar: 0, inline: 0, utf8: 0)]
    guard scalarCount > length, isDivisible(block) else { return cuts }
    var offset = 0
    var newline: Cut?
    var sentence: Cut?
    var space: Cut?
    var previous: Unicode.Scalar = " "
    for (index, inline) in block.inlines.enumerated() {
      var utf8 = 0
      for scalar in inline.text.unicodeScalars {
        let pieceStart = cuts[cuts.count - 1].scalar
        if offset - pieceStart >= length, canCut(before: scalar, after: previous) {
          let earliest = pieceStart + length / 2
          let here = Cut(scalar: offset, inline: index, utf8: utf8)
          let cut =
            [newline, sentence].compactMap { $0 }.first { $0.scalar >= earliest } ?? space ?? here
          if cut.scalar > pieceStart && cut.scalar < scalarCount {
            cuts.append(cut)
            if newline.map({ $0.scalar <= cut.scalar }) == true { newline = nil }
            if sentence.map({ $0.scalar <= cut.scalar }) == true { sentence = nil }
            if space.map({ $0.scalar <= cut.scalar }) == true { space = nil }
          }
        }
        offset += 1
        utf8 += UTF8.width(scalar)
        let after = Cut(scalar: offset, inline: index, utf8: utf8)
        switch scalar {
        case "\n": newline = after
        case " ", "\u{3000}":
          space = after
          if ".!?…»”\"".unicodeScalars.contains(previous) { sentence = after }
        case "。", "！", "？": sentence = after
        default: break
        }
        previous = scalar
      }
    }
    return cuts
  }

  /// Whether a piece may start at `scalar`: never inside a character (before a combining
  /// mark, a joiner or a variation selector, or after a joiner).
  private static func canCut(before scalar: Unicode.Scalar, after previous: Unicode.Scalar) -> Bool
  {
    if previous == "\u{200D}" || scalar == "\u{200D}" { return false }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return false
    default: break
    }
    return !scalar.properties.isVariationSelector
  }
}

extension Block {
  /// The block with only the text of `span`.
  func slice(_ span: BlockPieces.Span) -> Block {
    var slice = self
    slice.inlines = []
    var index = span.lower.inline
    while index < inlines.count
      && (index < span.upper.inline || (index == span.upper.inline && span.upper.utf8 > 0))
    {
      let text = inlines[index].text
      let from = index == span.lower.inline ? span.lower.utf8 : 0
      let to = index == span.upper.inline ? span.upper.utf8 : text.utf8.count
      if from < to {
        var piece = inlines[index]
        if from > 0 || to < text.utf8.count {
          let bytes = text.utf8
          let lower = bytes.index(bytes.startIndex, offsetBy: from)
          let upper = bytes.index(bytes.startIndex, offsetBy: to)
          piece.text = String(text[lower..<upper])
        }
        slice.inlines.append(piece)
      }
      index += 1
    }
    return slice
  }
}
