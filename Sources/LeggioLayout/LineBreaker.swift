/// One line of a block as the breaker cut it: clusters `start..<end` are shown (trailing
/// spaces dropped), taking `cells` cells.
struct LineSpan: Equatable {
  /// Which prefix and width the line gets (a list bullet, a continuation mark...).
  enum Kind: Equatable { case first, afterHardBreak, continuation }
  /// Why the line ended, which decides whether it may be justified.
  enum Ending: Equatable { case soft, hard, forced, last }

  var start: Int
  var end: Int
  var cells: Int
  var kind: Kind
  var ending: Ending
  /// Runs of spaces between words, for justification (counted for soft breaks only).
  var gaps = 0
  /// The line ends inside a word, with a hyphen the layout draws (counted in `cells`).
  var hyphen = false
}

/// The cells available to each kind of line.
struct LineWidths: Equatable {
  var first: Int
  var afterHardBreak: Int
  var continuation: Int

  init(first: Int, afterHardBreak: Int, continuation: Int) {
    self.first = max(1, first)
    self.afterHardBreak = max(1, afterHardBreak)
    self.continuation = max(1, continuation)
  }

  init(all width: Int) { self.init(first: width, afterHardBreak: width, continuation: width) }

  func callAsFunction(_ kind: LineSpan.Kind) -> Int {
    switch kind {
    case .first: first
    case .afterHardBreak: afterHardBreak
    case .continuation: continuation
    }
  }
}

/// Greedy line breaking over a `ClusterBuffer`.
///
/// Prose breaks at spaces, after hyphens and dashes and between wide characters (CJK,
/// kana, emoji), never before closing punctuation, an ellipsis or a dash that follows a
/// word without a space, nor after opening punctuation; a no-break
/// space holds. When no such break fits, a line ends after a `/` (long URLs), and failing
/// that at the last cluster that fits: never inside a grapheme cluster or a wide character.
/// "\n" is a hard break. Preformatted text breaks only at "\n" and where a line is full.
enum LineBreaker {
  enum Mode { case prose, preformatted }

  /// The lines of `text`. `stepBySpecials: false` walks uniform prose cluster by cluster
  /// too, for the tests that hold the two ways to the same lines.
  static func lines(
    _ text: ClusterBuffer, widths: LineWidths, mode: Mode = .prose, stepBySpecials: Bool = true
  ) -> [LineSpan] {
    lines(text, widths: widths, mode: mode, stopAt: nil, stepBySpecials: stepBySpecials)!
  }

  /// The lines of prose `text`, or nil as soon as one of them is a line the total fit may
  /// set better (`TotalFitBreaker.isImprovable`): the total fit sets that paragraph, so
  /// the rest of it need not be broken greedily first.
  static func linesUnlessImprovable(_ text: ClusterBuffer, widths: LineWidths, justify: Bool)
    -> [LineSpan]?
  {
    lines(text, widths: widths, mode: .prose, stopAt: justify, stepBySpecials: true)
  }

  /// `stopAt` (whether lines are justified) asks for nil at the first improvable line.
  private static func lines(
    _ text: ClusterBuffer, widths: LineWidths, mode: Mode, stopAt justify: Bool?,
    stepBySpecials: Bool
  ) -> [LineSpan]? {
    text.classes.withUnsafeBufferPointer { classes in
      text.widths.withUnsafeBufferPointer { cellWidths in
        text.specials.withUnsafeBufferPointer { specials in
          if text.uniform && mode == .prose && stepBySpecials {
            return uniformProse(
              classes: classes, specials: specials, widths: widths, stopAt: justify)
          }
          return lines(
            classes: classes, cellWidths: cellWidths, specials: text.uniform ? specials : nil,
            widths: widths, mode: mode, stopAt: justify)
        }
      }
    }
  }

