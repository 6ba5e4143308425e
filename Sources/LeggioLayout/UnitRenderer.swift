import LeggioModel
/// Draws a unit's lines into a `LineSink`: prefixes (bullets, quote bars, continuation
/// marks), centring, justification and the runs of text, control symbols and tabs.
///
/// Justification spreads the spare cells of a line evenly over its gaps between words
/// (gap `k` of `g` gets `extra·k/g − extra·(k−1)/g` cells); only lines that ended at a
/// normal break are justified, never the last line of a paragraph, a line before a hard
/// break, or a line cut inside a word. Tab stops are reckoned before justification.
enum UnitRenderer {
  static func render<Sink: LineSink>(
    _ unit: FlowUnit, geometry: ColumnGeometry, into sink: inout Sink
  ) {
    // Each part borrowed through a pointer and broken as it is drawn: iterating the parts,
    // or reading them by index, copied each one (a dozen retains and releases).
    unit.parts.withUnsafeBufferPointer { parts in
      for index in parts.indices {
        let spans = unit.spans(of: parts[index], column: geometry.width)
        renderPart(parts[index], spans: spans, start: unit.start, geometry: geometry, into: &sink)
      }
    }
  }

  /// Draws `unit`, which is used up, and hands the text of its last part (a block's body)
  /// to `storage` for the next block. The parts are moved out of the unit and drawn from
  /// there: read through a pointer (`render`), each part was copied twice a block, a dozen
  /// retains and releases each time.
  static func render<Sink: LineSink>(
    consuming unit: consuming FlowUnit, geometry: ColumnGeometry, into sink: inout Sink,
    recycling storage: ClusterStorage
  ) {
    var parts: [FlowUnit.Part] = []
    swap(&parts, &unit.parts)
    parts.reverse()
    while let part = parts.popLast() {
      let spans = unit.spans(of: part, column: geometry.width)
      renderPart(part, spans: spans, start: unit.start, geometry: geometry, into: &sink)
      if parts.isEmpty && part.picture == nil { storage.recycle(text: part.text) }
    }
  }

  private static func renderPart<Sink: LineSink>(
    _ part: FlowUnit.Part, spans: [LineSpan], start: Int, geometry: ColumnGeometry,
    into sink: inout Sink
  ) {
    if let picture = part.picture {
      for row in 0..<picture.rows {
        sink.pictureLine(
          PictureRow(
            source: picture.source, row: row, rows: picture.rows,
            column: geometry.left + picture.indent, columns: picture.columns),
          position: start)
      }
      return
    }
    if part.blankBefore { sink.blankLine(position: start + Int(part.text.offsets[0])) }
    var special = 0  // where the last line's search in `specials` ended
    for span in spans {
      renderLine(span, part: part, start: start, geometry: geometry, special: &special, into: &sink)
    }
  }

  static func renderLine<Sink: LineSink>(
    _ span: LineSpan, part: FlowUnit.Part, start: Int, geometry: ColumnGeometry,
    special: inout Int, into sink: inout Sink
  ) {
    let text = part.text
    let style = part.style
    var x = geometry.left
    let prefix = style.prefix(span.kind)
    for piece in prefix.pieces {
      let cells = CellWidth.of(piece.text)
      if piece.text.contains(where: { $0 != " " }) {
        sink.decoration(piece.text, column: x, cells: cells, role: piece.role)
      }
      x += cells
    }
    let textWidth = geometry.width - prefix.cells
    if style.centred { x += max(0, (textWidth - span.cells) / 2) }
    let extra = style.justify && span.ending == .soft && span.gaps > 0 ? textWidth - span.cells : 0
    if let bidi = part.bidi {
      // Right to left: the line against the right edge, its clusters in visual order.
      if bidi.rightToLeft && !style.centred && extra <= 0 { x += max(0, textWidth - span.cells) }
      BidiLineRenderer.draw(
        span, text: text, bidi: bidi, start: start, x: x, extra: extra, into: &sink)
    } else {
      text.classes.withUnsafeBufferPointer { classes in
        text.widths.withUnsafeBufferPointer { widths in
          text.specials.withUnsafeBufferPointer { specials in
            drawText(
              span, text: text, classes: classes, widths: widths,
              specials: text.uniform ? specials : nil, start: start, x: x,
              extra: extra, special: &special, into: &sink)
          }
        }
      }
    }
    if span.hyphen {
      // The hyphen of a word broken at the line's end: drawn, never part of the text.
      let role = text.segments[text.segmentIndex(containing: max(span.start, span.end - 1))].role
      sink.decoration("-", column: x + span.cells - 1 + max(0, extra), cells: 1, role: role)
    }
    let lower = Int(text.offsets[span.start])
    let upper = Int(text.offsets[span.end])
    sink.endLine(
      source: upper > lower ? (start + lower)..<(start + upper) : nil, position: start + lower)
  }

