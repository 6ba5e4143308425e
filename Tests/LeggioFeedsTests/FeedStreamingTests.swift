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

  /// UTF-8 bytes are streamed where they lie; the others are decoded first. Either way
  /// the items, the title and the charset's warnings are those of the feed read whole.
  @Test func feedsInEveryCharsetReadTheSameStreamedAsWhole() throws {
    func rss(_ declaration: String, _ title: [UInt8]) -> [UInt8] {
      Array("\(declaration)<rss version=\"2.0\"><channel><title>".utf8) + title
        + Array("</title><item><title>".utf8) + title
        + Array(
          "</title><description>Caff&egrave; &amp; t&#232;</description></item></channel></rss>"
            .utf8)
    }
    let utf8 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    let latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
    let caffe = Array("Caffè “corretto”".utf8)
    let cases: [(String, [UInt8], String?)] = [
      ("declared UTF-8", rss(utf8, caffe), nil),
      ("nothing declared, leading space", Array("\n  ".utf8) + rss("", caffe), nil),
      ("byte order mark", [0xEF, 0xBB, 0xBF] + rss(utf8, caffe), nil),
      ("declared Latin-1", rss(latin1, [0x43, 0x61, 0x66, 0x66, 0xE8]), nil),
      ("UTF-8 declared Latin-1", rss(latin1, caffe), nil),
      ("Windows-1252 declared UTF-8", rss(utf8, [0x93, 0x63, 0x61, 0x66, 0x66, 0xE8, 0x94]), nil),
      (
        "Latin-1 by the HTTP header", rss(utf8, [0x43, 0x61, 0x66, 0x66, 0xE8]),
        "text/xml; charset=iso-8859-1"
      ),
      ("unknown charset", rss("<?xml version=\"1.0\" encoding=\"x-klingon\"?>", caffe), nil),
    ]
    for (name, bytes, contentType) in cases {
      let data = Data(bytes)
      let whole = try FeedParser.parse(data: data, contentType: contentType)
      var batches: [[FeedItem]] = []
      let streamed = try FeedParser.parse(data: data, contentType: contentType, batchSize: 10) {
        items, _ in batches.append(items)
      }
      #expect(streamed.items == whole.items && batches.flatMap { $0 } == whole.items, "\(name)")
      #expect(streamed.title == whole.title, "\(name)")
      #expect(streamed.warnings == whole.warnings, "\(name)")
      #expect(whole.items.first?.summary?.value.contains("Caffè & tè") == true, "\(name)")
    }
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
