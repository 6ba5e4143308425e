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
  /// One feasible break: the line ending here, and the best way of reaching it. The
  /// fields the search reads for every line come first.
  private struct Node {
    /// The next line starts at `next`, at prefix cells and gaps (from the segment's
    /// start) `nextCells` and `nextGaps`.
    var next: Int
    var nextCells: Int
    var nextGaps: Int
    var total: Int
    /// Hyphenated lines in a row ending here (0 when this line is not hyphenated).
    var run: Int
    /// Content up to `end`.
    var end: Int
    /// The line that ends here.
    var cells: Int
    var gaps: Int
    var previous: Int
    var hyphen: Bool
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

  /// The lines of `text`, or nil when the greedy breaker must set it. `stepBySpecials:
  /// false` walks uniform text cluster by cluster too, for the tests that hold the two
  /// ways to the same lines.
  static func lines(
    _ text: ClusterBuffer, widths: LineWidths, justify: Bool, hyphenator: Hyphenator?,
    stepBySpecials: Bool = true
  ) -> [LineSpan]? {
    let uniform = text.uniform && stepBySpecials
    let supported = text.classes.withUnsafeBufferPointer { classes in
      let unsupported = { (cls: BreakClass) in
        cls == .tab || cls == .control || cls == .ideographic || cls == .zeroWidthSpace
      }
      // In uniform text only the special clusters can be any of those.
      guard uniform else { return !classes.contains(where: unsupported) }
      return text.specials.withUnsafeBufferPointer { specials in
        !specials.contains { unsupported(classes[Int($0)]) }
      }
    }
    guard supported else { return nil }
    if hyphenator != nil {
      // TeX's first pass: without hyphens, within a tight tolerance. Most paragraphs set
      // this way (no hole, no runt), and their words are never looked up.
      var plain = Breaker(
        text: text, uniform: uniform, widths: widths, justify: justify, hyphenator: nil)
      plain.tolerance = justify ? max(6, widths.continuation / 4) : raggedPretolerance(widths)
      plain.pretolerant = true
      if let spans = plain.lines(), !hasRunt(spans, text) { return spans }
    }
    var breaker = Breaker(
      text: text, uniform: uniform, widths: widths, justify: justify, hyphenator: hyphenator)
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
  ///
  /// The search runs for every space of the paragraphs it sets, so its inner loops read
  /// the clusters and the break nodes through pointers, with wrapping arithmetic (every
  /// quantity is bounded by the paragraph's cells), and the nodes that no line can still
  /// start from are passed over by an index, not removed.
  private struct Breaker {
    let text: ClusterBuffer
    /// Whether words are measured from special cluster to special cluster (`text` is
    /// uniform, and the tests have not asked for the cluster walk).
    let uniform: Bool
    let widths: LineWidths
    let justify: Bool
    let hyphenator: Hyphenator?
    /// Every break found, in the order of the text; those from `activeStart` on are the
    /// active ones (a line could still start there).
    private var nodes: [Node] = []
    private var activeStart = 0
    private var wordBreaks: [Hyphenator.Break] = []
    /// The most cells a line (not the last) may leave empty; lines looser than that are
    /// considered only when nothing else sets the paragraph.
    var tolerance = Int.max
    /// The first pass's test (TeX's pretolerance): a justified line (not the last) may
    /// have no gap of three cells or more and no word alone; a ragged one may leave
    /// `tolerance` cells at most. A paragraph that cannot be set so returns nil.
    var pretolerant = false
    /// `justifiedDemerits`, fetched once per paragraph rather than for every line.
    private let justifiedDemerits = Breaker.justifiedDemerits

    init(
      text: ClusterBuffer, uniform: Bool, widths: LineWidths, justify: Bool,
      hyphenator: Hyphenator?
    ) {
      self.text = text
      self.uniform = uniform
      self.widths = widths
      self.justify = justify
      self.hyphenator = hyphenator
      // A break node for most spaces (a word is five or six clusters with its space),
      // and with hyphens up to three for a break inside a word: grown from nothing, the
      // array was copied a dozen times for each paragraph.
      nodes.reserveCapacity(text.count / (hyphenator == nil ? 4 : 2) + 8)
    }

    /// The lines of the whole text, segment by segment; nil when one cannot be set.
    mutating func lines() -> [LineSpan]? {
      var spans: [LineSpan] = []
      spans.reserveCapacity(text.count / max(1, widths.continuation / 2) + 2)
      var segmentStart = 0
      var kind = LineSpan.Kind.first
      // A copy, so that the mutating search may run while its arrays are lent out.
      let text = self.text
      let uniform = self.uniform
      let n = text.count
      var special = 0
      while true {
        var segmentEnd = segmentStart
        text.classes.withUnsafeBufferPointer { classes in
          guard uniform else {
            while segmentEnd < n && classes[segmentEnd] != .newline { segmentEnd += 1 }
            return
          }
          // Line feeds are special clusters: step from one to the next.
          text.specials.withUnsafeBufferPointer { specials in
            while special < specials.count
              && (Int(specials[special]) < segmentStart
                || classes[Int(specials[special])] != .newline)
            {
              special += 1
            }
            segmentEnd = special < specials.count ? Int(specials[special]) : n
          }
        }
        let last = segmentEnd == n
        let set = text.classes.withUnsafeBufferPointer { classes in
          text.widths.withUnsafeBufferPointer { cellWidths in
            text.specials.withUnsafeBufferPointer { specials in
              segment(
                segmentStart..<segmentEnd, kind: kind, ending: last ? .last : .hard,
                classes: classes, cellWidths: cellWidths,
                specials: uniform ? specials : nil, into: &spans)
            }
          }
        }
        guard set else { return nil }
        if last { return spans }
        segmentStart = segmentEnd + 1
        kind = .afterHardBreak
      }
    }

    /// Breaks clusters `range` (no newline inside) into `spans`; false when some stretch
    /// cannot be set without overflowing a line. `specials` (uniform text only: every
    /// letter one cell) lists the clusters that are not letters, so that a word is
    /// measured from special cluster to special cluster.
    private mutating func segment(
      _ range: Range<Int>, kind: LineSpan.Kind, ending: LineSpan.Ending,
      classes: UnsafeBufferPointer<BreakClass>, cellWidths: UnsafeBufferPointer<UInt8>,
      specials: UnsafeBufferPointer<Int32>?, into spans: inout [LineSpan]
    ) -> Bool {
      nodes.removeAll(keepingCapacity: true)
      activeStart = 0
      nodes.append(
        Node(
          next: range.lowerBound, nextCells: 0, nextGaps: 0, total: 0, run: 0,
          end: range.lowerBound, cells: 0, gaps: 0, previous: -1, hyphen: false))
      let firstWidth = widths(kind)
      let otherWidth = widths(.continuation)
      let lower = range.lowerBound
      let upper = range.upperBound
      var cells = 0
      var gaps = 0
      var contentEnd = lower
      var contentCells = 0
      var contentGaps = 0
      var special = specials.map { Self.firstSpecial($0, atOrAfter: lower) } ?? 0
      var i = lower
      while i < upper {
        if let specials {
          // Most words: letters only (perhaps with a closing mark after them: a comma, a
          // full stop, a closing quote), then one space and a letter (the next special
          // cluster is further on), with no hyphenation looked up (none is asked for, the
          // word is short or it overflows no line). Such a space is always a candidate
          // and a gap: weighed here, with none of the general word's bookkeeping.
          while special < specials.count && Int(specials[special]) < i { special &+= 1 }
          while special &+ 1 < specials.count {
            // The word ends at `k`, where its space is; `step` special clusters to it.
            var k = Int(specials[special])
            var step = 1
            guard k > i else { break }
            if classes[k] != .space {
              guard classes[k] == .closing, special &+ 2 < specials.count,
                Int(specials[special &+ 1]) == k &+ 1, classes[k &+ 1] == .space
              else { break }
              k &+= 1
              step = 2
            }
            guard k &+ 1 < upper, Int(specials[special &+ step]) > k &+ 1,
              hyphenator == nil || k &- i < 4
                || !overflows(cells, cells &+ (k &- i), firstWidth, otherWidth)
            else { break }
            cells &+= k &- i
            contentEnd = k
            contentCells = cells
            contentGaps = gaps
            let candidate = Candidate(
              end: k, endCells: cells, endGaps: gaps, next: k &+ 1, nextCells: cells &+ 1,
              nextGaps: gaps &+ 1, hyphen: false)
            guard
              considerPlain(candidate, firstWidth: firstWidth, otherWidth: otherWidth, last: false)
            else { return false }
            cells &+= 1
            gaps &+= 1
            i = k &+ 1
            special &+= step
          }
          guard i < upper else { break }
        }
        if classes[i] == .space {
          let runStart = i
          let runCells = cells
          while i < upper && classes[i] == .space {
            cells &+= Int(cellWidths[i])
            i &+= 1
          }
          if runStart > lower && i < upper && classes[i] != .closing
            && classes[runStart &- 1] != .opening
          {
            let candidate = Candidate(
              end: runStart, endCells: runCells, endGaps: gaps, next: i, nextCells: cells,
              nextGaps: gaps &+ 1, hyphen: false)
            guard
              considerPlain(candidate, firstWidth: firstWidth, otherWidth: otherWidth, last: false)
            else { return false }
          }
          // A gap between words (spaces before the first word or after the last are none).
          if contentEnd > lower && i < upper { gaps &+= 1 }
          continue
        }
        // A word: clusters up to the next space.
        let wordStart = i
        let wordCells = cells
        var wordEnd = i
        var endCells = cells
        var dashes = false
        if let specials {
          while special < specials.count && Int(specials[special]) < wordStart { special &+= 1 }
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
            specialsInWord &+= 1
            specialCells &+= Int(cellWidths[k])
            dashes = dashes || cls == .hyphen || cls == .softHyphen
            special &+= 1
          }
          endCells &+= wordEnd &- wordStart &- specialsInWord &+ specialCells
        } else {
          while wordEnd < upper && classes[wordEnd] != .space {
            endCells &+= Int(cellWidths[wordEnd])
            dashes = dashes || classes[wordEnd] == .hyphen || classes[wordEnd] == .softHyphen
            wordEnd &+= 1
          }
        }
        if !wordBreaks.isEmpty { wordBreaks.removeAll(keepingCapacity: true) }
        if let hyphenator, wordEnd &- wordStart >= 4,
          overflows(wordCells, endCells, firstWidth, otherWidth)
        {
          hyphenator.breaks(in: text, wordStart..<wordEnd, into: &wordBreaks)
        }
        if dashes || !wordBreaks.isEmpty {
          guard
            dashes
              ? breaksInside(
                wordStart..<wordEnd, cells: wordCells, gaps: gaps, classes: classes,
                cellWidths: cellWidths, firstWidth: firstWidth, otherWidth: otherWidth)
              : listedBreaksInside(
                wordStart..<wordEnd, cells: wordCells, gaps: gaps, cellWidths: cellWidths,
                firstWidth: firstWidth, otherWidth: otherWidth)
          else { return false }
        }
        cells = endCells
        i = wordEnd
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
      guard considerPlain(final, firstWidth: firstWidth, otherWidth: otherWidth, last: true)
      else { return false }
      // Back from the last break to the first.
      var chain: [Int] = []
      var node = nodes.count - 1
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

    /// Weighs the breaks inside the word of clusters `word` (from prefix `cells`, after
    /// `gaps` gaps): the hyphenator's points in `wordBreaks`, soft hyphens, and after
    /// hard hyphens and dashes. False when no line can reach them.
    private mutating func breaksInside(
      _ word: Range<Int>, cells: Int, gaps: Int, classes: UnsafeBufferPointer<BreakClass>,
      cellWidths: UnsafeBufferPointer<UInt8>, firstWidth: Int, otherWidth: Int
    ) -> Bool {
      var nextBreak = 0
      var c = cells
      for k in word {
        c &+= Int(cellWidths[k])
        let end = k &+ 1
        guard end < word.upperBound else { break }
        var hyphen: Bool? = nil
        while nextBreak < wordBreaks.count && wordBreaks[nextBreak].end < end { nextBreak &+= 1 }
        let listed = nextBreak < wordBreaks.count && wordBreaks[nextBreak].end == end
        if listed {
          hyphen = wordBreaks[nextBreak].hyphen
        } else if classes[k] == .softHyphen && k > word.lowerBound {
          hyphen = true
        } else if classes[k] == .hyphen && k > word.lowerBound && classes[k &- 1] != .hyphen
          && classes[end] != .hyphen && classes[end] != .closing
        {
          hyphen = false
        }
        if let hyphen {
          let candidate = Candidate(
            end: end, endCells: c, endGaps: gaps, next: end, nextCells: c, nextGaps: gaps,
            hyphen: hyphen, elision: !hyphen && listed)
          guard consider(candidate, firstWidth: firstWidth, otherWidth: otherWidth, last: false)
          else { return false }
        }
      }
      return true
    }

    /// `breaksInside` for a word with no hyphen, dash or soft hyphen: only the hyphenator's
    /// points in `wordBreaks` can break it, so this steps from one to the next (summing
    /// the cells between them) instead of asking at every cluster whether one is listed.
    private mutating func listedBreaksInside(
      _ word: Range<Int>, cells: Int, gaps: Int, cellWidths: UnsafeBufferPointer<UInt8>,
      firstWidth: Int, otherWidth: Int
    ) -> Bool {
      var c = cells
      var k = word.lowerBound
      var index = 0
      while index < wordBreaks.count {
        let point = wordBreaks[index]
        index &+= 1
        // Points are ascending; one at or before the last weighed is not a new break.
        guard point.end > k else { continue }
        guard point.end < word.upperBound else { break }
        while k < point.end {
          c &+= Int(cellWidths[k])
          k &+= 1
        }
        let candidate = Candidate(
          end: point.end, endCells: c, endGaps: gaps, next: point.end, nextCells: c,
          nextGaps: gaps, hyphen: point.hyphen, elision: !point.hyphen)
        guard consider(candidate, firstWidth: firstWidth, otherWidth: otherWidth, last: false)
        else { return false }
      }
      return true
    }

    /// The index in `specials` (ascending) of the first at or after cluster `cluster`.
    static func firstSpecial(_ specials: UnsafeBufferPointer<Int32>, atOrAfter cluster: Int)
      -> Int
    {
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
      guard activeStart < nodes.count else { return false }
      let width = activeStart == 0 ? firstWidth : otherWidth
      return cells &- nodes[activeStart].nextCells > width
    }

    /// Forgets the breaks whose line would overflow before prefix `cells`: they can start
    /// no line from here on.
    @inline(__always)
    private mutating func dropOverflowing(upTo cells: Int, _ firstWidth: Int, _ otherWidth: Int) {
      var first = activeStart
      nodes.withUnsafeBufferPointer { nodes in
        while first < nodes.count {
          let width = first == 0 ? firstWidth : otherWidth
          guard cells &- nodes[first].nextCells > width else { break }
          first &+= 1
        }
      }
      activeStart = first
    }

    /// Weighs every line from an active break to `candidate`; adds the best as new
    /// breaks (one per run of hyphens). False when no line can reach it.
    @inline(__always)
    private mutating func consider(
      _ candidate: Candidate, firstWidth: Int, otherWidth: Int, last: Bool
    ) -> Bool {
      dropOverflowing(upTo: candidate.endCells, firstWidth, otherWidth)
      let count = nodes.count
      guard activeStart < count else { return false }
      // The best line to here for each run of hyphens it would end (0, 1 or 2).
      var plain = Choice()
      var single = Choice()
      var double = Choice()
      let hyphenCell = candidate.hyphen ? 1 : 0
      // Lines looser than this end the search (newer breaks only make looser lines).
      let loosest = last ? Int.max : tolerance
      // In the first pass, newer breaks make lines with more room and fewer gaps: past a
      // hole, stop too.
      let stopAtHole = pretolerant && !last && justify
      let candidateCost = candidate.elision ? TotalFitBreaker.hyphenCost : 0
      let justify = self.justify
      let justifiedDemerits = self.justifiedDemerits
      nodes.withUnsafeBufferPointer { nodes in
        var index = activeStart
        search: while index < count {
          defer { index &+= 1 }
          let start = nodes[index]
          let cells: Int
          let gaps: Int
          let demerits: Int
          switch Self.line(
            from: start, first: index == 0, to: candidate, hyphenCell: hyphenCell,
            width: index == 0 ? firstWidth : otherWidth, loosest: loosest,
            stopAtHole: stopAtHole, last: last, justify: justify, table: justifiedDemerits)
          {
          case .skip: continue
          case .stop: break search
          case .line(let c, let g, let d): (cells, gaps, demerits) = (c, g, d)
          }
          let total = start.total &+ demerits &+ candidateCost
          if candidate.hyphen {
            switch start.run {
            case 0:
              let hyphenated = total &+ TotalFitBreaker.hyphenCost
              if hyphenated < single.total {
                single = Choice(total: hyphenated, from: index, cells: cells, gaps: gaps)
              }
            case 1:
              let hyphenated =
                total &+ TotalFitBreaker.hyphenCost &+ TotalFitBreaker.doubleHyphenCost
              if hyphenated < double.total {
                double = Choice(total: hyphenated, from: index, cells: cells, gaps: gaps)
              }
            default: continue
            }
          } else if total < plain.total {
            plain = Choice(total: total, from: index, cells: cells, gaps: gaps)
          }
        }
      }
      let added = plain.from >= 0 || single.from >= 0 || double.from >= 0
      add(plain, run: 0, at: candidate)
      add(single, run: 1, at: candidate)
      add(double, run: 2, at: candidate)
      // A candidate no line reaches is skipped; failing is only for the paragraph's end
      // (which is never hyphenated, so its one node is the last).
      return !last || added
    }

    /// `consider` for a candidate that draws no hyphen and is no elision (a space, or the
    /// paragraph's end): most of those the search weighs. Without the runs of hyphens to
    /// keep apart, the loop holds one best line instead of three, and fewer values than
    /// the registers (the general one kept its choices on the stack).
    private mutating func considerPlain(
      _ candidate: Candidate, firstWidth: Int, otherWidth: Int, last: Bool
    ) -> Bool {
      dropOverflowing(upTo: candidate.endCells, firstWidth, otherWidth)
      let count = nodes.count
      guard activeStart < count else { return false }
      var best = Choice()
      let loosest = last ? Int.max : tolerance
      let stopAtHole = pretolerant && !last && justify
      let justify = self.justify
      let justifiedDemerits = self.justifiedDemerits
      nodes.withUnsafeBufferPointer { nodes in
        var index = activeStart
        search: while index < count {
          defer { index &+= 1 }
          let start = nodes[index]
          let cells: Int
          let gaps: Int
          let demerits: Int
          switch Self.line(
            from: start, first: index == 0, to: candidate, hyphenCell: 0,
            width: index == 0 ? firstWidth : otherWidth, loosest: loosest,
            stopAtHole: stopAtHole, last: last, justify: justify, table: justifiedDemerits)
          {
          case .skip: continue
          case .stop: break search
          case .line(let c, let g, let d): (cells, gaps, demerits) = (c, g, d)
          }
          let total = start.total &+ demerits
          if total < best.total {
            best = Choice(total: total, from: index, cells: cells, gaps: gaps)
          }
        }
      }
      add(best, run: 0, at: candidate)
      return !last || best.from >= 0
    }

    /// A line from an active node to a candidate, as both searches weigh it.
    private enum Line {
      /// No line from this node: it starts past the candidate, or overflows the width.
      case skip
      /// This line and every one from a newer node is too loose (or, in the first pass,
      /// holds a hole): the search ends.
      case stop
      case line(cells: Int, gaps: Int, demerits: Int)
    }

    /// The line from `start` to `candidate` (`hyphenCell` the hyphen it draws), within
    /// `width`. Inlined into both searches' loops.
    @inline(__always)
    private static func line(
      from start: Node, first: Bool, to candidate: Candidate, hyphenCell: Int, width: Int,
      loosest: Int, stopAtHole: Bool, last: Bool, justify: Bool, table: UnsafePointer<Int32>
    ) -> Line {
      guard candidate.end > start.next else { return .skip }
      let cells = candidate.endCells &- start.nextCells &+ hyphenCell
      guard cells <= width else { return .skip }
      let extra = width &- cells
      if extra > loosest { return .stop }
      let gaps = candidate.endGaps &- start.nextGaps
      if stopAtHole && extra > gaps { return .stop }
      let demerits = lineDemerits(
        extra: extra, gaps: gaps, last: last, first: first, afterHyphen: start.run > 0,
        justify: justify, table: table)
      return .line(cells: cells, gaps: gaps, demerits: demerits)
    }

    @inline(__always)
    private mutating func add(_ choice: Choice, run: Int, at candidate: Candidate) {
      guard choice.from >= 0 else { return }
      nodes.append(
        Node(
          next: candidate.next, nextCells: candidate.nextCells, nextGaps: candidate.nextGaps,
          total: choice.total, run: run, end: candidate.end, cells: choice.cells,
          gaps: choice.gaps, previous: choice.from, hyphen: candidate.hyphen))
    }

    /// The demerits of a line that leaves `extra` cells over `gaps` gaps: for the last
    /// line, only a runt (one word, not the paragraph's first line) and a hyphen on the
    /// line before it count; otherwise `table`'s entry for a justified line within it, or
    /// `demerits`. Inlined into both searches' loops, which pass `justify` and `table`
    /// read once.
    @inline(__always)
    private static func lineDemerits(
      extra: Int, gaps: Int, last: Bool, first: Bool, afterHyphen: Bool, justify: Bool,
      table: UnsafePointer<Int32>
    ) -> Int {
      if last {
        var demerits = 0
        if !first && gaps == 0 { demerits &+= TotalFitBreaker.runtCost }
        if afterHyphen { demerits &+= TotalFitBreaker.hyphenBeforeLastCost }
        return demerits
      }
      if justify && extra < 32 && UInt(bitPattern: gaps) < 64 {
        return Int(table[extra &<< 6 | gaps])
      }
      return demerits(extra: extra, gaps: gaps, justify: justify)
    }

    /// The demerits of a line (not the last) that leaves `extra` cells over `gaps` gaps:
    /// its badness squared with a base of 10, as TeX does.
    static func demerits(extra: Int, gaps: Int, justify: Bool) -> Int {
      let badness = min(10_000, badness(extra: extra, gaps: gaps, justify: justify))
      return (10 + badness) * (10 + badness)
    }

    /// `demerits` of justified lines that leave fewer than 32 cells over fewer than 64
    /// gaps (`extra` · 64 + `gaps`): looked up, not computed with two divisions, for
    /// every line the search weighs. Made once, never freed, never written after.
    nonisolated(unsafe) static let justifiedDemerits: UnsafePointer<Int32> = {
      let table = UnsafeMutablePointer<Int32>.allocate(capacity: 32 * 64)
      for extra in 0..<32 {
        for gaps in 0..<64 {
          table[extra * 64 + gaps] = Int32(demerits(extra: extra, gaps: gaps, justify: true))
        }
      }
      return UnsafePointer(table)
    }()

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
