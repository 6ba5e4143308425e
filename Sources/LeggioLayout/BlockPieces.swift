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

  /// The flow unit of `block`'s scalars `scalars` (all of it when nil), its text starting
  /// at canonical offset `start`. A piece after the first goes on the block's lines: no
  /// first-line mark or indent.
  static func unit(
    _ block: Block, scalars: Range<Int>?, start: Int, justify: Bool, column: Int,
    hyphenator: Hyphenator?, totalFit: Bool = true
  ) -> FlowUnit {
    guard let scalars else {
      return FlowUnit(
        block: block, start: start, justify: justify, column: column, hyphenator: hyphenator,
        totalFit: totalFit)
    }
    var unit = FlowUnit(
      block: block.slice(scalars: scalars), start: start, justify: justify, column: column,
      hyphenator: hyphenator, totalFit: totalFit)
    if scalars.lowerBound > 0 {
      for k in unit.parts.indices { unit.parts[k].style.first = unit.parts[k].style.continuation }
    }
    return unit
  }

  /// The scalar ranges of `block`'s pieces, nil alone for a block kept whole.
  static func ranges(of block: Block) -> [Range<Int>?] {
    let bytes = block.inlines.reduce(0) { $0 + $1.text.utf8.count }
    guard bytes > length, isDivisible(block) else { return [nil] }
    let count = block.inlines.reduce(0) { $0 + BlockOffsets.scalarCount($1.text) }
    let starts = starts(of: block, scalarCount: count)
    guard starts.count > 1 else { return [nil] }
    return starts.indices.map { starts[$0]..<(($0 + 1 < starts.count) ? starts[$0 + 1] : count) }
  }

  /// Whether pieces of `block` read as the block would: prose and quotes; lists, code,
  /// tables and headings are kept whole.
  static func isDivisible(_ block: Block) -> Bool {
    switch block.kind {
    case .paragraph, .blockQuote: true
    default: false
    }
  }

  /// The scalar offsets inside `block` where its pieces start, the first being 0; `[0]`
  /// for a block that is kept whole.
  static func starts(of block: Block, scalarCount: Int) -> [Int] {
    guard scalarCount > length, isDivisible(block) else { return [0] }
    var starts = [0]
    var offset = 0
    var newline: Int?
    var sentence: Int?
    var space: Int?
    var previous: Unicode.Scalar = " "
    for inline in block.inlines {
      for scalar in inline.text.unicodeScalars {
        let pieceStart = starts[starts.count - 1]
        if offset - pieceStart >= length, canCut(before: scalar, after: previous) {
          let earliest = pieceStart + length / 2
          let cut =
            [newline, sentence].compactMap { $0 }.first { $0 >= earliest } ?? space ?? offset
          if cut > pieceStart && cut < scalarCount {
            starts.append(cut)
            if newline.map({ $0 <= cut }) == true { newline = nil }
            if sentence.map({ $0 <= cut }) == true { sentence = nil }
            if space.map({ $0 <= cut }) == true { space = nil }
          }
        }
        offset += 1
        switch scalar {
        case "\n": newline = offset
        case " ", "\u{3000}":
          space = offset
          if ".!?…»”\"".unicodeScalars.contains(previous) { sentence = offset }
        case "。", "！", "？": sentence = offset
        default: break
        }
        previous = scalar
      }
    }
    return starts
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
  /// The block with only the text at scalar offsets `range` of its own text.
  func slice(scalars range: Range<Int>) -> Block {
    var slice = self
    slice.inlines = []
    var offset = 0
    for inline in inlines {
      let count = BlockOffsets.scalarCount(inline.text)
      defer { offset += count }
      let lower = max(range.lowerBound, offset)
      let upper = min(range.upperBound, offset + count)
      guard lower < upper else { continue }
      var piece = inline
      if lower > offset || upper < offset + count {
        let scalars = inline.text.unicodeScalars
        let from = scalars.index(scalars.startIndex, offsetBy: lower - offset)
        let to = scalars.index(from, offsetBy: upper - lower)
        piece.text = String(scalars[from..<to])
      }
      slice.inlines.append(piece)
    }
    return slice
  }
}
