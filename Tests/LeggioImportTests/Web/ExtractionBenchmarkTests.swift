import Foundation
import LeggioTestSupport
import Testing

/// The dev pages of the Zyte and trafilatura benchmarks, scored as those benchmarks
/// score themselves (`ExtractionBenchmarks`): floors a little under the figures reached,
/// so a change that loses ground fails. `leggio-bench web` prints the full table.
@Suite(.serialized) struct ExtractionBenchmarkTests {
  static let extraction = WebCorpusTests.packageRoot()
    .appendingPathComponent("../shared/corpus/extraction")

  @Test func zyteTokenF1StaysAboveTheFloor() throws {
    let set = try ExtractionBenchmarks.loadZyte(
      Self.extraction.appendingPathComponent("scrapinghub"))
    #expect(set.pages.count == 45)
    let outputs = ExtractionBenchmarks.leggio(set.pages)
    let score = ExtractionBenchmarks.scoreZyte(set, outputs: outputs)
    #expect(score.meanF1 >= 0.975, "Zyte mean F1 \(score.meanF1)")
    for (key, f1) in score.pages { #expect(f1 >= 0.8, "\(key): F1 \(f1)") }
  }

  @Test func trafilaturaSnippetsAndMetadataStayAboveTheFloor() throws {
    let set = try ExtractionBenchmarks.loadTrafilatura(
      Self.extraction.appendingPathComponent("trafilatura"))
    #expect(set.pages.count == 198)
    let outputs = ExtractionBenchmarks.leggio(set.pages)
    let score = ExtractionBenchmarks.scoreTrafilatura(set, outputs: outputs)
    #expect(score.f1 >= 0.95, "snippet F1 \(score.f1)")
    #expect(score.accuracy >= 0.95, "accuracy \(score.accuracy)")
    #expect(score.titleShare >= 0.89, "titles \(score.titleShare)")
    #expect(score.bylineShare >= 0.73, "bylines \(score.bylineShare)")
    #expect(score.dateShare >= 0.96, "dates \(score.dateShare)")
    let empty = set.pages.filter { outputs[$0.key]?.text.isEmpty ?? true }.map(\.key)
    #expect(empty.isEmpty, "no text from \(empty)")
  }

  @Test func tokensFollowTheBenchmarksRules() {
    #expect(
      BenchmarkScoring.tokens("Soft\u{00AD}hyphen, it's 2019!") == [
        "softhyphen", "it", "s", "2019",
      ])
    #expect(BenchmarkScoring.tokens("益阳：数字") == ["益", "阳", "数", "字"])
    #expect(BenchmarkScoring.overlap(extracted: "a b c", expected: "a b d").f1 == 2.0 / 3.0)
    #expect(BenchmarkScoring.namesMatch("Jane Doe; John Roe", "jane doe, john roe"))
  }

  @Test func gzipPagesInflateToTheirHTML() throws {
    let set = try ExtractionBenchmarks.loadZyte(
      Self.extraction.appendingPathComponent("scrapinghub"))
    for page in set.pages.prefix(3) {
      let text = String(decoding: page.data.prefix(2000), as: UTF8.self).lowercased()
      #expect(text.contains("<html") || text.contains("<!doctype"), "\(page.key)")
    }
  }
}
