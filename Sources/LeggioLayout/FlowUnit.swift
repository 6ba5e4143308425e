import LeggioModel

/// One unit of the text flow that pagination places: the title block or one block of
/// the document, its text already cut into clusters.
struct FlowUnit {
  /// A run of lines with one style; the title block has several.
  struct Part {
    var text: ClusterBuffer
    var style: BlockStyle
    /// A blank line sets this part apart from the one before.
    var blankBefore: Bool
    /// Bidi levels when the part holds right-to-left text (lines drawn in visual order).
    var bidi: BidiParagraph? = nil

    init(
      text: ClusterBuffer, style: BlockStyle, blankBefore: Bool, rightToLeftDocument: Bool = false,
      direction: TextDirection? = nil, picture: PictureSlot? = nil
    ) {
      // Code and tables keep their columns as written. The levels are found on the text
      // borrowed before it is moved in: the other way round it was copied.
      let bidi =
        style.mode == .prose
        ? BidiParagraph(text, rightToLeftDocument: rightToLeftDocument, direction: direction)
        : nil
      self.text = text
      self.style = style
      self.blankBefore = blankBefore
      self.picture = picture
      self.bidi = bidi
    }
    /// The picture drawn over this part's lines (its text is then empty).
    var picture: PictureSlot? = nil
  }

  enum Placement {
    /// Lines may be split across pages (widows and orphans avoided).
    case splittable
    /// Moved whole to the next page when it does not fit (split only if taller than a page).
    case keepTogether
    /// Kept together, and never the last thing on a page.
    case heading
  }

  var parts: [Part]
  /// The canonical offset where the unit's text starts.
  var start: Int
  var placement: Placement
  /// Hyphenates the unit's prose, nil for none.
  var hyphenator: Hyphenator? = nil

  /// The unit for document block `block`, whose text starts at canonical offset `start`,
  /// set in a column `column` cells wide (tables are sized to it).
  init(
    block: Block, start: Int, justify: Bool, column: Int, hyphenator: Hyphenator? = nil,
    totalFit: Bool = true, rightToLeftDocument: Bool = false, strictLineBreaks: Bool = false,
    picture: PictureSize? = nil, pageHeight: Int = .max,
    asciiBorders: Bool = false, loneVerseLine: Bool = false, storage: ClusterStorage? = nil
  ) {
    self.hyphenator = hyphenator
    var style = BlockStyle(block.kind, justify: justify)
    style.totalFit = style.totalFit && totalFit
    if case .listItem = block.kind {
    } else if let containers = block.containers {
      // A list item's second paragraph, code or quote stays under the item's text.
      style.indent(by: 2 * containers.filter { $0.list != nil }.count)
    }
    let capacity = block.inlines.reduce(0) { $0 + $1.text.utf8.count }
    var text = storage?.take(capacity: capacity) ?? ClusterBuffer(capacity: capacity)
    var label: Part?
    switch block.kind {
    case .table:
      Self.appendTable(block, column: column, asciiBorders: asciiBorders, to: &text)
    case .preformatted:
      for inline in block.inlines {
        text.append(inline.text, Self.segment(inline, role: style.role))
      }
      if let language = block.language {
        // The language above the code, in the gutter's colour.
        var name = ClusterBuffer()
        name.append(language, Segment(role: .continuation, isSource: false))
        label = Part(
          text: name, style: BlockStyle(role: .continuation, justify: false), blankBefore: false)
        label?.style.first = BlockStyle.Prefix(pieces: [("  ", .text)])
      }
    case .rule:
      text.append("⁂", Segment(role: .rule, isSource: false))
      for inline in block.inlines { text.append(inline.text, Self.segment(inline, role: .rule)) }
    case .image(let credit) where picture != nil && block.source != nil:
      // The picture itself above, its caption (or alt text) and credit under it.
      for inline in block.inlines { text.append(inline.text, Self.segment(inline, role: .image)) }
      if let credit {
        let lead = block.inlines.isEmpty ? "" : "\u{00A0}— "
        text.append(lead + credit, Segment(role: .credit, isSource: false))
      }
    case .image(let credit):
      let alt = block.plainText
      text.append(alt.isEmpty ? "[Image" : "[Image: ", Segment(role: .image, isSource: false))
      for inline in block.inlines { text.append(inline.text, Self.segment(inline, role: .image)) }
      let tail = credit.map { "\u{00A0}— " + $0 } ?? ""
      text.append(tail + "]", Segment(role: .image, isSource: false))
    default:
      for inline in block.inlines {
        if inline.image != nil {
          // A picture in the text: its alt text in brackets, as a picture block shows it.
          let mark = Segment(role: .image, link: inline.link, isSource: false)
          text.append(inline.text.isEmpty ? "[Image" : "[Image: ", mark)
          text.append(inline.text, Self.segment(inline, role: .image))
          text.append("]", mark)
          continue
        }
        text.append(Self.drawnText(inline), Self.segment(inline, role: style.role))
      }
    }
    if strictLineBreaks { text.keepSmallKanaWithTheirWord() }
    if style.mode == .prose && style.role != .heading && (loneVerseLine || text.containsNewline) {
      // Verse: a line too long for the column turns over indented, so that it does not
      // read as a line of its own, and ragged, as verse is set (a line of verse standing
      // alone too, `Document.isLoneVerseLine`).
      style.continuation.pieces.append(("  ", .text))
      style.justify = false
      style.totalFit = false
    }
    let body = Part(
      text: consume text, style: style, blankBefore: false,
      rightToLeftDocument: rightToLeftDocument, direction: block.direction)
    // Hyphenation patterns are for left-to-right scripts; a right-to-left line keeps words whole.
    if body.bidi?.rightToLeft == true { self.hyphenator = nil }
    // Built in place: joining arrays copied each part (a dozen retains and releases) for
    // every block of a book.
    var parts: [Part] = []
    parts.reserveCapacity(label == nil ? 1 : 2)
    if let label { parts.append(label) }
    parts.append(consume body)
    if case .image = block.kind, let picture, let source = block.source {
      let caption = parts[0]
      let captionLines =
        caption.text.widths.isEmpty
        ? 0
        : LineBreaker.lines(caption.text, widths: style.widths(column: column), mode: style.mode)
          .count
      let slot = PictureSlot(
        source: source, size: picture, column: column, maximumRows: pageHeight - captionLines)
      let drawn = Part(
        text: ClusterBuffer(), style: style, blankBefore: false, picture: slot)
      parts = captionLines == 0 ? [drawn] : [drawn, caption]
    }
    self.parts = consume parts
    self.start = start
    switch block.kind {
    case .heading: placement = .heading
    case .rule, .image, .table: placement = .keepTogether
    default: placement = .splittable
    }
  }

