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

  static func lines(_ text: ClusterBuffer, widths: LineWidths, mode: Mode = .prose) -> [LineSpan] {
    text.classes.withUnsafeBufferPointer { classes in
      text.widths.withUnsafeBufferPointer { cellWidths in
        text.specials.withUnsafeBufferPointer { specials in
          lines(
            classes: classes, cellWidths: cellWidths, specials: text.uniform ? specials : nil,
            widths: widths, mode: mode)
        }
      }
    }
  }

  private static func lines(
    classes: UnsafeBufferPointer<BreakClass>, cellWidths: UnsafeBufferPointer<UInt8>,
    specials: UnsafeBufferPointer<Int32>?, widths: LineWidths, mode: Mode
  ) -> [LineSpan] {
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
          let next = breakNext
          startLine(at: next, .continuation)
          i = next
        } else if slashEnd >= 0 {
          spans.append(
            LineSpan(
              start: lineStart, end: slashEnd, cells: slashCells, kind: kind, ending: .forced))
          let next = slashEnd
          startLine(at: next, .continuation)
          i = next
        } else {
          spans.append(
            LineSpan(
              start: lineStart, end: contentEnd, cells: contentCells, kind: kind, ending: .forced))
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
}
