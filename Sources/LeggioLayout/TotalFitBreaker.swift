/// Total-fit line breaking (after Knuth and Plass) for prose on a grid of cells: every
/// way of breaking a paragraph is weighed at once and the cheapest kept, where the greedy
/// breaker fills each line without looking ahead.
///
/// The costs suit cells, not points. Gaps between words cannot shrink below one cell, so
/// a line either fits or not; a justified line costs by how wide its gaps must grow (the
/// widest gap above all: 3 and 4 cells are what the eye sees as holes) and by their
/// unevenness; a ragged line by the cells it leaves empty. Hyphenated line ends cost, two
/// in a row cost more, three are never chosen, nor a hyphen on the line before the last;
/// a last line of one word (a runt) costs. Breaks come from `Hyphenator` and the same
/// rules as the greedy breaker (spaces; after hyphens and dashes; never before closing or
/// after opening punctuation).
///
/// The active set holds only the breaks a line could still start from (those less than a
/// line's width back), so the work is linear in the paragraph's length times the words
/// on a line. Paragraphs with tabs, control symbols, wide (CJK) text or words longer than
/// a line return nil and keep the greedy breaker, which handles them.
enum TotalFitBreaker {
  /// One feasible break: the line ending here, and the best way of reaching it.
  private struct Node {
    /// Content up to `end`; the next line starts at `next`.
    var end: Int
    var next: Int
    /// Prefix cells and gaps (from the segment's start) at `next`.
    var nextCells: Int
    var nextGaps: Int
    /// The line that ends here.
    var cells: Int
    var gaps: Int
    var hyphen: Bool
    /// Hyphenated lines in a row ending here (0 when this line is not hyphenated).
    var run: Int
    var total: Int
    var previous: Int
  }

  /// The cheapest line found so far to a candidate.
  private struct Choice {
    var total = Int.max
    var from = -1
    var cells = 0
    var gaps = 0
  }

  /// A place a line may end: content up to `end` (prefix `endCells`, `endGaps`), the
  /// next line from `next` (prefix `nextCells`, `nextGaps`).
  private struct Candidate {
    var end: Int
    var endCells: Int
    var endGaps: Int
    var next: Int
    var nextCells: Int
    var nextGaps: Int
    var hyphen: Bool
    /// A break inside a word that draws no hyphen (after an elision's apostrophe).
    var elision = false
  }

  // Costs (demerits): a line's badness is squared with a base of 10, as TeX does.
  static let hyphenCost = 3_000
  static let doubleHyphenCost = 12_000
  static let hyphenBeforeLastCost = 5_000
  static let runtCost = 30_000

  /// Whether the total fit can do better than `greedy`: some justified line has a gap of
  /// three cells or more (or one word alone), a word had to be cut, or the last line is a
  /// runt.
  static func improves(
    _ greedy: [LineSpan], _ text: ClusterBuffer, widths: LineWidths, justify: Bool
  ) -> Bool {
    guard greedy.count > 1 else { return false }
    if greedy.contains(where: { isImprovable($0, widths, justify) }) { return true }
    let last = greedy[greedy.count - 1]
    guard last.ending == .last, last.end > last.start else { return false }
    return text.classes.withUnsafeBufferPointer {
      UnitRenderer.countGaps($0, last.start..<last.end) == 0
    }
  }

  /// Whether the total fit may set better a paragraph whose greedy lines hold `span`: a
  /// word cut where it did not fit (perhaps at a soft hyphen instead; else the total fit
  /// fails too and the greedy lines stay), or a justified line with a gap of three cells
  /// or more, or one word alone.
  static func isImprovable(_ span: LineSpan, _ widths: LineWidths, _ justify: Bool) -> Bool {
    if span.ending == .forced { return true }
    guard justify && span.ending == .soft else { return false }
    let extra = widths(span.kind) - span.cells
    return extra > 0 && (span.gaps == 0 || (extra + span.gaps - 1) / span.gaps >= 2)
  }