  private static func lines(
    classes: UnsafeBufferPointer<BreakClass>, cellWidths: UnsafeBufferPointer<UInt8>,
    specials: UnsafeBufferPointer<Int32>?, widths: LineWidths, mode: Mode, stopAt justify: Bool?
  ) -> [LineSpan]? {
    let n = classes.count
    // Room for every line at once (lines average well over half the width): grown from
    // nothing, the array was copied a few times for each paragraph.
    var spans: [LineSpan] = []
    spans.reserveCapacity(n / max(1, widths.continuation / 2) + 2)
    let tabStop = CellWidth.tabStop
    let prose = mode == .prose
    var kind = LineSpan.Kind.first
    var avail = widths(kind)
    var lineStart = 0
    var cells = 0  // cells from lineStart to i, spaces included
    var contentEnd = 0  // end of the last visible cluster
    var contentCells = 0
    // The best break so far: line content ends at `end`, next line starts at `next`.
    var breakEnd = -1, breakNext = 0, breakCells = 0, breakGaps = 0
    var gaps = 0  // space runs between words so far on this line
    var slashEnd = -1, slashCells = 0
    var i = 0
    var special = 0  // index in `specials` near i

    /// Starts a new line of `nextKind` at cluster `start`, forgetting the last one's breaks.
    func startLine(at start: Int, _ nextKind: LineSpan.Kind) {
      lineStart = start
      cells = 0
      contentEnd = start
      contentCells = 0
      breakEnd = -1
      slashEnd = -1
      gaps = 0
      kind = nextKind
      avail = widths(nextKind)
    }

    while i < n {
      let cls = classes[i]
      if cls == .newline {
        spans.append(
          LineSpan(
            start: lineStart, end: contentEnd, cells: contentCells, kind: kind, ending: .hard))
        startLine(at: i + 1, .afterHardBreak)
        i += 1
        continue
      }
      if cls == .normal, let specials {
        // Fastest path: every normal cluster is one cell, so jump to the next special one.
        while special > 0 && Int(specials[special - 1]) >= i { special -= 1 }
        while special < specials.count && Int(specials[special]) < i { special += 1 }
        let next = special < specials.count ? Int(specials[special]) : n
        let take = min(next - i, avail - cells)
        if take > 0 {
          cells += take
          i += take
          contentEnd = i
          contentCells = cells
          if prose && i < n && (classes[i] == .ideographic || classes[i] == .zeroWidthSpace) {
            (breakEnd, breakNext, breakCells, breakGaps) = (i, i, cells, gaps)
          }
          continue
        }
      } else if cls == .normal {
        // Fast path through a word: letters never offer a break between them.
        var j = i
        var c = cells
        while j < n && classes[j] == .normal {
          let w = Int(cellWidths[j])
          if c + w > avail { break }
          c += w
          j += 1
        }
        if j > i {
          cells = c
          contentEnd = j
          contentCells = c
          i = j
          if prose && j < n && (classes[j] == .ideographic || classes[j] == .zeroWidthSpace) {
            (breakEnd, breakNext, breakCells, breakGaps) = (j, j, c, gaps)
          }
          continue
        }
      }
      if prose && (cls == .space || cls == .tab) {
        let runStart = i
        var spaceRuns = 0
        while i < n && (classes[i] == .space || classes[i] == .tab) {
          if classes[i] == .tab {
            cells += tabStop - cells % tabStop
          } else {
            cells += Int(cellWidths[i])
            if i + 1 == n || classes[i + 1] != .space { spaceRuns += 1 }
          }
          i += 1
        }
        if runStart > lineStart && i < n && classes[i] != .newline && classes[i] != .closing
          && contentEnd == runStart && classes[runStart - 1] != .opening
        {
          (breakEnd, breakNext, breakCells, breakGaps) = (runStart, i, contentCells, gaps)
        }
        if contentEnd > lineStart { gaps += spaceRuns }
        continue
      }
      let width =
        cls == .tab ? tabStop - cells % tabStop : (cls == .control ? 1 : Int(cellWidths[i]))
      if cells + width > avail && i > lineStart {
        if breakEnd >= 0 {
          spans.append(
            LineSpan(
              start: lineStart, end: breakEnd, cells: breakCells, kind: kind, ending: .soft,
              gaps: breakGaps))
          if let justify, TotalFitBreaker.isImprovable(spans[spans.count - 1], widths, justify) {
            return nil
          }
          let next = breakNext
          startLine(at: next, .continuation)
          i = next
        } else if slashEnd >= 0 {
          spans.append(
            LineSpan(
              start: lineStart, end: slashEnd, cells: slashCells, kind: kind, ending: .forced))
          if justify != nil { return nil }
          let next = slashEnd
          startLine(at: next, .continuation)
          i = next
        } else {
          spans.append(
            LineSpan(
              start: lineStart, end: contentEnd, cells: contentCells, kind: kind, ending: .forced))
          if justify != nil { return nil }
          startLine(at: i, .continuation)
        }
        continue
      }
      cells += width
      contentEnd = i + 1
      contentCells = cells
      if prose && i + 1 < n {
        let next = classes[i + 1]
        if next != .space && next != .tab && next != .newline && next != .closing && cls != .opening
        {
          switch cls {
          case .hyphen:
            if i > lineStart && classes[i - 1] != .space && classes[i - 1] != .hyphen
              && next != .hyphen
            {
              (breakEnd, breakNext, breakCells, breakGaps) = (i + 1, i + 1, cells, gaps)
            }
          case .ideographic, .zeroWidthSpace:
            // A dash (——) stays with the word it follows, as closing marks do.
            if next != .hyphen {
              (breakEnd, breakNext, breakCells, breakGaps) = (i + 1, i + 1, cells, gaps)
            }
          case .slash:
            if next != .slash { (slashEnd, slashCells) = (i + 1, cells) }
          default:
            if next == .ideographic || next == .zeroWidthSpace {
              (breakEnd, breakNext, breakCells, breakGaps) = (i + 1, i + 1, cells, gaps)
            }
          }
        }
      }
      i += 1
    }
    spans.append(
      LineSpan(start: lineStart, end: contentEnd, cells: contentCells, kind: kind, ending: .last))
    return spans
  }

