import Foundation
@testable import LeggioTestSupport
import Testing


/// The corpus of Readability's test pages: extracted text against Readability's own
/// output, metadata against its expected values.
@Suite struct WebCorpusTests {
  static let corpus = packageRoot().appendingPathComponent("../shared/corpus/html")

  static func packageRoot(_ file: String = #filePath) -> URL {
    URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
  }

  static func scores() throws -> [CorpusEvaluation.Score] {
    try CorpusEvaluation.loadPages(in: corpus).map { CorpusEvaluation.score($0) }
  }

  @Test func meanTokenF1StaysAboveTheFloor() throws {
    let scores = try Self.scores()
    print(CorpusEvaluation.table(scores))
    #expect(scores.count >= 20)
    let mean = scores.map(\.f1).reduce(0, +) / Double(scores.count)
    #expect(mean >= 0.985, "mean F1 \(mean)")
  }

  @Test func everyPageKeepsMostOfItsArticle() throws {
    for score in try Self.scores() {
      #expect(score.f1 >= 0.95, "\(score.name): F1 \(score.f1)")
    }
  }

  @Test func metadataIsRightOnEveryPageThatHasIt() throws {
    for score in try Self.scores() {
      #expect(score.titleOK != false, "\(score.name): title \"\(score.title)\"")
      #expect(score.bylineOK != false, "\(score.name): byline \(score.byline ?? "nil")")
      #expect(score.dateOK != false, "\(score.name): date")
    }
  }
}