  /// The lines of `text`, or nil when the greedy breaker must set it.
  static func lines(
    _ text: ClusterBuffer, widths: LineWidths, justify: Bool, hyphenator: Hyphenator?
  ) -> [LineSpan]? {
    let supported = text.classes.withUnsafeBufferPointer { classes in
      !classes.contains {
        $0 == .tab || $0 == .control || $0 == .ideographic || $0 == .zeroWidthSpace
      }
    }
    guard supported else { return nil }
    if hyphenator != nil {
      // TeX's first pass: without hyphens, within a tight tolerance. Most paragraphs set
      // this way (no hole, no runt), and their words are never looked up.
      var plain = Breaker(text: text, widths: widths, justify: justify, hyphenator: nil)
      plain.tolerance = justify ? max(6, widths.continuation / 4) : raggedPretolerance(widths)
      plain.pretolerant = true
      if let spans = plain.lines(), !hasRunt(spans, text) { return spans }
    }
    var breaker = Breaker(text: text, widths: widths, justify: justify, hyphenator: hyphenator)
    breaker.tolerance = max(6, widths.continuation / 4)
    if let spans = breaker.lines() { return spans }
    // The emergency pass: every line that fits (long words may need loose lines).
    breaker.tolerance = .max
    return breaker.lines()
  }

  /// The most cells a ragged line may leave empty in the first pass, without hyphens.
  static func raggedPretolerance(_ widths: LineWidths) -> Int {
    max(3, widths.continuation / 10)
  }

  /// Whether the last line of `spans` (two or more) holds one word alone.
  static func hasRunt(_ spans: [LineSpan], _ text: ClusterBuffer) -> Bool {
    guard spans.count > 1, let last = spans.last, last.end > last.start else { return false }
    return text.classes.withUnsafeBufferPointer {
      UnitRenderer.countGaps($0, last.start..<last.end) == 0
    }
  }

  /// The breaking of one paragraph's segments (the text between hard line breaks).
  private struct Breaker {
    let text: ClusterBuffer
    let widths: LineWidths
    let justify: Bool
    let hyphenator: Hyphenator?
    private var nodes: [Node] = []
    /// Indices in `nodes` of the active breaks, oldest first, from `activeStart` on.
    private var active: [Int] = []
    private var activeStart = 0
    private var wordBreaks: [Hyphenator.Break] = []
    /// The most cells a line (not the last) may leave empty; lines looser than that are
    /// considered only when nothing else sets the paragraph.
    var tolerance = Int.max
    /// The first pass's test (TeX's pretolerance): a justified line (not the last) may
    /// have no gap of three cells or more and no word alone; a ragged one may leave
    /// `tolerance` cells at most. A paragraph that cannot be set so returns nil.
    var pretolerant = false

    init(text: ClusterBuffer, widths: LineWidths, justify: Bool, hyphenator: Hyphenator?) {
      self.text = text
      self.widths = widths
      self.justify = justify
      self.hyphenator = hyphenator
      // A break node for most spaces (a word is five or six clusters with its space) and
      // a few inside words: grown from nothing, the arrays were copied a dozen times
      // for each paragraph.
      nodes.reserveCapacity(text.count / 4 + 8)
      active.reserveCapacity(text.count / 4 + 8)
    }

    /// The lines of the whole text, segment by segment; nil when one cannot be set.
    mutating func lines() -> [LineSpan]? {
      var spans: [LineSpan] = []
      spans.reserveCapacity(text.count / max(1, widths.continuation / 2) + 2)
      var segmentStart = 0
      var kind = LineSpan.Kind.first
      let n = text.count
      while true {
        var segmentEnd = segmentStart
        text.classes.withUnsafeBufferPointer { classes in
          while segmentEnd < n && classes[segmentEnd] != .newline { segmentEnd += 1 }
        }
        let last = segmentEnd == n
        guard
          segment(segmentStart..<segmentEnd, kind: kind, ending: last ? .last : .hard, into: &spans)
        else { return nil }
        if last { return spans }
        segmentStart = segmentEnd + 1
        kind = .afterHardBreak
      }
    }

