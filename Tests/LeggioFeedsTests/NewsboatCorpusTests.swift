import Foundation
import Testing

@testable import LeggioFeeds

/// newsboat's test feeds, checked for what their names and contents say.
@Suite struct NewsboatCorpusTests {
  @Test func atomXMLBaseResolvesLinksAndEveryEntryIsRead() throws {
    let feed = try FeedFixtures.parseCorpus("newsboat/atom10_1.xml")
    #expect(feed.format == .atom10)
    #expect(feed.title == "test atom")
    #expect(feed.subtitle == "atom description!")
    #expect(feed.link == "http://example.com/")
    #expect(
      feed.items.map(\.title) == [
        "A gentle introduction to Atom testing", "A missing rel attribute",
        "alternate link isn't first",
      ])
    // A link without rel is the alternate; the alternate wins over an earlier "comments".
    #expect(
      feed.items.map(\.link) == Array(repeating: "http://example.com/atom_testing.html", count: 3))
    #expect(feed.items[2].authors.map(\.name) == ["Person A", "Person B"])
    #expect(feed.items[0].published == FeedFixtures.utc(2008, 12, 30, 20, 4, 15))
    #expect(feed.items[0].content == FeedText(.html, "some content"))
  }

  @Test func atomMediaTagsStandInForMissingTitlesAndContent() throws {
    let feed = try FeedFixtures.parseCorpus("newsboat/atom10_2.xml")
    #expect(feed.items.count == 6)
    #expect(feed.items[1].summary == FeedText(.text, "media plaintext content"))
    #expect(feed.items[2].title == "using multiple media tags")
    #expect(feed.items[2].summary == FeedText(.html, "media html content"))
    #expect(feed.items[3].title == "using multiple media tags nested in group/content")
    #expect(feed.items[3].summary == FeedText(.html, "nested media html content"))
    #expect(feed.items[4].title == "regular title")
    #expect(feed.items[4].content == FeedText(.html, "regular content"))
    #expect(feed.items[5].enclosures.map(\.type) == ["image/png", "video/quicktime"])
    #expect(feed.items[0].authors.map(\.name) == ["A Person"])
    #expect(feed.items[1].authors.map(\.name) == ["John Doe"])  // the feed's author
  }

  @Test func atomAuthorsFallBackFromEntryToSourceToFeed() throws {
    let feed = try FeedFixtures.parseCorpus("newsboat/atom10_feed_authors.xml")
    let feedAuthors = ["First Feed Author", "Second Feed Author"]
    let expected: [[String]] = [
      feedAuthors, ["Entry Author"], ["Entry Author 1", "Entry Author 2"], feedAuthors,
      ["Entry Source Author"],
      ["Entry Source Author 1", "Entry Source Author 2", "Entry Source Author 3"], feedAuthors,
      ["Entry Author"], ["Entry Author 1", "Entry Author 2"],
    ]
    #expect(feed.items.map { $0.authors.compactMap(\.name) } == expected)
  }

  @Test func emptyFileIsRefusedAsEmpty() {
    #expect(throws: FeedError.self) { try FeedFixtures.parseCorpus("newsboat/empty.xml") }
  }

  @Test func itemsWithoutTitlesAreTitledFromTheirLinks() throws {
    let feed = try FeedFixtures.parseCorpus("newsboat/items_without_titles.xml")
    #expect(feed.items.allSatisfy { $0.title == nil })
    #expect(
      feed.items.map(\.displayTitle) == [
        "A gentle introduction to testing", "A missing rel attribute", "Alternate link isnt first",
        "A test for htm extension", "Alternate link isn't first",
      ])
  }

  @Test func atomWithSeveralAlternatesPrefersTheHTMLOne() throws {
    let feed = try FeedFixtures.parseCorpus("newsboat/multiple_item_links.atom")
    #expect(feed.link == "http://www.test.org/")
    #expect(feed.items.map(\.link) == ["http://www.test.org/tests"])
    #expect(
      feed.authors.first
        == FeedPerson(
          name: "Tester", email: "tester@test.org", uri: "http://www.test.org/people/spc/"))
  }

  @Test func bloggerRSSKeepsGuidsDatesAndEscapedHTML() throws {
    let feed = try FeedFixtures.parseCorpus("newsboat/rss.xml")
    #expect(feed.title == "AK's moblog")
    #expect(feed.items.count == 8)
    #expect(
      feed.items[0].id == "http://www.blogger.com/feeds/33750310/posts/full/116665092831467603")
    #expect(feed.items[0].link == "http://aksmoblog.blogspot.com/2006/12/teh-saxxi.html")
    #expect(feed.items[0].published == FeedFixtures.utc(2006, 12, 20, 21, 42, 6))
    #expect(feed.items[0].summary?.value.hasPrefix("<div xmlns=") == true)
    #expect(feed.items[0].authors.map(\.name) == ["ak"])
  }

  @Test(arguments: [
    ("newsboat/rss091_1.xml", FeedFormat.rss091), ("newsboat/rss092_1.xml", .rss092),
  ])
  func oldRSSKeepsEscapedAndCDATAText(path: String, format: FeedFormat) throws {
    let feed = try FeedFixtures.parseCorpus(path)
    #expect(feed.format == format)
    #expect(feed.title == "Example Channel")
    #expect(feed.items[0].title == "1 < 2")
    #expect(feed.items[0].summary?.value.hasPrefix("1 < 2, 3 < 4.\nIn HTML, <b> starts") == true)
  }

  @Test func rss092ResolvesRelativeLinksAgainstXMLBase() throws {
    let feed = try FeedFixtures.parseCorpus("newsboat/rss092_1.xml")
    #expect(
      feed.items.map(\.link) == [
        "http://example.com/1_less_than_2.html", "http://example.com/a_second_item.html",
        "http://example.com/a_third_item.html",
      ])
  }

  @Test func rdfItemsAreSiblingsOfTheChannel() throws {
    let feed = try FeedFixtures.parseCorpus("newsboat/rss10_1.xml")
    #expect(feed.format == .rss10)
    #expect(feed.title == "Example Dot Org")
    #expect(feed.items.count == 1)
    #expect(feed.items[0].id == "http://www.example.org/status/")
    #expect(feed.items[0].link == "http://www.example.org/status/foo")
    #expect(feed.items[0].published == FeedFixtures.utc(2008, 12, 30, 7, 20))
  }

  @Test func rss20ReadsContentEncodedAuthorAndGuid() throws {
    let feed = try FeedFixtures.parseCorpus("newsboat/rss20_1.xml")
    let item = try #require(feed.items.first)
    #expect(item.content == FeedText(.html, "oh well, this is the content."))
    #expect(item.authors == [FeedPerson(name: "Andreas Krennmair", email: "blog@synflood.at")])
    #expect(item.id == "http://example.com/blog/this_is_an_item.html")
    #expect(item.published == FeedFixtures.utc(2008, 12, 12, 1, 36, 10))
  }

  @Test func rss20MediaTagsStandInForTitleAndDescription() throws {
    let feed = try FeedFixtures.parseCorpus("newsboat/rss20_2.xml")
    #expect(
      feed.items.map(\.title) == [
        "using multiple media tags", "using multiple media tags nested in group/content", nil,
      ])
    #expect(feed.items[0].summary == FeedText(.html, "media html content"))
    #expect(
      feed.items[2].enclosures.map(\.url) == [
        "http://example.com/media-test.png", "http://example.com/movie.mov",
      ])
  }

  @Test(arguments: ["091", "092", "094"])
  func authorsWithBracketsKeepTheirNames(version: String) throws {
    let feed = try FeedFixtures.parseCorpus("newsboat/rss_\(version)_with_bracket_author.xml")
    #expect(
      feed.items.map { $0.authors.first?.name } == ["Author name)", "Author", "Author (name)"])
  }

  @Test(arguments: ["091", "092", "094"])
  func emptyAuthorsGiveNoAuthor(version: String) throws {
    let feed = try FeedFixtures.parseCorpus("newsboat/rss_\(version)_with_empty_author.xml")
    #expect(feed.items.count == 2)
    #expect(feed.items.allSatisfy { $0.authors.isEmpty })
  }
}