  /// The text of a line from column `x`, with `extra` cells spread over its gaps.
  private static func drawText<Sink: LineSink>(
    _ span: LineSpan, text: ClusterBuffer, classes: UnsafeBufferPointer<BreakClass>,
    widths: UnsafeBufferPointer<UInt8>, specials: UnsafeBufferPointer<Int32>?, start: Int, x: Int,
    extra: Int, special: inout Int, into sink: inout Sink
  ) {
    let gaps = span.gaps
    assert(
      extra <= 0 || gaps == countGaps(classes, span.start..<span.end), "breaker miscounted gaps")
    let extra = gaps > 0 ? max(0, extra) : 0
    if Sink.drawsUniformLines && specials != nil {
      // Found on the line's bytes, its gaps need no special clusters (nor `special`).
      sink.uniformLine(text, span.start..<span.end, column: x, extra: extra, gaps: gaps)
      return
    }
    if let specials {
      while special > 0 && Int(specials[special - 1]) >= span.start { special -= 1 }
      while special < specials.count && Int(specials[special]) < span.start { special += 1 }
    }
    // An empty line (an empty paragraph has no segments) draws nothing.
    guard span.start < span.end else { return }
    let spread =
      gaps > 0 ? extra.quotientAndRemainder(dividingBy: gaps) : (quotient: 0, remainder: 0)
    var remainder = 0
    var segmentIndex = text.segmentIndex(containing: span.start)
    var segmentEnd = text.segments[segmentIndex].clusterEnd
    var runStart = span.start
    var runColumn = x
    var runCells = 0
    var cells = 0
    var seenVisible = false
    var i = span.start

    func source(_ range: Range<Int>) -> Range<Int>? {
      guard text.segments[segmentIndex].isSource else { return nil }
      return
        (start + Int(text.offsets[range.lowerBound]))..<(start + Int(text.offsets[range.upperBound]))
    }
    func flush() {
      if i > runStart {
        sink.text(
          text, runStart..<i, column: runColumn, cells: runCells, segment: segmentIndex,
          source: Sink.wantsRuns ? source(runStart..<i) : nil)
      }
      runStart = i
      runColumn += runCells
      runCells = 0
    }

    while i < span.end {
      if i >= segmentEnd {
        flush()
        segmentIndex = text.segmentIndex(containing: i, from: segmentIndex)
        segmentEnd = text.segments[segmentIndex].clusterEnd
      }
      // Fast path through the clusters drawn as they are, up to a space or a symbol.
      let limit = min(span.end, segmentEnd)
      var added = 0
      let wordStart = i
      if let specials {
        // Normal clusters are one cell each: jump from special cluster to special cluster.
        while i < limit {
          while special < specials.count && Int(specials[special]) < i { special += 1 }
          let next = min(special < specials.count ? Int(specials[special]) : limit, limit)
          added += next - i
          i = next
          if i >= limit { break }
          let cls = classes[i]
          if cls == .space || cls == .control || cls == .tab { break }
          added += Int(widths[i])
          i += 1
        }
      } else {
        while i < limit {
          let cls = classes[i]
          if cls == .space || cls == .control || cls == .tab || cls == .softHyphen { break }
          added += Int(widths[i])
          i += 1
        }
      }
      if i > wordStart {
        runCells += added
        cells += added
        seenVisible = true
        continue
      }
      let cls = classes[i]
      if cls == .softHyphen {
        // Invisible unless a line ends at it (then the hyphen is drawn after the line).
        flush()
        i += 1
        runStart = i
        continue
      }
      if cls == .control || cls == .tab {
        flush()
        let segment = text.segments[segmentIndex]
        let drawn = text.drawnControl(i, isTab: cls == .tab, segment: segment, cells: cells)
        sink.symbol(
          drawn.symbol, column: runColumn, cells: drawn.cells, role: drawn.role,
          inline: segment.inline, source: source(i..<i + 1))
        runColumn += drawn.cells
        cells += drawn.cells
        i += 1
        runStart = i
        if cls == .control { seenVisible = true }
        continue
      }
      let width = Int(widths[i])
      runCells += width
      cells += width
      i += 1
      if cls == .space {
        if extra > 0 && seenVisible && (i == span.end || classes[i] != .space) {
          // Bresenham: gap k gets extra·k/g − extra·(k−1)/g cells without dividing.
          remainder += spread.remainder
          var add = spread.quotient
          if remainder >= gaps {
            remainder -= gaps
            add += 1
          }
          flush()
          runColumn += add
        }
      } else {
        seenVisible = true
      }
    }
    flush()
  }

  /// The space runs between words in `range` (leading spaces are not a gap).
  static func countGaps(_ classes: UnsafeBufferPointer<BreakClass>, _ range: Range<Int>) -> Int {
    var gaps = 0
    var seenVisible = false
    for i in range {
      if classes[i] == .space {
        if seenVisible && (i + 1 == range.upperBound || classes[i + 1] != .space) { gaps += 1 }
      } else if classes[i] != .tab {
        seenVisible = true
      }
    }
    return gaps
  }
}