    /// Breaks clusters `range` (no newline inside) into `spans`; false when some stretch
    /// cannot be set without overflowing a line.
    mutating func segment(
      _ range: Range<Int>, kind: LineSpan.Kind, ending: LineSpan.Ending,
      into spans: inout [LineSpan]
    ) -> Bool {
      nodes.removeAll(keepingCapacity: true)
      active.removeAll(keepingCapacity: true)
      activeStart = 0
      nodes.append(
        Node(
          end: range.lowerBound, next: range.lowerBound, nextCells: 0, nextGaps: 0, cells: 0,
          gaps: 0, hyphen: false, run: 0, total: 0, previous: -1))
      active.append(0)
      let firstWidth = widths(kind)
      let otherWidth = widths(.continuation)
      let lower = range.lowerBound
      let upper = range.upperBound
      var cells = 0
      var gaps = 0
      var seenVisible = false
      var contentEnd = lower
      var contentCells = 0
      var contentGaps = 0
      let classes = text.classes
      let cellWidths = text.widths
      // In uniform text (every letter one cell) a word is measured from special cluster
      // to special cluster, not cluster by cluster: `special` is the first special cluster
      // at or after the word being read.
      let specials = text.uniform ? text.specials : []
      var special = text.uniform ? Self.firstSpecial(specials, atOrAfter: lower) : 0
      var i = lower
      while i < upper {
        if classes[i] == .space {
          let runStart = i
          let runCells = cells
          while i < upper && classes[i] == .space {
            cells += Int(cellWidths[i])
            i += 1
          }
          let gapHere = seenVisible && i < upper
          if runStart > lower && i < upper && classes[i] != .closing
            && classes[runStart - 1] != .opening
          {
            let candidate = Candidate(
              end: runStart, endCells: runCells, endGaps: gaps, next: i, nextCells: cells,
              nextGaps: gaps + 1, hyphen: false)
            guard consider(candidate, firstWidth: firstWidth, otherWidth: otherWidth, last: false)
            else { return false }
          }
          if gapHere { gaps += 1 }
          continue
        }
        // A word: clusters up to the next space.
        let wordStart = i
        let wordCells = cells
        var wordEnd = i
        var endCells = cells
        var dashes = false
        if text.uniform {
          while special < specials.count && Int(specials[special]) < wordStart { special += 1 }
          wordEnd = upper
          var specialsInWord = 0
          var specialCells = 0
          while special < specials.count {
            let k = Int(specials[special])
            guard k < upper else { break }
            let cls = classes[k]
            if cls == .space {
              wordEnd = k
              break
            }
            specialsInWord += 1
            specialCells += Int(cellWidths[k])
            dashes = dashes || cls == .hyphen || cls == .softHyphen
            special += 1
          }
          endCells += wordEnd - wordStart - specialsInWord + specialCells
        } else {
          while wordEnd < upper && classes[wordEnd] != .space {
            endCells += Int(cellWidths[wordEnd])
            dashes = dashes || classes[wordEnd] == .hyphen || classes[wordEnd] == .softHyphen
            wordEnd += 1
          }
        }
        wordBreaks.removeAll(keepingCapacity: true)
        if let hyphenator, wordEnd - wordStart >= 4,
          overflows(wordCells, endCells, firstWidth, otherWidth)
        {
          hyphenator.breaks(in: text, wordStart..<wordEnd, into: &wordBreaks)
        }
        var nextBreak = 0
        var c = wordCells
        for k in wordStart..<(dashes || !wordBreaks.isEmpty ? wordEnd : wordStart) {
          c += Int(cellWidths[k])
          let end = k + 1
          guard end < wordEnd else { break }
          var hyphen: Bool? = nil
          while nextBreak < wordBreaks.count && wordBreaks[nextBreak].end < end { nextBreak += 1 }
          if nextBreak < wordBreaks.count && wordBreaks[nextBreak].end == end {
            hyphen = wordBreaks[nextBreak].hyphen
          } else if classes[k] == .softHyphen && k > wordStart {
            hyphen = true
          } else if classes[k] == .hyphen && k > wordStart && classes[k - 1] != .hyphen
            && classes[end] != .hyphen && classes[end] != .closing
          {
            hyphen = false
          }
          if let hyphen {
            let candidate = Candidate(
              end: end, endCells: c, endGaps: gaps, next: end, nextCells: c, nextGaps: gaps,
              hyphen: hyphen,
              elision: !hyphen && nextBreak < wordBreaks.count && wordBreaks[nextBreak].end == end)
            guard consider(candidate, firstWidth: firstWidth, otherWidth: otherWidth, last: false)
            else { return false }
          }
        }
        cells = endCells
        i = wordEnd
        seenVisible = true
        contentEnd = wordEnd
        contentCells = endCells
        contentGaps = gaps
      }
      if contentEnd == lower {
        // An empty line (or spaces only) between hard breaks.
        spans.append(LineSpan(start: lower, end: lower, cells: 0, kind: kind, ending: ending))
        return true
      }
      let final = Candidate(
        end: contentEnd, endCells: contentCells, endGaps: contentGaps, next: upper,
        nextCells: cells, nextGaps: gaps, hyphen: false)
      guard consider(final, firstWidth: firstWidth, otherWidth: otherWidth, last: true),
        let best = nodes.indices.last
      else { return false }
      // Back from the last break to the first.
      var chain: [Int] = []
      var node = best
      while node > 0 {
        chain.append(node)
        node = nodes[node].previous
      }
      for (k, index) in chain.reversed().enumerated() {
        let line = nodes[index]
        let from = nodes[line.previous]
        let isLast = k == chain.count - 1
        spans.append(
          LineSpan(
            start: from.next, end: line.end, cells: line.cells,
            kind: line.previous == 0 ? kind : .continuation, ending: isLast ? ending : .soft,
            gaps: isLast ? 0 : line.gaps, hyphen: line.hyphen))
      }
      return true
    }

