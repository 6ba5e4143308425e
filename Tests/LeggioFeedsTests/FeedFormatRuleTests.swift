import Foundation
import Testing

@testable import LeggioFeeds

/// One small feed per format rule: content types, dates, links, charsets.
@Suite struct FeedFormatRuleTests {
  @Test func rssContentEncodedIsTheBodyAndDescriptionTheSummary() throws {
    let feed = try FeedFixtures.parse(
      FeedFixtures.rss(
        """
        <item><title>A</title><link>/a</link><description>&lt;p&gt;short&lt;/p&gt;</description>
        <content:encoded><![CDATA[<p>long <b>body</b></p>]]></content:encoded>
        <dc:creator>Maria Rossi</dc:creator><category>Esteri</category><category>Asia</category>
        <enclosure url="/ep1.mp3" type="audio/mpeg" length="1234"/></item>
        """))
    let item = try #require(feed.items.first)
    #expect(item.summary == FeedText(.html, "<p>short</p>"))
    #expect(item.content == FeedText(.html, "<p>long <b>body</b></p>"))
    #expect(item.link == "http://example.org/a")
    #expect(item.authors.map(\.name) == ["Maria Rossi"])
    #expect(item.categories == ["Esteri", "Asia"])
    #expect(
      item.enclosures == [
        FeedEnclosure(url: "http://example.org/ep1.mp3", type: "audio/mpeg", length: 1234)
      ])
    #expect(item.hasOnlySummary == false)
  }

  @Test func rssPermalinkGuidIsTheLinkWhenThereIsNoLink() throws {
    let feed = try FeedFixtures.parse(
      FeedFixtures.rss(
        """
        <item><guid>http://example.org/p/1</guid></item>
        <item><guid isPermaLink="false">tag:x,1</guid></item>
        """))
    #expect(feed.items.map(\.link) == ["http://example.org/p/1", nil])
    #expect(feed.items.map(\.identity) == ["http://example.org/p/1", "tag:x,1"])
  }

  @Test func rss090ItemsInTheNetscapeNamespaceAreRead() throws {
    let feed = try FeedFixtures.parse(
      """
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
      <channel><title>Mozilla Dot Org</title><link>http://www.mozilla.org</link></channel>
      <item><title>New Status Updates</title><link>http://www.mozilla.org/status/</link></item>
      <item><title>Bugzilla Reorganized</title><link>http://www.mozilla.org/bugs/</link></item>
      </rdf:RDF>
      """)
    #expect(feed.format == .rss090)
    #expect(feed.title == "Mozilla Dot Org")
    #expect(
      feed.items.map(\.link) == ["http://www.mozilla.org/status/", "http://www.mozilla.org/bugs/"])
    #expect(feed.items.map(\.identity) == feed.items.map(\.link))
  }

  @Test func atomContentOfEveryTypeIsRead() throws {
    let body = Data("<p>in base64</p>".utf8).base64EncodedString()
    let feed = try FeedFixtures.parse(
      FeedFixtures.atom(
        """
        <entry><id>1</id><content type="text">1 &lt; 2</content></entry>
        <entry><id>2</id><content type="html">&lt;p&gt;escaped&lt;/p&gt;</content></entry>
        <entry><id>3</id><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>inline <em>xhtml</em></p></div></content></entry>
        <entry><id>4</id><content type="text/html">&lt;p&gt;mime html&lt;/p&gt;</content></entry>
        <entry><id>5</id><content type="application/xhtml+xml"><div xmlns="http://www.w3.org/1999/xhtml"><p>mime xhtml</p></div></content></entry>
        <entry><id>6</id><content type="application/octet-stream">\(body)</content></entry>
        <entry><id>7</id><content src="http://example.org/out-of-line"/></entry>
        """))
    let contents = feed.items.map(\.content)
    #expect(contents[0] == FeedText(.text, "1 < 2"))
    #expect(contents[1] == FeedText(.html, "<p>escaped</p>"))
    #expect(contents[2]?.kind == .html)
    #expect(contents[2]?.value.contains("<p>inline <em>xhtml</em></p>") == true)
    #expect(contents[3] == FeedText(.html, "<p>mime html</p>"))
    #expect(contents[4]?.value.contains("<p>mime xhtml</p>") == true)
    #expect(contents[5]?.value == "<p>in base64</p>")
    #expect(contents[6] == nil)
    #expect(feed.items[6].link == "http://example.org/out-of-line")
  }

  @Test func atom03ModesAndDatesAreRead() throws {
    let body = Data("plain body".utf8).base64EncodedString()
    let feed = try FeedFixtures.parse(
      """
      <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title>
      <tagline>line</tagline>
      <entry><title>E</title><link rel="alternate" type="text/html" href="http://example.org/e"/>
      <id>e1</id><issued>2004-01-01T10:00:00Z</issued><modified>2004-01-02T10:00:00Z</modified>
      <content type="text/plain" mode="base64">\(body)</content>
      <summary type="text/html" mode="escaped">&lt;b&gt;s&lt;/b&gt;</summary></entry></feed>
      """)
    #expect(feed.format == .atom03)
    #expect(feed.subtitle == "line")
    let item = try #require(feed.items.first)
    #expect(item.content == FeedText(.text, "plain body"))
    #expect(item.summary == FeedText(.html, "<b>s</b>"))
    #expect(item.published == FeedFixtures.utc(2004, 1, 1, 10))
    #expect(item.updated == FeedFixtures.utc(2004, 1, 2, 10))
  }

  @Test func nestedXMLBaseResolvesRelativeLinks() throws {
    let feed = try FeedFixtures.parse(
      FeedFixtures.atom(
        """
        <entry xml:base="posts/"><id>1</id><link href="one.html"/></entry>
        <entry><id>2</id><link href="../two.html"/></entry>
        """, attributes: "xml:base=\"http://base.example/blog/\""),
      url: URL(string: "http://feeds.example/atom"))
    #expect(
      feed.items.map(\.link) == [
        "http://base.example/blog/posts/one.html", "http://base.example/two.html",
      ])
  }

  @Test func relativeLinksResolveAgainstTheFeedURL() throws {
    let feed = try FeedFixtures.parse(
      FeedFixtures.rss("<item><link>../post.html</link></item>"),
      url: URL(string: "https://site.example/blog/feed/rss.xml"))
    #expect(feed.items.first?.link == "https://site.example/blog/post.html")
  }

  @Test func titlesOfTypeHTMLLoseTheirMarkup() throws {
    let feed = try FeedFixtures.parse(
      FeedFixtures.atom(
        "<entry><id>1</id><title type=\"html\">&lt;b&gt;Bold&lt;/b&gt; &amp;amp; more</title></entry>"
      ))
    #expect(feed.items.first?.title == "Bold & more")
  }

  @Test func undeclaredHTMLEntitiesAreDecoded() throws {
    let feed = try FeedFixtures.parse(
      FeedFixtures.rss("<item><title>caff&egrave;&nbsp;&mdash; s&igrave;</title></item>"))
    #expect(feed.items.first?.title == "caffè\u{00A0}— sì")
  }

  @Test func controlCharactersNeverReachTheText() throws {
    let feed = try FeedFixtures.parse(
      FeedFixtures.rss("<item><title>bad&#x1B;[31m red&#x7F;\u{202E}</title></item>"))
    #expect(feed.items.first?.title == "bad[31m red")
  }

  /// Accents, curly quotes and dashes pass the byte scan untouched; a bidirectional or
  /// invisible control among them is still found and removed.
  @Test func typographyIsKeptAndControlsAmongItRemoved() throws {
    let feed = try FeedFixtures.parse(
      FeedFixtures.rss(
        "<item><title>  “Così” — l’été  </title>"
          + "<description>Città “vera” — sì\u{202E}, no\u{200B}!</description></item>"))
    #expect(feed.items.first?.title == "“Così” — l’été")
    #expect(feed.items.first?.summary?.value == "Città “vera” — sì, no!")
  }

  @Test func malformedFeedYieldsWhatCanBeReadAndAWarning() throws {
    let feed = try FeedFixtures.parse(
      "<rss version=\"2.0\"><channel><title>Broken</title><item><title>one</title></item><item><title>two & three</title></item>"
    )
    #expect(feed.title == "Broken")
    #expect(feed.items.first?.title == "one")
    #expect(feed.warnings.contains { $0.contains("malformed") })
  }

  @Test func jsonFeedRelativeURLsResolveAndNumericIDsAreKept() throws {
    let feed = try FeedFixtures.parse(
      #"{"version":"https://jsonfeed.org/version/1","title":"J","items":[{"id":42,"url":"/p/42","content_text":"hi"}]}"#,
      url: URL(string: "https://j.example/feed.json"))
    #expect(feed.format == .json10)
    #expect(feed.items.first?.id == "42")
    #expect(feed.items.first?.link == "https://j.example/p/42")
    #expect(feed.items.first?.content == FeedText(.text, "hi"))
  }
}
