import Foundation
import Testing

@testable import LeggioFeeds

@Suite struct OPMLTests {
  @Test func newsboatExampleGivesEveryFeedWithItsFoldersAsTags() throws {
    let data = try Data(contentsOf: FeedFixtures.corpusFile("newsboat/example.opml"))
    let feeds = try OPML.parse(data: data)
    #expect(
      feeds.map(\.url) == [
        "https://example.com/feed.xml", "https://example.com/mirrors/distrowatch.rss",
        "https://example.com/feed.atom", "https://example.com/feed.rss09",
        "https://blogs.example.com/~john/posts.rss", "https://blogs.example.com/~mike/.rss",
        "https://fred.example.com/writing/index.php?type=rss",
      ])
    #expect(feeds[0].title == "example.com website")
    #expect(feeds[0].tags.isEmpty)
    #expect(feeds[4].tags == ["Blogs"])  // a folder's text wins over its title
    #expect(feeds[5].tags == ["Blogs", "friends"])
    #expect(feeds[6].tags == ["eloquent"])
  }

  @Test func exportThenParseGivesTheSameSubscriptions() throws {
    let feeds = [
      OPMLSubscription(url: "https://a.example/rss?x=1&y=2", title: "A \"quoted\" <feed>"),
      OPMLSubscription(
        url: "https://b.example/atom", title: "B", siteURL: "https://b.example/", tags: ["news"]),
      OPMLSubscription(url: "https://c.example/feed.json", title: "C", tags: ["news", "italia"]),
    ]
    let text = OPML.export(feeds: feeds)
    #expect(text.contains("<opml version=\"2.0\">"))
    let parsed = try OPML.parse(data: Data(text.utf8))
    #expect(parsed == feeds)
  }

  @Test func categoryAttributeAddsTags() throws {
    let text = """
      <opml version="2.0"><body><outline text="X" xmlUrl="http://x.example/rss" category="/Tech/Linux,/News"/></body></opml>
      """
    #expect(try OPML.parse(data: Data(text.utf8)).first?.tags == ["Linux", "News"])
  }

  @Test func aFeedIsNotAnOPMLFile() {
    #expect(throws: FeedError.self) {
      try OPML.parse(data: Data("<rss version=\"2.0\"><channel/></rss>".utf8), source: "subs.opml")
    }
  }

  @Test func anOPMLFileOfOneLargeEntityRepeatedIsRefusedLikeAFeed() {
    let value = String(repeating: "x", count: 60_000)
    let uses = String(repeating: "&big;", count: 2_000)
    let text = """
      <?xml version="1.0"?><!DOCTYPE opml [<!ENTITY big "\(value)">]>
      <opml version="2.0"><body><outline text="\(uses)" xmlUrl="https://a.example/rss"/></body></opml>
      """
    do {
      let feeds = try OPML.parse(data: Data(text.utf8), source: "subs.opml")
      Issue.record("read \(feeds.first?.title?.count ?? 0) characters of title")
    } catch let error as FeedError {
      guard case .entityExpansion = error else {
        Issue.record("refused as \(error)")
        return
      }
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}