    /// The index in `specials` (ascending) of the first at or after cluster `cluster`.
    static func firstSpecial(_ specials: [Int32], atOrAfter cluster: Int) -> Int {
      var low = 0
      var high = specials.count
      while low < high {
        let middle = (low + high) / 2
        if Int(specials[middle]) < cluster { low = middle + 1 } else { high = middle }
      }
      return low
    }

    /// Whether a word from prefix `wordStart` to `cells` would overflow the longest line
    /// that can still be started: only then are its hyphenation points looked up.
    private mutating func overflows(
      _ wordStart: Int, _ cells: Int, _ firstWidth: Int, _ otherWidth: Int
    ) -> Bool {
      dropOverflowing(upTo: wordStart, firstWidth, otherWidth)
      guard activeStart < active.count else { return false }
      let oldest = nodes[active[activeStart]]
      let width = active[activeStart] == 0 ? firstWidth : otherWidth
      return cells - oldest.nextCells > width
    }

    /// Forgets the breaks whose line would overflow before prefix `cells`: they can start
    /// no line from here on.
    private mutating func dropOverflowing(upTo cells: Int, _ firstWidth: Int, _ otherWidth: Int) {
      while activeStart < active.count {
        let index = active[activeStart]
        let width = index == 0 ? firstWidth : otherWidth
        guard cells - nodes[index].nextCells > width else { break }
        activeStart += 1
      }
    }

