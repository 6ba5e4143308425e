import LeggioModel

/// Draws one line of a paragraph with right-to-left text in visual order: the clusters of
/// the logical span, reordered by `BidiParagraph`, left to right on the screen. A run of
/// clusters that reads left to right (a Latin word, a number) stays one piece; clusters of
/// a right-to-left run are drawn one by one, each with its own canonical offsets, so that
/// every cell still knows the logical text it shows. Brackets in right-to-left runs are
/// mirrored; justification spreads the spare cells over the gaps as they appear on screen.
enum BidiLineRenderer {
  static func draw<Sink: LineSink>(
    _ span: LineSpan, text: ClusterBuffer, bidi: BidiParagraph, start: Int, x: Int, extra: Int,
    into sink: inout Sink
  ) {
    let order = bidi.visualOrder(span.start..<span.end)
    let classes = text.classes
    func isSpace(_ cluster: Int) -> Bool { classes[cluster] == .space }
    // A gap ends at a space whose right neighbour on screen is not a space, with
    // something visible to its left.
    var gapEnds = Set<Int>()
    var seenVisible = false
    for (position, cluster) in order.enumerated() {
      if isSpace(cluster) {
        if seenVisible && position + 1 < order.count && !isSpace(order[position + 1]) {
          gapEnds.insert(position)
        }
      } else if classes[cluster] != .softHyphen {
        seenVisible = true
      }
    }
    let gaps = gapEnds.count
    let spread =
      gaps > 0 && extra > 0
      ? extra.quotientAndRemainder(dividingBy: gaps) : (quotient: 0, remainder: 0)
    var remainder = 0

    var column = x
    var cells = 0  // for tab stops, counted from the line's start
    var segmentIndex = 0
    // The pending run: clusters runStart..<runEnd in logical order, from runColumn.
    var runStart = -1
    var runEnd = -1
    var runColumn = x
    var runCells = 0
    var runSegment = 0

    func source(_ range: Range<Int>, _ segment: Int) -> Range<Int>? {
      guard text.segments[segment].isSource else { return nil }
      return
        (start + Int(text.offsets[range.lowerBound]))..<(start + Int(text.offsets[range.upperBound]))
    }
    func flush() {
      if runStart >= 0 && runEnd > runStart {
        sink.text(
          text, runStart..<runEnd, column: runColumn, cells: runCells, segment: runSegment,
          source: Sink.wantsRuns ? source(runStart..<runEnd, runSegment) : nil)
      }
      runStart = -1
      runCells = 0
    }

    for (position, cluster) in order.enumerated() {
      segmentIndex = text.segmentIndex(
        containing: cluster,
        from: text.segments[segmentIndex].clusterStart <= cluster ? segmentIndex : 0)
      let cls = classes[cluster]
      let width = Int(text.widths[cluster])
      if cls == .softHyphen { continue }
      if cls == .control || cls == .tab {
        flush()
        let segment = text.segments[segmentIndex]
        let drawn = text.drawnControl(cluster, isTab: cls == .tab, segment: segment, cells: cells)
        sink.symbol(
          drawn.symbol, column: column, cells: drawn.cells, role: drawn.role,
          inline: segment.inline, source: source(cluster..<cluster + 1, segmentIndex))
        column += drawn.cells
        cells += drawn.cells
        continue
      }
      let scalar = bidi.isRightToLeft(cluster) ? mirroredScalar(text, cluster) : nil
      if let scalar {
        flush()
        let segment = text.segments[segmentIndex]
        sink.symbol(
          String(scalar), column: column, cells: width, role: segment.role, inline: segment.inline,
          source: source(cluster..<cluster + 1, segmentIndex))
      } else {
        if runStart < 0 || cluster != runEnd || segmentIndex != runSegment {
          flush()
          runStart = cluster
          runColumn = column
          runSegment = segmentIndex
        }
        runEnd = cluster + 1
        runCells += width
      }
      column += width
      cells += width
      if gapEnds.contains(position) && spread.quotient + spread.remainder > 0 {
        remainder += spread.remainder
        var add = spread.quotient
        if remainder >= gaps {
          remainder -= gaps
          add += 1
        }
        flush()
        column += add
      }
    }
    flush()
  }

  /// The mirrored form of a one-scalar cluster drawn right to left, nil when it has none.
  private static func mirroredScalar(_ text: ClusterBuffer, _ cluster: Int) -> Unicode.Scalar? {
    let scalars = text.string(cluster..<cluster + 1).unicodeScalars
    guard scalars.count == 1, let scalar = scalars.first, scalar.properties.isBidiMirrored else {
      return nil
    }
    let mirrored = BidiParagraph.mirrored(scalar)
    return mirrored == scalar ? nil : mirrored
  }
}
