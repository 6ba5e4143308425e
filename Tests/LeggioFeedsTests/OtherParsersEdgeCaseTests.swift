import Foundation
import Testing

@testable import LeggioFeeds

/// Cases found on other feed parsers' fixtures (issue 17).
@Suite struct OtherParsersEdgeCaseTests {
  @Test func aStandaloneAtomEntryIsReadAsAFeedOfOneEntry() throws {
    let feed = try FeedFixtures.parse(
      """
      <?xml version="1.0" encoding="utf-8"?>
      <entry xmlns="http://www.w3.org/2005/Atom">
        <title>Atom-Powered Robots Run Amok</title>
        <link href="http://example.org/2003/12/13/atom03"/>
        <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
        <updated>2003-12-13T18:30:02Z</updated>
        <author><name>John Doe</name></author>
        <summary>Some text.</summary>
        <source><title>Example Feed</title><link href="http://example.org/"/></source>
      </entry>
      """)
    #expect(feed.format == .atom10)
    #expect(feed.title == "Example Feed")
    #expect(feed.link == "http://example.org/")
    #expect(feed.items.count == 1)
    let item = try #require(feed.items.first)
    #expect(item.title == "Atom-Powered Robots Run Amok")
    #expect(item.id == "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a")
    #expect(item.link == "http://example.org/2003/12/13/atom03")
    #expect(item.authors.map(\.name) == ["John Doe"])
    #expect(item.summary == FeedText(.text, "Some text."))
    #expect(item.updated == FeedFixtures.utc(2003, 12, 13, 18, 30, 2))
  }

  @Test func aStandaloneAtomEntryIsReadWhenStreamedInBatchesToo() throws {
    let data = Data(
      """
      <entry xmlns="http://www.w3.org/2005/Atom"><id>e1</id><title>Alone</title>
      <content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry>
      """.utf8)
    var batches: [[FeedItem]] = []
    let feed = try FeedParser.parse(data: data, batchSize: 10) { items, _ in batches.append(items) }
    #expect(feed.items.map(\.title) == ["Alone"])
    #expect(batches.flatMap { $0 }.map(\.id) == ["e1"])
  }

  @Test func characterReferencesInJSONFeedTitlesAreDecoded() throws {
    let feed = try FeedFixtures.parse(
      #"""
      {"version":"https://jsonfeed.org/version/1.1","title":"News &amp; Views",
       "items":[
        {"id":"1","title":"Rome &#8211; a city &#x2014; “eternal” &hellip;","content_text":"x"},
        {"id":"2","title":"1 < 2 &lt; 3 and <b>not a tag</b>","content_text":"y"},
        {"id":"3","title":"Plain title, no references","content_text":"z"}]}
      """#)
    #expect(feed.title == "News & Views")
    #expect(
      feed.items.map(\.title) == [
        "Rome – a city — “eternal” …", "1 < 2 < 3 and <b>not a tag</b>",
        "Plain title, no references",
      ])
  }
}