    /// Weighs every line from an active break to `candidate`; adds the best as new
    /// breaks (one per run of hyphens). False when no line can reach it.
    private mutating func consider(
      _ candidate: Candidate, firstWidth: Int, otherWidth: Int, last: Bool
    ) -> Bool {
      dropOverflowing(upTo: candidate.endCells, firstWidth, otherWidth)
      guard activeStart < active.count else { return false }
      // The best line to here for each run of hyphens it would end (0, 1 or 2).
      var choices = (Choice(), Choice(), Choice())
      for slot in activeStart..<active.count {
        let index = active[slot]
        let start = nodes[index]
        guard candidate.end > start.next else { continue }
        let width = index == 0 ? firstWidth : otherWidth
        let cells = candidate.endCells - start.nextCells + (candidate.hyphen ? 1 : 0)
        guard cells <= width else { continue }
        // Newer breaks only make looser lines: past the tolerance, stop looking.
        if !last && width - cells > tolerance { break }
        // Newer breaks make lines with more room and fewer gaps: past a hole, stop too.
        if pretolerant && !last && justify && width - cells > candidate.endGaps - start.nextGaps {
          break
        }
        let gaps = candidate.endGaps - start.nextGaps
        var demerits: Int
        if last {
          demerits = 0
          if index != 0 && gaps == 0 { demerits += TotalFitBreaker.runtCost }
          if start.run > 0 { demerits += TotalFitBreaker.hyphenBeforeLastCost }
        } else {
          let badness = min(
            10_000, Self.badness(extra: width - cells, gaps: gaps, justify: justify))
          demerits = (10 + badness) * (10 + badness)
        }
        if candidate.elision { demerits += TotalFitBreaker.hyphenCost }
        var choice = Choice(total: start.total + demerits, from: index, cells: cells, gaps: gaps)
        if candidate.hyphen {
          switch start.run {
          case 0:
            choice.total += TotalFitBreaker.hyphenCost
            if choice.total < choices.1.total { choices.1 = choice }
          case 1:
            choice.total += TotalFitBreaker.hyphenCost + TotalFitBreaker.doubleHyphenCost
            if choice.total < choices.2.total { choices.2 = choice }
          default: continue
          }
        } else if choice.total < choices.0.total {
          choices.0 = choice
        }
      }
      let added = choices.0.from >= 0 || choices.1.from >= 0 || choices.2.from >= 0
      add(choices.0, run: 0, at: candidate)
      add(choices.1, run: 1, at: candidate)
      add(choices.2, run: 2, at: candidate)
      // A candidate no line reaches is skipped; failing is only for the paragraph's end
      // (which is never hyphenated, so its one node is the last).
      return !last || added
    }

    private mutating func add(_ choice: Choice, run: Int, at candidate: Candidate) {
      guard choice.from >= 0 else { return }
      nodes.append(
        Node(
          end: candidate.end, next: candidate.next, nextCells: candidate.nextCells,
          nextGaps: candidate.nextGaps, cells: choice.cells, gaps: choice.gaps,
          hyphen: candidate.hyphen, run: run, total: choice.total, previous: choice.from))
      active.append(nodes.count - 1)
    }

    /// How bad a line is that leaves `extra` cells to spread over `gaps` gaps.
    static func badness(extra: Int, gaps: Int, justify: Bool) -> Int {
      guard extra > 0 else { return 0 }
      guard justify else { return extra * extra / 2 }
      // One word alone on a justified line cannot be spread: as bad as a hole.
      guard gaps > 0 else { return 2_000 + 50 * extra }
      var badness = 40 * extra * extra * extra / (gaps * gaps * gaps)
      // The widest gap is 1 + ⌈extra / gaps⌉ cells: 3 or more when extra > gaps, 4 or
      // more when extra > 2·gaps.
      if extra > gaps { badness += 300 }
      if extra > 2 * gaps { badness += 1_500 }
      if extra % gaps != 0 { badness += 2 }
      return badness
    }
  }
}
