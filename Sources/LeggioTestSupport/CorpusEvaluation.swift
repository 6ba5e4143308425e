import Foundation
import LeggioImport

/// Runs the extractor over a corpus laid out as Readability's test pages
/// (`NAME/source.html`, `NAME/expected.html`, `NAME/expected-metadata.json`) and scores
/// each page. The corpus tests and `leggio-bench web` share it.
public enum CorpusEvaluation {
  public struct Page: Sendable {
    public var name: String
    public var source: String
    public var expectedText: String
    public var expectedTitle: String?
    public var expectedByline: String?
    public var expectedPublished: String?
  }

  public struct Score: Sendable {
    public var name: String
    public var f1: Double
    /// nil when the reference gives no value to check.
    public var titleOK: Bool?
    public var bylineOK: Bool?
    public var dateOK: Bool?
    public var title: String
    public var byline: String?
  }

  /// The pages under `directory`, sorted by name.
  public static func loadPages(in directory: URL) throws -> [Page] {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    return try names.compactMap { name in
      let folder = directory.appendingPathComponent(name)
      let sourceURL = folder.appendingPathComponent("source.html")
      guard FileManager.default.fileExists(atPath: sourceURL.path) else { return nil }
      let source = HTMLCharset.decode(try Data(contentsOf: sourceURL)).text
      let expected = try String(
        contentsOf: folder.appendingPathComponent("expected.html"), encoding: .utf8)
      var page = Page(
        name: name, source: source,
        expectedText: ExtractionEvaluation.visibleText(ofHTML: expected))
      let metadataURL = folder.appendingPathComponent("expected-metadata.json")
      if let data = try? Data(contentsOf: metadataURL),
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
      {
        page.expectedTitle = json["title"] as? String
        page.expectedByline = json["byline"] as? String
        page.expectedPublished = json["publishedTime"] as? String
      }
      return page
    }
  }

  /// The URL Readability's test pages were saved from.
  public static let pageURL = URL(string: "http://fakehost/test/page.html")!

  public static func score(
    _ page: Page, extractor: ReadabilityExtractor = ReadabilityExtractor()
  ) -> Score {
    let article = extractor.extract(html: page.source, url: pageURL)
    let metadata = article.metadata
    return Score(
      name: page.name,
      f1: ExtractionEvaluation.f1(extracted: article.text, expected: page.expectedText),
      titleOK: page.expectedTitle.map {
        ExtractionEvaluation.titleMatches(metadata.title, expected: $0)
      },
      bylineOK: page.expectedByline.map {
        ExtractionEvaluation.bylineMatches(metadata.byline, expected: $0)
      },
      dateOK: page.expectedPublished.map {
        ExtractionEvaluation.dateMatches(metadata.published, expected: $0)
      },
      title: metadata.title, byline: metadata.byline)
  }

  /// A fixed-width table of scores, with the mean F1 and metadata tallies at the end.
  public static func table(_ scores: [Score]) -> String {
    func mark(_ value: Bool?) -> String { value.map { $0 ? "ok" : "WRONG" } ?? "-" }
    var lines = [
      "page".padding(toLength: 32, withPad: " ", startingAt: 0) + "   F1     title  byline date"
    ]
    for score in scores {
      lines.append(
        score.name.padding(toLength: 32, withPad: " ", startingAt: 0)
          + String(format: " %6.3f  ", score.f1)
          + [mark(score.titleOK), mark(score.bylineOK), mark(score.dateOK)].map {
            $0.padding(toLength: 6, withPad: " ", startingAt: 0)
          }.joined(separator: " "))
    }
    let mean = scores.map(\.f1).reduce(0, +) / Double(max(scores.count, 1))
    func tally(_ values: [Bool?]) -> String {
      let checked = values.compactMap { $0 }
      return "\(checked.filter { $0 }.count)/\(checked.count)"
    }
    lines.append(
      String(format: "mean F1 %.3f over %d pages; ", mean, scores.count) + "title "
        + tally(scores.map(\.titleOK)) + ", byline " + tally(scores.map(\.bylineOK)) + ", date "
        + tally(scores.map(\.dateOK)))
    return lines.joined(separator: "\n")
  }
}
