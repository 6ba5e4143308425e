import LeggioModel
import Testing

@testable import LeggioLayout

/// Prose of one-cell clusters is broken by stepping from one special cluster (a space, a
/// hyphen, a mark) to the next; the lines must be those the cluster walk sets. And the
/// greedy breaker that stops at a paragraph's first hole stops only where the total fit
/// would have been asked anyway.
@Suite struct UniformLineBreakingTests {
  static func buffer(_ text: String) -> ClusterBuffer {
    var buffer = ClusterBuffer()
    buffer.append(text, Segment(role: .text, isSource: true))
    return buffer
  }

  /// Paragraphs of the corpus books (verse with its line feeds) and odd shapes: spaces at
  /// a line's start and doubled, dashes, slashes, marks next to spaces, words longer
  /// than a line.
  static let texts: [String] =
    Fixtures.promessiSposi.blocks.prefix(400).map(\.plainText)
    + Fixtures.divinaCommedia.blocks.prefix(60).map(\.plainText) + [
      "", " ", "   leading spaces and  doubled   spaces ", "a - b -- c --- d-e -f g- h-",
      "well-known, so-called — “quoted” ‘words’ (in brackets) [and] «guillemets»",
      "https://example.org/a/very/long/path/that/never/ends/here//twice/over and more",
      "Supercalifragilisticexpialidocious antidisestablishmentarianism ok",
      "word ) closing , after . spaces ( opening and\nline\n\nfeeds \n after",
      "non\u{00A0}breaking\u{00A0}spaces hold … ellipses… and – dashes – too",
      "x/y/z/w/v/u/t/s/r/q/p/o/n/m/l/k/j/i/h/g/f/e/d/c/b/a/x/y/z",
      // Closing marks before a space (stepped over with their word), doubled, after a
      // space, before two spaces, before a line feed and at the end.
      "«Sì,» disse, «va bene.» E poi: «no!»  Due spazi.  Virgola ,spazio , e fine,",
      "a, b. c; d: e! f? g» h) i] j} k’ l” m, (n) «o» p,, q.. r.\u{00A0}s t.\nu, v.",
    ]

  @Test func steppingFromSpecialToSpecialSetsTheLinesOfTheClusterWalk() {
    var compared = 0
    for text in Self.texts {
      let buffer = Self.buffer(text)
      guard buffer.uniform else { continue }
      for width in [1, 2, 3, 5, 8, 13, 20, 30, 45, 61, 80, 120] {
        for widths in [
          LineWidths(all: width),
          LineWidths(first: width - 4, afterHardBreak: width, continuation: width - 2),
        ] {
          let stepped = LineBreaker.lines(buffer, widths: widths)
          let walked = LineBreaker.lines(buffer, widths: widths, stepBySpecials: false)
          #expect(stepped == walked, "\(width): \(text.prefix(60))")
          compared += stepped.count
        }
      }
    }
    #expect(compared > 100_000)
  }

  @Test func theGreedyBreakerStopsOnlyAtALineTheTotalFitWouldImprove() {
    var stopped = 0
    var kept = 0
    for text in Self.texts {
      let buffer = Self.buffer(text)
      for width in [20, 45, 80] {
        let widths = LineWidths(all: width)
        for justify in [true, false] {
          let all = LineBreaker.lines(buffer, widths: widths)
          if let lines = LineBreaker.linesUnlessImprovable(buffer, widths: widths, justify: justify)
          {
            #expect(lines == all)
            #expect(!all.contains { TotalFitBreaker.isImprovable($0, widths, justify) })
            kept += 1
          } else {
            #expect(TotalFitBreaker.improves(all, buffer, widths: widths, justify: justify))
            stopped += 1
          }
        }
      }
    }
    #expect(stopped > 100 && kept > 100)
  }
}

/// The total fit measures the words of uniform prose from special cluster to special
/// cluster and finds its line feeds among them: the lines must be those the cluster walk
/// sets, hyphenated or not, justified or ragged.
@Suite struct UniformTotalFitTests {
  @Test func steppingFromSpecialToSpecialSetsTheTotalFitOfTheClusterWalk() throws {
    let hyphenators: [Hyphenator?] = [nil, Hyphenator(language: "it")]
    var compared = 0
    var hyphenated = 0
    for text in UniformLineBreakingTests.texts {
      let buffer = UniformLineBreakingTests.buffer(text)
      guard buffer.uniform else { continue }
      for width in [8, 20, 45, 72] {
        let widths = LineWidths(first: width - 4, afterHardBreak: width, continuation: width)
        for justify in [true, false] {
          for hyphenator in hyphenators {
            let stepped = TotalFitBreaker.lines(
              buffer, widths: widths, justify: justify, hyphenator: hyphenator)
            let walked = TotalFitBreaker.lines(
              buffer, widths: widths, justify: justify, hyphenator: hyphenator,
              stepBySpecials: false)
            #expect(stepped == walked, "\(width): \(text.prefix(60))")
            compared += stepped?.count ?? 0
            hyphenated += stepped?.filter(\.hyphen).count ?? 0
          }
        }
      }
    }
    #expect(compared > 10_000)
    // Without libhyphen's Italian patterns nothing is hyphenated, and the test holds the
    // unhyphenated lines alone.
    if hyphenators[1] != nil { #expect(hyphenated > 100) }
  }
}
