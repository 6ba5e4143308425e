import Foundation

@testable import LeggioFeeds
import LeggioTestSupport

/// Where the shared corpus is, and small helpers to parse feeds written in a test.
enum FeedFixtures {
  static let packageRoot = SharedFiles.packageRoot

  static let corpus = SharedFiles.url("corpus/feeds")

  static func corpusFile(_ path: String) -> URL { corpus.appendingPathComponent(path) }

  static func parseCorpus(_ path: String) throws -> ParsedFeed {
    let url = corpusFile(path)
    return try FeedParser.parse(data: Data(contentsOf: url), contentType: nil, url: url)
  }

  static func parse(
    _ text: String, contentType: String? = nil,
    url: URL? = URL(string: "http://example.org/feed.xml")
  ) throws -> ParsedFeed {
    try FeedParser.parse(data: Data(text.utf8), contentType: contentType, url: url)
  }

  /// An RSS 2.0 document around `items`.
  static func rss(_ items: String, channel: String = "<title>T</title>") -> String {
    "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>\(channel)\(items)</channel></rss>"
  }

  /// An Atom 1.0 document around `entries`.
  static func atom(_ entries: String, attributes: String = "") -> String {
    "<feed xmlns=\"http://www.w3.org/2005/Atom\" \(attributes)><title>T</title>\(entries)</feed>"
  }

  static func utc(
    _ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0
  )
    -> Date
  {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar.date(
      from: DateComponents(
        year: year, month: month, day: day, hour: hour, minute: minute, second: second))!
  }
}