  /// Prose all of whose clusters came through `ClusterBuffer`'s fast path: every cluster
  /// takes one cell (a line feed none) and only the `specials` are anything but letters
  /// (spaces, line feeds, hyphens, slashes, opening and closing marks). A line's cells
  /// are then its clusters, and the breaker steps from one special cluster to the next
  /// instead of walking the clusters, setting the same lines (a test holds the two ways
  /// to the same lines on books).
  private static func uniformProse(
    classes: UnsafeBufferPointer<BreakClass>, specials: UnsafeBufferPointer<Int32>,
    widths: LineWidths, stopAt justify: Bool?
  ) -> [LineSpan]? {
    let n = classes.count
    let specialCount = specials.count
    var spans: [LineSpan] = []
    spans.reserveCapacity(n / max(1, widths.continuation / 2) + 2)
    var kind = LineSpan.Kind.first
    var lineStart = 0
    var limit = widths(kind)  // the first cluster that does not fit on the line
    var contentEnd = 0  // end of the last visible cluster
    var gaps = 0  // space runs between words so far on this line
    // The best break so far: content up to `breakEnd`, the next line from `breakNext`,
    // whose first special cluster is `breakSpecial`.
    var breakEnd = -1, breakNext = 0, breakGaps = 0, breakSpecial = 0
    var slashEnd = -1, slashSpecial = 0
    var i = 0
    var special = 0  // the first special cluster at or after i

    func startLine(at start: Int, special first: Int, _ nextKind: LineSpan.Kind) {
      lineStart = start
      contentEnd = start
      gaps = 0
      breakEnd = -1
      slashEnd = -1
      kind = nextKind
      limit = start + widths(nextKind)
      i = start
      special = first
    }

    /// Ends the line where cluster `overflow` does not fit; false to stop.
    func breakLine(before overflow: Int) -> Bool {
      if breakEnd >= 0 {
        spans.append(
          LineSpan(
            start: lineStart, end: breakEnd, cells: breakEnd - lineStart, kind: kind,
            ending: .soft, gaps: breakGaps))
        if let justify, TotalFitBreaker.isImprovable(spans[spans.count - 1], widths, justify) {
          return false
        }
        startLine(at: breakNext, special: breakSpecial, .continuation)
      } else if slashEnd >= 0 {
        spans.append(
          LineSpan(
            start: lineStart, end: slashEnd, cells: slashEnd - lineStart, kind: kind,
            ending: .forced))
        startLine(at: slashEnd, special: slashSpecial, .continuation)
      } else {
        spans.append(
          LineSpan(
            start: lineStart, end: contentEnd, cells: contentEnd - lineStart, kind: kind,
            ending: .forced))
        startLine(at: overflow, special: special, .continuation)
      }
      return justify == nil || spans[spans.count - 1].ending != .forced
    }

    while true {
      // Most of a line: letters that fit, perhaps a closing mark (a comma, a full stop, a
      // closing quote), then one space with a letter after it (the next special cluster
      // is further on). Such a space is always a break and a gap, so the words are
      // stepped over with nothing else looked at.
      while special &+ 1 < specialCount {
        let p = Int(specials[special])
        guard p > i, p <= limit else { break }
        if classes[p] == .space {
          guard Int(specials[special &+ 1]) > p &+ 1 else { break }
          (breakEnd, breakNext, breakGaps, breakSpecial) = (p, p &+ 1, gaps, special &+ 1)
          contentEnd = p
          i = p &+ 1
          special &+= 1
        } else {
          guard classes[p] == .closing, p < limit, special &+ 2 < specialCount,
            Int(specials[special &+ 1]) == p &+ 1, classes[p &+ 1] == .space,
            Int(specials[special &+ 2]) > p &+ 2
          else { break }
          (breakEnd, breakNext, breakGaps, breakSpecial) = (p &+ 1, p &+ 2, gaps, special &+ 2)
          contentEnd = p &+ 1
          i = p &+ 2
          special &+= 2
        }
        gaps &+= 1
      }
      let p = special < specialCount ? Int(specials[special]) : n
      // Letters from i to p, one cell each.
      if p > i {
        guard p > limit else {
          contentEnd = p
          i = p
          if p == n { break }
          continue
        }
        if limit > i { contentEnd = limit }
        guard breakLine(before: max(i, limit)) else { return nil }
        continue
      }
      guard p < n else { break }
      let cls = classes[p]
      if cls == .newline {
        spans.append(
          LineSpan(
            start: lineStart, end: contentEnd, cells: contentEnd - lineStart, kind: kind,
            ending: .hard))
        startLine(at: p + 1, special: special + 1, .afterHardBreak)
        continue
      }
      if cls == .space {
        // Spaces never overflow a line: they are dropped at its end.
        var end = p + 1
        while end < n && classes[end] == .space { end += 1 }
        let after = special + (end - p)
        if p > lineStart && end < n && classes[end] != .newline && classes[end] != .closing
          && contentEnd == p && classes[p - 1] != .opening
        {
          (breakEnd, breakNext, breakGaps, breakSpecial) = (p, end, gaps, after)
        }
        if contentEnd > lineStart { gaps += 1 }
        i = end
        special = after
        continue
      }
      if p >= limit && p > lineStart {
        guard breakLine(before: p) else { return nil }
        continue
      }
      contentEnd = p + 1
      if p + 1 < n {
        let next = classes[p + 1]
        if next != .space && next != .newline && next != .closing && cls != .opening {
          if cls == .hyphen {
            if p > lineStart && classes[p - 1] != .space && classes[p - 1] != .hyphen
              && next != .hyphen
            {
              (breakEnd, breakNext, breakGaps, breakSpecial) = (p + 1, p + 1, gaps, special + 1)
            }
          } else if cls == .slash && next != .slash {
            (slashEnd, slashSpecial) = (p + 1, special + 1)
          }
        }
      }
      i = p + 1
      special += 1
    }
    spans.append(
      LineSpan(
        start: lineStart, end: contentEnd, cells: contentEnd - lineStart, kind: kind,
        ending: .last))
    return spans
  }
}
