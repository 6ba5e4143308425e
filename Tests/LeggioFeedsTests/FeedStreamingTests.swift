import Foundation
import Testing

@testable import LeggioFeeds

/// Reading a feed as a stream, in batches, gives what reading it whole gives.
@Suite struct FeedStreamingTests {
  static func streamed(_ data: Data, url: URL?, batchSize: Int) throws -> (
    feed: ParsedFeed, batches: [[FeedItem]]
  ) {
    var batches: [[FeedItem]] = []
    let feed = try FeedParser.parse(data: data, url: url, batchSize: batchSize) { items, _ in
      batches.append(items)
    }
    return (feed, batches)
  }

  @Test func everyCorpusFeedReadsTheSameStreamedAsWhole() throws {
    let files = FileManager.default.enumerator(atPath: FeedFixtures.corpus.path)!
    var compared = 0
    while let path = files.nextObject() as? String {
      let url = FeedFixtures.corpusFile(path)
      guard let data = try? Data(contentsOf: url), !data.isEmpty,
        let whole = try? FeedParser.parse(data: data, url: url)
      else { continue }
      let (feed, batches) = try Self.streamed(data, url: url, batchSize: 3)
      #expect(feed.items == whole.items, "\(path)")
      #expect(batches.flatMap { $0 } == whole.items, "\(path)")
      #expect(batches.allSatisfy { $0.count <= 3 }, "\(path)")
      #expect(feed.title == whole.title && feed.link == whole.link, "\(path)")
      #expect(feed.language == whole.language && feed.updated == whole.updated, "\(path)")
      #expect(feed.format == whole.format && feed.authors == whole.authors, "\(path)")
      compared += 1
    }
    #expect(compared > 25)
  }

  @Test func batchesOfALargeFeedComeInOrderWithTheChannelRead() throws {
    let items = (1...2_500).map {
      "<item><title>Notizia \($0)</title><link>http://example.org/\($0)</link></item>"
    }.joined(separator: "\n")
    let xml = FeedFixtures.rss(items, channel: "<title>Il Giornale</title>")
    var headers: [String?] = []
    var counts: [Int] = []
    let feed = try FeedParser.parse(
      data: Data(xml.utf8), url: URL(string: "http://example.org/feed.xml"), batchSize: 1000
    ) { items, header in
      counts.append(items.count)
      headers.append(header.title)
    }
    #expect(counts == [1000, 1000, 500])
    #expect(headers == ["Il Giornale", "Il Giornale", "Il Giornale"])
    #expect(feed.items.map(\.title) == (1...2_500).map { "Notizia \($0)" })
  }

  @Test func hostileAndBrokenFeedsAreRefusedAsWhenReadWhole() throws {
    let laughs = """
      <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
      <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
      <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
      <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>
      <rss version="2.0"><channel><title>&h;</title></channel></rss>
      """
    for text in [laughs, "<html><body>no</body></html>", "not a feed", "", "<rss><channel>"] {
      let data = Data(text.utf8)
      let whole = Result { try FeedParser.parse(data: data) }
      let streamed = Result { try Self.streamed(data, url: nil, batchSize: 10).feed }
      switch (whole, streamed) {
      case (.failure(let a), .failure(let b)):
        #expect(a.localizedDescription == b.localizedDescription)
      case (.success(let a), .success(let b)): #expect(a.items == b.items)
      default: Issue.record("whole and streamed disagree on \(text.prefix(30))")
      }
    }
  }
}