  /// Appends the lines of table `block` set `column` cells wide. Cell text keeps its
  /// offsets (a highlight in a cell is drawn there). Borders and padding sit at the
  /// furthest offset shown so far, so that lines start in order; an offset moves only
  /// after such a piece, never cutting short the text before. (A function of its own: a
  /// local function changing the buffer made it a boxed variable for every block.)
  private static func appendTable(
    _ block: Block, column: Int, asciiBorders: Bool, to text: inout ClusterBuffer
  ) {
    var shown = 0
    var afterText = false
    func add(_ piece: String, _ segment: Segment, source: Int?) {
      if !afterText { text.moveOffset(to: source ?? shown) }
      text.append(piece, segment)
      afterText = source != nil
      if let source { shown = max(shown, source + piece.unicodeScalars.count) }
    }
    for (index, line) in TableLayout(block, ascii: asciiBorders).lines(width: column).enumerated() {
      if index > 0 { add("\n", Segment(role: .text, isSource: false), source: nil) }
      for piece in line.pieces {
        add(
          piece.text,
          Segment(
            role: piece.isBorder ? .rule : .text, inline: piece.isHeader ? .strong : [],
            isSource: piece.source != nil), source: piece.source)
      }
    }
    if !afterText { text.moveOffset(to: shown) }
  }

  init(parts: [Part], start: Int, placement: Placement) {
    self.parts = parts
    self.start = start
    self.placement = placement
  }

  /// A run's text as drawn: superscript digits (footnote references) raised, one scalar
  /// for one, so that offsets stay the canonical text's.
  static func drawnText(_ inline: Inline) -> String {
    guard inline.style.contains(.superscript) else { return inline.text }
    let raised: [Character: Character] = [
      "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸",
      "9": "⁹",
    ]
    return String(inline.text.map { raised[$0] ?? $0 })
  }

  static func segment(_ inline: Inline, role: StyleRole) -> Segment {
    Segment(role: role, inline: inline.style, link: inline.link, isSource: true)
  }

  /// The lines of each part, broken for a column `column` cells wide.
  func spans(column: Int) -> [[LineSpan]] {
    // By index: iterating the parts copied each one (a dozen retains and releases).
    parts.indices.map { index in
      spans(of: parts[index], column: column)
    }
  }

  /// The lines of `part`, broken for a column `column` cells wide.
  func spans(of part: Part, column: Int) -> [LineSpan] {
    guard part.picture == nil else { return [] }
    let widths = part.style.widths(column: column)
    guard part.style.totalFit && part.style.mode == .prose else {
      return LineBreaker.lines(part.text, widths: widths, mode: part.style.mode)
    }
    // Most paragraphs come out of the greedy breaker with no hole and no runt: the total
    // fit (which would keep them, or nearly) is for the others, at a fraction of the cost.
    // The greedy breaker stops at a paragraph's first hole, which sends it to the total fit.
    let justify = part.style.justify
    let greedy = LineBreaker.linesUnlessImprovable(part.text, widths: widths, justify: justify)
    if let greedy,
      !TotalFitBreaker.improves(greedy, part.text, widths: widths, justify: justify)
    {
      return greedy
    }
    return TotalFitBreaker.lines(
      part.text, widths: widths, justify: justify, hyphenator: hyphenator)
      ?? greedy ?? LineBreaker.lines(part.text, widths: widths, mode: .prose)
  }

  /// The canonical offset of each line's first character (blank lines inside the unit
  /// take the offset of the line after them).
  func lineOffsets(column: Int) -> [Int32] { measure(column: column).offsets }

  /// The lines' offsets (as `lineOffsets`) and the lines that end with a drawn hyphen.
  func measure(column: Int) -> (offsets: [Int32], hyphenated: [Int32]) {
    var offsets: [Int32] = []
    var hyphenated: [Int32] = []
    for index in parts.indices {
      let part = parts[index]
      let spans = spans(of: part, column: column)
      if let picture = part.picture {
        offsets += repeatElement(Int32(start), count: picture.rows)
        continue
      }
      if part.blankBefore { offsets.append(Int32(start) + part.text.offsets[0]) }
      for span in spans {
        if span.hyphen { hyphenated.append(Int32(offsets.count)) }
        offsets.append(Int32(start) + part.text.offsets[span.start])
      }
    }
    return (offsets, hyphenated)
  }
}
