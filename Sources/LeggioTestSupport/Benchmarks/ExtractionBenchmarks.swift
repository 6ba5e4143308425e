import Foundation
import LeggioImport
import LeggioModel

/// The two external article-extraction benchmarks in `../shared/corpus/extraction/`
/// (Zyte's and trafilatura's), loaded and scored the way each scores itself. The corpus
/// tests and `leggio-bench web` share it.
public enum ExtractionBenchmarks {
  /// What an extractor gave for one page.
  public struct Output: Sendable {
    public var text: String
    public var title: String?
    public var byline: String?
    public var published: Date?

    public init(text: String, title: String? = nil, byline: String? = nil, published: Date? = nil) {
      self.text = text
      self.title = title
      self.byline = byline
      self.published = published
    }
  }

  /// One page of a benchmark: its bytes and where it was saved from.
  public struct Page: Sendable {
    public var key: String
    public var url: URL?
    public var data: Data
    /// The file it was read from (gzip-compressed for the external sets).
    public var file: URL

    public init(key: String, url: URL?, data: Data, file: URL) {
      self.key = key
      self.url = url
      self.data = data
      self.file = file
    }
  }

  // MARK: Leggio

  /// Leggio's import of every page, by page key.
  public static func leggio(_ pages: [Page]) -> [String: Output] {
    Dictionary(pages.map { ($0.key, leggio($0)) }, uniquingKeysWith: { $1 })
  }

  /// Leggio's import of a page, as `leggio add` stores it. The scored text is the
  /// article's text stream: every block but images, whose text is their caption (kept as
  /// the image's metadata, not as running text), after the standfirst when it was the
  /// article's opening paragraph (lifted into the title block, where the reader shows it).
  /// A page that fails gives no text.
  public static func leggio(_ page: Page) -> Output {
    guard
      let (article, liftedLead) = try? WebPageImporter.importHTMLLiftingLead(
        data: page.data, url: page.url)
    else {
      return Output(text: "")
    }
    var text = textStream(article.document)
    if liftedLead, let standfirst = article.metadata.standfirst {
      text = standfirst + "\n" + text
    }
    return Output(
      text: text, title: article.metadata.title,
      byline: article.metadata.byline, published: article.metadata.published)
  }

  /// The text of the blocks that are not images, one block a line.
  public static func textStream(_ document: Document) -> String {
    document.blocks.compactMap { block -> String? in
      if case .image = block.kind { return nil }
      return block.plainText
    }.joined(separator: "\n")
  }

  // MARK: Zyte

  public struct ZyteSet: Sendable {
    public var pages: [Page]
    /// `articleBody` by page key.
    public var bodies: [String: String]
  }

  public static func loadZyte(_ folder: URL) throws -> ZyteSet {
    let truth = try JSONSerialization.jsonObject(
      with: Data(contentsOf: folder.appendingPathComponent("ground-truth.json")))
    guard let entries = truth as? [String: [String: Any]] else {
      return ZyteSet(pages: [], bodies: [:])
    }
    var set = ZyteSet(pages: [], bodies: [:])
    for key in entries.keys.sorted() {
      let file = folder.appendingPathComponent("html/\(key).html.gz")
      guard let body = entries[key]?["articleBody"] as? String,
        let compressed = try? Data(contentsOf: file)
      else { continue }
      let url = (entries[key]?["url"] as? String).flatMap(URL.init(string:))
      set.pages.append(
        Page(key: key, url: url, data: try Gzip.decompress(compressed), file: file))
      set.bodies[key] = body
    }
    return set
  }

  public struct ZyteScore: Sendable {
    public var meanF1: Double
    public var microF1: Double
    /// Each page's F1 by key.
    public var pages: [String: Double]
  }

  public static func scoreZyte(_ set: ZyteSet, outputs: [String: Output]) -> ZyteScore {
    var total = BenchmarkScoring.Overlap(shared: 0, found: 0, wanted: 0)
    var pages: [String: Double] = [:]
    for page in set.pages {
      let overlap = BenchmarkScoring.overlap(
        extracted: outputs[page.key]?.text ?? "", expected: set.bodies[page.key] ?? "")
      pages[page.key] = overlap.f1
      total.shared += overlap.shared
      total.found += overlap.found
      total.wanted += overlap.wanted
    }
    let mean = pages.values.reduce(0, +) / Double(max(pages.count, 1))
    return ZyteScore(meanF1: mean, microF1: total.f1, pages: pages)
  }

