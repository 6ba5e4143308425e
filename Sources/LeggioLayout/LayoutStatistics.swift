import LeggioModel

/// Figures on how well an article is set, for `leggio-bench layout` and the tests: the
/// gaps of justified lines, hyphenated line ends, runts, and widows, orphans and stranded
/// headings at page breaks. Counted from the same breaker and paginator the reader uses.
package struct LayoutStatistics: Sendable {
  /// Lines that were justified (ended at a normal break in a justified block).
  package var justifiedLines = 0
  /// Justified lines whose widest gap between words is at least 3 and at least 4 cells.
  package var gapsOfThree = 0
  package var gapsOfFour = 0
  /// Every line of text (blank lines not counted).
  package var lines = 0
  /// Lines ending with a hyphen the layout added.
  package var hyphens = 0
  /// Hyphenated lines right after another hyphenated line.
  package var consecutiveHyphens = 0
  /// Last lines of paragraphs of two or more lines that hold a single word.
  package var runts = 0
  package var pages = 0
  /// A paragraph's last line alone at the head of a page.
  package var widows = 0
  /// A paragraph's first line alone at the foot of a page.
  package var orphans = 0
  /// A heading that is the last thing on its page.
  package var strandedHeadings = 0
  /// A page whose last line ends with a hyphen the layout drew.
  package var hyphensAtPageFoot = 0

  /// The figures for `document` laid out with `options` (pages of `options.height` lines).
  package init(document: Document, metadata: ArticleMetadata?, options: LayoutOptions) {
    let article = PagedArticle(document: document, metadata: metadata, options: options)
    let flow = article.flow
    let column = article.geometry.width
    for index in 0..<flow.unitCount {
      let unit = flow.unit(index)
      for (part, spans) in zip(unit.parts, unit.spans(column: column)) {
        count(part, spans, column: column)
      }
    }
    article.layoutAll()
    let starts = article.pageStarts
    pages = starts.count
    for (page, start) in starts.enumerated() where page > 0 {
      let lines = flow.lineCount(start.unit)
      if start.line > 0 && flow.endsWithHyphen(start.unit, line: start.line - 1) {
        hyphensAtPageFoot += 1
      }
      if flow.placement(start.unit) == .splittable && lines > 1 {
        if start.line == lines - 1 { widows += 1 }
        if start.line == 1 { orphans += 1 }
      }
      // The page before ends with a heading when this one starts a unit after it (not
      // counted inside a contents list, whose entries are headings one under the other).
      if start.line == 0 && start.unit > 0 && flow.placement(start.unit - 1) == .heading
        && (flow.placement(start.unit) != .heading || flow.isSeparated(start.unit))
        && starts[page - 1] <= FlowPosition(unit: start.unit - 1, line: 0)
      {
        strandedHeadings += 1
      }
    }
  }

  private mutating func count(_ part: FlowUnit.Part, _ spans: [LineSpan], column: Int) {
    let textWidth = column - part.style.continuation.cells
    var previousHyphen = false
    part.text.classes.withUnsafeBufferPointer { classes in
      for (k, span) in spans.enumerated() {
        if span.end > span.start { lines += 1 }
        if span.hyphen {
          hyphens += 1
          if previousHyphen { consecutiveHyphens += 1 }
        }
        previousHyphen = span.hyphen
        if part.style.justify && part.style.mode == .prose && span.ending == .soft {
          let width = span.kind == .continuation ? textWidth : column - part.style.first.cells
          let extra = max(0, width - span.cells)
          justifiedLines += 1
          let gaps = span.gaps
          let widest = gaps > 0 ? 1 + (extra + gaps - 1) / gaps : 1
          if widest >= 3 { gapsOfThree += 1 }
          if widest >= 4 { gapsOfFour += 1 }
        }
        if k > 0 && k == spans.count - 1 && span.ending == .last && span.end > span.start
          && part.style.role == .text
          && UnitRenderer.countGaps(classes, span.start..<span.end) == 0
        {
          runts += 1
        }
      }
    }
  }

  /// Adds `other`'s counts to these.
  package mutating func add(_ other: LayoutStatistics) {
    justifiedLines += other.justifiedLines
    gapsOfThree += other.gapsOfThree
    gapsOfFour += other.gapsOfFour
    lines += other.lines
    hyphens += other.hyphens
    consecutiveHyphens += other.consecutiveHyphens
    runts += other.runts
    pages += other.pages
    widows += other.widows
    orphans += other.orphans
    strandedHeadings += other.strandedHeadings
  }
}
