import Foundation
import Testing

import LeggioImport
import LeggioTestSupport

/// Every example of the CommonMark specification, imported as a `.md` file and written
/// back as `leggio show --format html` writes it, compared with the spec's HTML after both
/// are normalised as the spec's harness does. The figure is over the 588 examples outside
/// the raw-HTML sections ("Raw HTML", "HTML blocks"); those 67 are run and printed apart.
@Suite struct CommonMarkSpecTests {
  /// The share of the examples outside the raw-HTML sections that must come back as the
  /// spec writes them (issue 20), HTML that parses to the same tree counting as the same.
  static let required = 0.97
  /// The fewest of them that must pass compared as text, as the spec's harness does
  /// (566 measured with cmark-gfm 0.29.0.gfm.6; 561 before headlines kept their
  /// formatting; 242 with Ink 0.6).
  static let fewestPassing = 566

  /// Examples outside the raw-HTML sections whose raw HTML the sanitiser changes on
  /// purpose, as it does on web pages, by number, with what it does.
  static let sanitised: [Int: String] = [
    21: "an empty raw <a> alone on a line (an HTML block) becomes an empty link in a paragraph",
    31: "an empty raw <a> alone on a line (an HTML block) becomes an empty link in a paragraph",
    203: "an unknown raw tag (<bar>) is dropped",
    310: "a raw HTML comment is dropped",
    311: "a raw HTML comment is dropped",
    477: "a raw <img> without alt gets alt=\"\" (a document does not tell absent from empty)",
    493: "an unknown raw tag (<foo bar>) is dropped",
    496: "raw <b> is written <strong>",
    526: "an unknown raw tag (<bar attr=...>) is dropped",
    538: "an unknown raw tag (<bar attr=...>) is dropped",
  ]

  /// The extensions Leggio attaches (`CommonMarkRenderer.extensions`).
  static let extensions = ["table", "strikethrough", "autolink", "tasklist"]

  /// Why an example fails: the sanitiser, the same tree, or what `cmark-gfm` itself
  /// prints (core: the library's version; with extensions: GFM); nil when unexplained.
  static func reason(_ failure: CommonMarkConformance.Failure) throws -> String? {
    if failure.sameTree {
      return "same tree: the spec leaves the raw element open, Leggio closes it"
    }
    let actual = failure.actual
    let markdown = failure.example.markdown
    if SpecHTMLNormalizer.normalize(try CmarkGFMProgram.html(markdown)) == actual {
      return "cmark-gfm 0.29 itself writes this (spec 0.31.2 changed the rule)"
    }
    if SpecHTMLNormalizer.normalize(try CmarkGFMProgram.html(markdown, extensions: extensions))
      == actual
    {
      return "GFM: `cmark-gfm -e autolink` writes this (bare URLs and addresses are linked)"
    }
    return sanitised[failure.example.number].map { "sanitiser: " + $0 }
  }

  @Test func specExamplesOutsideTheRawHTMLSectionsComeBackAsTheSpecWritesThem() throws {
    try #require(
      CmarkGFMProgram.isInstalled,
      "cmark-gfm is needed to explain failures: scripts/install-deps --tests")
    let run = try CommonMarkConformance.run(options: ImportFixtures.options())
    #expect(run.examples.count == 588)
    #expect(run.rawHTMLExamples.count == 67)
    var unexplained: [Int] = []
    var lines: [String] = []
    for failure in run.failures {
      let reason = try Self.reason(failure)
      if reason == nil { unexplained.append(failure.example.number) }
      lines.append(
        "#\(failure.example.number) \(failure.example.section) [\(reason ?? "?")]: "
          + "\(failure.example.markdown.debugDescription)\n"
          + "  expected \(failure.expected.debugDescription)\n"
          + "  actual   \(failure.actual.debugDescription)")
    }
    func share(_ count: Int, _ total: Int) -> String {
      "\(count) of \(total) " + String(format: "(%.1f%%)", 100 * Double(count) / Double(total))
    }
    let report =
      "CommonMark spec, outside the raw-HTML sections: "
      + share(run.passed, run.examples.count) + " pass compared as text, "
      + share(run.passedAsTrees, run.examples.count) + " as HTML trees; "
      + "raw-HTML sections (not counted): " + share(run.rawHTMLPassed, run.rawHTMLExamples.count)
    print(report + "\n" + lines.joined(separator: "\n"))
    #expect(run.passed >= Self.fewestPassing, "\(report)")
    #expect(
      Double(run.passedAsTrees) >= Self.required * Double(run.examples.count), "\(report)")
    #expect(unexplained.isEmpty, "examples failing for no known reason: \(unexplained)")
  }

  /// The examples left to the library are left honestly: `cmark-gfm` prints them so, and
  /// differently from the spec.
  @Test func examplesLeftToTheLibraryAreWhatCmarkGFMItselfPrints() throws {
    try #require(CmarkGFMProgram.isInstalled)
    let examples = try CommonMarkSpec.examples()
    for (number, extensions) in [(28, []), (356, []), (604, ["autolink"]), (613, ["autolink"])] {
      let example = examples[number - 1]
      let library = SpecHTMLNormalizer.normalize(
        try CmarkGFMProgram.html(example.markdown, extensions: extensions))
      let leggio = SpecHTMLNormalizer.normalize(
        CommonMarkConformance.articleHTML(example.markdown, options: ImportFixtures.options()))
      #expect(leggio == library, "#\(number)")
      #expect(library != SpecHTMLNormalizer.normalize(example.html), "#\(number)")
    }
  }
}
