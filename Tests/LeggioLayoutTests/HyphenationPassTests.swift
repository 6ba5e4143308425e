import LeggioModel
import Testing

@testable import LeggioLayout

/// TeX's two passes: a paragraph is first set without hyphens, and its words are looked
/// up only when that opens a hole or leaves a runt. Held on I promessi sposi.
@Suite(.enabled(if: hyphenationInstalled)) struct HyphenationPassTests {
  static let paragraphs = TypesettingRulesTests.italian.document.blocks.filter {
    if case .paragraph = $0.kind { return true }
    return false
  }

  /// Whether some justified line of `spans` has a gap of three cells or more, or holds
  /// one word alone.
  static func hasHole(_ spans: [LineSpan], widths: LineWidths) -> Bool {
    spans.contains { span in
      let extra = widths(span.kind) - span.cells
      return span.ending == .soft && extra > 0 && (span.gaps == 0 || extra > span.gaps)
    }
  }

  /// The lines of `block` set `column` cells wide, with `hyphenator` or without.
  static func spans(_ block: Block, column: Int, hyphenator: Hyphenator?) -> [LineSpan] {
    FlowUnit(block: block, start: 0, justify: true, column: column, hyphenator: hyphenator)
      .spans(column: column).last ?? []
  }

  @Test func aParagraphThatSetsWithoutHolesIsNotHyphenated() throws {
    let hyphenator = try #require(Hyphenator(language: "it"))
    var checked = 0
    for block in Self.paragraphs {
      let part = try #require(
        FlowUnit(block: block, start: 0, justify: true, column: 72).parts.last)
      let widths = part.style.widths(column: 72)
      guard
        let whole = TotalFitBreaker.lines(
          part.text, widths: widths, justify: true, hyphenator: nil),
        !Self.hasHole(whole, widths: widths), !TotalFitBreaker.hasRunt(whole, part.text)
      else { continue }
      let hyphenated = Self.spans(block, column: 72, hyphenator: hyphenator)
      let hyphens = hyphenated.filter(\.hyphen).count
      #expect(hyphens == 0, "\(block.plainText.prefix(60))")
      checked += 1
    }
    #expect(checked > 50)
  }

  @Test func aParagraphThatWouldOpenAHoleIsHyphenatedInstead() throws {
    let hyphenator = try #require(Hyphenator(language: "it"))
    var holes = 0
    var mended = 0
    for block in Self.paragraphs {
      let part = try #require(
        FlowUnit(block: block, start: 0, justify: true, column: 43).parts.last)
      let widths = part.style.widths(column: 43)
      guard
        let whole = TotalFitBreaker.lines(
          part.text, widths: widths, justify: true, hyphenator: nil),
        Self.hasHole(whole, widths: widths)
      else { continue }
      holes += 1
      let hyphenated = Self.spans(block, column: 43, hyphenator: hyphenator)
      let hyphens = hyphenated.filter(\.hyphen).count
      if hyphens > 0 && !Self.hasHole(hyphenated, widths: widths) {
        mended += 1
      }
    }
    #expect(holes > 10)
    // Most (4 in 5 at this width): a line of one long word, or a word with no dictionary
    // point near the line's end, keeps some.
    #expect(mended * 4 >= holes * 3, "\(mended) of \(holes)")
  }
}
