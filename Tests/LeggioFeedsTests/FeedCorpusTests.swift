import Foundation
import Testing

@testable import LeggioFeeds

/// Every feed in `../shared/corpus/feeds/`, checked against the results that come with it.
@Suite struct FeedCorpusTests {
  // MARK: gofeed

  @Test(arguments: [
    ("gofeed/universal/atom03_feed.xml", FeedFormat.atom03),
    ("gofeed/universal/atom10_feed.xml", .atom10),
    ("gofeed/universal/rdf_feed.xml", .rss10),
    ("gofeed/universal/rss_feed.xml", .rss20),
    ("gofeed/universal/rss_feed_bom.xml", .rss20),
    ("gofeed/universal/rss_feed_leading_spaces.xml", .rss20),
  ])
  func gofeedUniversalFeedsAreDetectedAndTitled(path: String, format: FeedFormat) throws {
    let feed = try FeedFixtures.parseCorpus(path)
    #expect(feed.format == format)
    #expect(feed.title == "Feed Title")
    #expect(feed.warnings.isEmpty)
  }

  @Test func gofeedUnknownXMLIsRefusedNamingItsRoot() {
    #expect {
      try FeedFixtures.parseCorpus("gofeed/universal/unknown_feed.xml")
    } throws: { error in
      guard case .unknownXML(_, let root) = error as? FeedError else { return false }
      return root == "note"
    }
  }

  @Test func gofeedEmptyFeedIsRefusedAsEmpty() {
    #expect {
      try FeedFixtures.parseCorpus("gofeed/universal/empty_feed.xml")
    } throws: { error in
      if case .empty = error as? FeedError { true } else { false }
    }
  }

  @Test(arguments: ["gofeed/universal/invalid.json", "gofeed/json/invalid/invalid.json"])
  func gofeedInvalidJSONIsRefusedAsInvalidJSON(path: String) {
    #expect {
      try FeedFixtures.parseCorpus(path)
    } throws: { error in
      if case .invalidJSON = error as? FeedError { true } else { false }
    }
  }

  @Test(arguments: [
    "gofeed/json/version_json_10", "gofeed/json/version_json_11",
    "gofeed/json/version_json_11_deprecated_author",
  ])
  func gofeedJSONFeedsMatchTheirExpectedResults(name: String) throws {
    let feed = try FeedFixtures.parseCorpus(name + ".json")
    let expectedData = try Data(contentsOf: FeedFixtures.corpusFile(name + "_expected.json"))
    let expected = try #require(JSONSerialization.jsonObject(with: expectedData) as? [String: Any])
    #expect(feed.format == ((expected["version"] as? String) == "1.1" ? .json11 : .json10))
    #expect(feed.title == expected["title"] as? String)
    #expect(feed.link == expected["home_page_url"] as? String)
    #expect(feed.subtitle == expected["description"] as? String)
    let expectedAuthor =
      (expected["authors"] as? [[String: Any]])?.first ?? expected["author"] as? [String: Any]
    #expect(feed.authors.first?.name == expectedAuthor?["name"] as? String)
    #expect(feed.authors.first?.uri == expectedAuthor?["url"] as? String)
    let expectedItems = try #require(expected["items"] as? [[String: Any]])
    #expect(feed.items.count == expectedItems.count)
    for (item, want) in zip(feed.items, expectedItems) {
      #expect(item.id == want["id"] as? String)
      #expect(item.link == want["url"] as? String)
      #expect(item.title == want["title"] as? String)
      #expect(item.content == FeedText(.html, try #require(want["content_html"] as? String)))
      #expect(item.summary?.value == want["summary"] as? String)
      #expect(item.published == FeedDate.parse(try #require(want["date_published"] as? String)))
      #expect(item.updated == FeedDate.parse(try #require(want["date_modified"] as? String)))
      #expect(item.published != nil)
      #expect(item.categories == want["tags"] as? [String])
      #expect(item.authors.first?.name == (want["author"] as? [String: Any])?["name"] as? String)
      let attachments = try #require(want["attachments"] as? [[String: Any]])
      #expect(item.enclosures.map(\.url) == attachments.map { $0["url"] as? String ?? "" })
      #expect(item.enclosures.first?.type == attachments.first?["mime_type"] as? String)
      #expect(
        item.enclosures.first?.length
          == (attachments.first?["size_in_bytes"] as? Int).map(Int64.init))
    }
  }

  @Test(arguments: [
    "gofeed/universal/json10_feed.json", "gofeed/universal/json11_feed.json",
    "gofeed/universal/sample.json",
  ])
  func gofeedUniversalJSONFeedsAreRead(path: String) throws {
    let feed = try FeedFixtures.parseCorpus(path)
    #expect(feed.title == "title")
    #expect(feed.items.map(\.id) == ["id"])
  }

  // MARK: feed-rs

  @Test func feedRsIlGiornaleMatchesItsSerdeResult() throws {
    let feed = try FeedFixtures.parseCorpus("feed-rs/rss_2.0_ilgiornale.xml")
    let data = try Data(
      contentsOf: FeedFixtures.corpusFile("feed-rs/rss_2.0_ilgiornale.serde.json"))
    let expected = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    func content(_ value: Any?) -> String? { (value as? [String: Any])?["content"] as? String }
    #expect(feed.format == .rss20)
    #expect(feed.title == content(expected["title"]))
    #expect(feed.subtitle == content(expected["description"]))
    #expect(feed.language == expected["language"] as? String)
    let firstLink = (expected["links"] as? [[String: Any]])?.first?["href"] as? String
    #expect(feed.link == firstLink)
    let entries = try #require(expected["entries"] as? [[String: Any]])
    #expect(feed.items.count == entries.count)
    for (item, entry) in zip(feed.items, entries) {
      #expect(item.id == entry["id"] as? String)
      #expect(item.title == content(entry["title"]))
      #expect(item.summary?.value == content(entry["summary"]))
      #expect(item.summary?.kind == .html)
      #expect(item.link == ((entry["links"] as? [[String: Any]])?.first?["href"] as? String))
      let published = try #require(entry["published"] as? String)
      #expect(item.published == FeedDate.parse(published))
      #expect(item.published != nil)
      let categories = (entry["categories"] as? [[String: Any]])?.compactMap {
        $0["term"] as? String
      }
      #expect(item.categories == categories)
      // feed-rs keeps "email (Name)" whole; Leggio splits it.
      let author = try #require((entry["authors"] as? [[String: Any]])?.first?["email"] as? String)
      let person = try #require(item.authors.first)
      #expect(author == "\(person.email ?? "") (\(person.name ?? ""))")
    }
  }
}