  // MARK: trafilatura

  public struct Expectation: Sendable {
    public var with: [String]
    public var without: [String]
    public var title: String
    public var author: String
    public var date: String
  }

  public struct TrafilaturaSet: Sendable {
    public var pages: [Page]
    public var expected: [String: Expectation]
  }

  public static func loadTrafilatura(_ folder: URL) throws -> TrafilaturaSet {
    let json = try JSONSerialization.jsonObject(
      with: Data(contentsOf: folder.appendingPathComponent("evaldata.json")))
    var set = TrafilaturaSet(pages: [], expected: [:])
    guard let entries = json as? [String: [String: Any]] else { return set }
    for key in entries.keys.sorted() {
      guard let entry = entries[key], let name = entry["file"] as? String else { continue }
      let file = folder.appendingPathComponent("html/\(name).gz")
      guard let compressed = try? Data(contentsOf: file) else { continue }
      set.pages.append(
        Page(key: key, url: URL(string: key), data: try Gzip.decompress(compressed), file: file))
      set.expected[key] = Expectation(
        with: entry["with"] as? [String] ?? [], without: entry["without"] as? [String] ?? [],
        title: entry["title"] as? String ?? "", author: entry["author"] as? String ?? "",
        date: entry["date"] as? String ?? "")
    }
    return set
  }

  public struct TrafilaturaScore: Sendable {
    public var truePositives = 0, falseNegatives = 0, falsePositives = 0, trueNegatives = 0
    public var titles = (right: 0, checked: 0)
    public var bylines = (right: 0, checked: 0)
    public var dates = (right: 0, checked: 0)
    /// Per page: the `with` snippets missed and the `without` snippets found.
    public var misses: [String: (missing: [String], kept: [String])] = [:]

    public var precision: Double {
      Double(truePositives) / Double(max(truePositives + falsePositives, 1))
    }
    public var recall: Double {
      Double(truePositives) / Double(max(truePositives + falseNegatives, 1))
    }
    public var f1: Double {
      precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }
    public var accuracy: Double {
      let all = truePositives + falseNegatives + falsePositives + trueNegatives
      return Double(truePositives + trueNegatives) / Double(max(all, 1))
    }
    public var titleShare: Double { Double(titles.right) / Double(max(titles.checked, 1)) }
    public var bylineShare: Double { Double(bylines.right) / Double(max(bylines.checked, 1)) }
    public var dateShare: Double { Double(dates.right) / Double(max(dates.checked, 1)) }
  }

  public static func scoreTrafilatura(
    _ set: TrafilaturaSet, outputs: [String: Output]
  ) -> TrafilaturaScore {
    var score = TrafilaturaScore()
    for page in set.pages {
      guard let expected = set.expected[page.key] else { continue }
      let output = outputs[page.key] ?? Output(text: "")
      let text = BenchmarkScoring.normalizedSpace(output.text)
      let found = { (snippet: String) in
        !text.isEmpty && text.contains(BenchmarkScoring.normalizedSpace(snippet))
      }
      let missing = expected.with.filter { !found($0) }
      let kept = expected.without.filter(found)
      score.truePositives += expected.with.count - missing.count
      score.falseNegatives += missing.count
      score.falsePositives += kept.count
      score.trueNegatives += expected.without.count - kept.count
      if !missing.isEmpty || !kept.isEmpty { score.misses[page.key] = (missing, kept) }
      if !expected.title.isEmpty {
        score.titles.checked += 1
        if BenchmarkScoring.namesMatch(output.title, expected.title) { score.titles.right += 1 }
      }
      if !expected.author.isEmpty {
        score.bylines.checked += 1
        if BenchmarkScoring.namesMatch(output.byline, expected.author) { score.bylines.right += 1 }
      }
      if !expected.date.isEmpty {
        score.dates.checked += 1
        if BenchmarkScoring.dayMatches(output.published, expected.date) { score.dates.right += 1 }
      }
    }
    return score
  }
}
