import Foundation
import GRDB
import Testing

@testable import LeggioModel
@testable import LeggioStore
@testable import LeggioFeeds
import LeggioTestSupport

/// The store and the updater on local files (`file://`); HTTP is in EndToEndTests.
@Suite struct FeedStoreTests {
  private let directory: URL

  init() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("leggio-feeds-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  private func write(_ text: String, to name: String) throws -> URL {
    let url = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
  }

  private func rss(_ ids: [Int]) -> String {
    FeedFixtures.rss(
      ids.map {
        "<item><title>Item \($0)</title><link>http://example.org/\($0)</link><guid>id-\($0)</guid><description>Summary \($0)</description></item>"
      }.joined(), channel: "<title>Local</title><link>http://example.org/</link>")
  }

  @Test func subscribingTwiceToOneURLIsRefused() throws {
    let library = try FeedTestLibrary()
    let feed = try library.store.add(url: "https://example.org/feed.xml", tags: ["news"])
    #expect(feed.id != nil)
    #expect(
      throws: FeedSubscriptionError.alreadySubscribed(
        url: "https://example.org/feed.xml", id: feed.id!)
    ) {
      try library.store.add(url: "https://example.org/feed.xml")
    }
  }

  @Test func aURLThatIsNoFeedAddressIsRefused() throws {
    let library = try FeedTestLibrary()
    #expect(throws: FeedSubscriptionError.invalidURL("ftp://x")) {
      try library.store.add(url: "ftp://x")
    }
    #expect(throws: FeedSubscriptionError.invalidURL("example.org")) {
      try library.store.add(url: "example.org")
    }
  }

  @Test func removingLeavesATombstoneAndAddingAgainBringsTheFeedBack() throws {
    let library = try FeedTestLibrary()
    let feed = try library.store.add(url: "https://example.org/feed.xml")
    try library.store.remove(id: feed.id!)
    #expect(try library.store.feeds().isEmpty)
    let rows = try library.database.read { try FeedRecord.fetchAll($0) }
    #expect(rows.count == 1 && rows[0].deletedAt != nil)
    let again = try library.store.add(url: "https://example.org/feed.xml", full: true)
    #expect(again.id == feed.id && again.uuid == feed.uuid && again.full)
    #expect(throws: FeedSubscriptionError.unknownFeed(id: 99)) { try library.store.remove(id: 99) }
  }

  @Test func anUpdateNeverDuplicatesAnItem() async throws {
    let library = try FeedTestLibrary()
    let file = try write(rss([2, 1]), to: "feed.xml")
    let feed = try library.store.add(url: file.absoluteString)
    let first = try await library.updater().update()
    #expect(first.map(\.newItems) == [2])
    #expect(first.first?.title == "Local")
    let second = try await library.updater().update()
    #expect(second.map(\.newItems) == [0])
    _ = try write(rss([3, 2, 1]), to: "feed.xml")
    let third = try await library.updater().update(feedIDs: [feed.id!])
    #expect(third.map(\.newItems) == [1])
    #expect(try library.articleTitles() == ["Item 1", "Item 2", "Item 3"])
    let items = try library.store.items(feedID: feed.id!)
    #expect(items.map(\.identity) == ["id-1", "id-2", "id-3"])
    #expect(items.allSatisfy { $0.articleID != nil })
    let stored = try #require(try library.store.feed(id: feed.id!))
    #expect(
      stored.title == "Local" && stored.siteURL == "http://example.org/"
        && stored.lastUpdated != nil)
  }

  @Test func aLargeFeedBecomesArticlesOldestFirstWithTheirOwnText() async throws {
    let library = try FeedTestLibrary()
    // One batch (`FeedUpdater.batchSize`, 500): across batches the order is kept by the
    // date added (`aFeedStoredInSeveralBatchesListsInTheFeedsOrderByDateAdded`).
    let count = 450
    let ids = Array((1...count).reversed())  // newest first, as feeds list them
    let feed = try library.store.add(url: try write(rss(ids), to: "large.xml").absoluteString)
    let summaries = try await library.updater().update()
    #expect(summaries.first?.newItems == count)
    #expect(try library.articleTitles() == (1...count).map { "Item \($0)" })
    #expect(try library.articleBodies() == (1...count).map { "Summary \($0)" })
    let items = try library.store.items(feedID: feed.id!)
    #expect(Set(items.compactMap(\.articleID)).count == count)
    #expect(Set(items.compactMap(\.id)).count == count)
  }

  @Test func itemsWithoutGuidAreKnownByTheirLink() async throws {
    let library = try FeedTestLibrary()
    let text = FeedFixtures.rss(
      "<item><title>A</title><link>http://example.org/a</link></item><item><title>A again</title><link>http://example.org/a</link></item>"
    )
    let feed = try library.store.add(url: try write(text, to: "nolinks.xml").absoluteString)
    _ = try await library.updater().update()
    _ = try await library.updater().update()
    #expect(try library.store.items(feedID: feed.id!).map(\.identity) == ["http://example.org/a"])
  }

  @Test func aBrokenUpdateKeepsWhatWasStoredAndRecordsTheError() async throws {
    let library = try FeedTestLibrary()
    let file = try write(rss([1]), to: "feed.xml")
    let broken = try library.store.add(url: file.absoluteString)
    let missing = try library.store.add(
      url: directory.appendingPathComponent("missing.xml").absoluteString)
    _ = try await library.updater().update()
    _ = try write("<html><body>Moved</body></html>", to: "feed.xml")
    let summaries = try await library.updater().update()
    #expect(summaries[0].error?.contains("web page") == true)
    #expect(summaries[1].error?.contains("cannot be read") == true)
    #expect(try library.store.items(feedID: broken.id!).count == 1)
    #expect(try library.store.feed(id: broken.id!)?.lastError?.contains("web page") == true)
    #expect(try library.store.feed(id: missing.id!)?.lastError != nil)
    _ = try write(rss([2, 1]), to: "feed.xml")
    let fixed = try await library.updater().update(feedIDs: [broken.id!])
    #expect(fixed.map(\.newItems) == [1])
    #expect(try library.store.feed(id: broken.id!)?.lastError == nil)
  }

  @Test func theListingCountsItemsAndUnreadArticles() async throws {
    let library = try FeedTestLibrary()
    let feed = try library.store.add(
      url: try write(rss([1, 2, 3]), to: "feed.xml").absoluteString, tags: ["t"])
    _ = try await library.updater().update()
    try await library.database.write {
      try $0.execute(sql: "UPDATE test_articles SET isRead = 1 WHERE title = 'Item 2'")
    }
    let listing = try library.store.listing(unread: library.unreadCounter)
    #expect(listing.count == 1)
    #expect(listing[0].id == feed.id && listing[0].items == 3 && listing[0].unread == 2)
    #expect(listing[0].title == "Local" && listing[0].tags == ["t"] && listing[0].lastError == nil)
    #expect(try library.store.listing().first?.unread == nil)
  }

  @Test func aFullFeedStoresTheExtractedPageOfSummaryOnlyItems() async throws {
    let library = try FeedTestLibrary()
    let page = try write("<html><body><p>The whole article.</p></body></html>", to: "page.html")
    let text = FeedFixtures.rss(
      """
      <item><title>Short</title><link>\(page.absoluteString)</link><description>Only a teaser</description></item>
      <item><title>Long</title><link>http://example.org/long</link><description>t</description><content:encoded>&lt;p&gt;Full body&lt;/p&gt;</content:encoded></item>
      """)
    _ = try library.store.add(url: try write(text, to: "full.xml").absoluteString, full: true)
    let extractor: PageExtractor = { data, url, _ in
      let body =
        String(decoding: data, as: UTF8.self).contains("whole article") ? "The whole article." : "?"
      return ImportedArticle(
        metadata: ArticleMetadata(title: "", source: url.absoluteString),
        document: Document(blocks: [Block(.paragraph, text: body)]))
    }
    let summaries = try await library.updater(extractor: extractor).update()
    #expect(summaries.first?.newItems == 2)
    #expect(Set(try library.articleBodies()) == ["The whole article.", "Full body"])
    // The extractor found no title: the feed's fills the gap.
    #expect(Set(try library.articleTitles()) == ["Short", "Long"])
  }

  @Test func opmlImportSubscribesOnceAndExportGivesThemBack() throws {
    let library = try FeedTestLibrary()
    let data = try Data(contentsOf: FeedFixtures.corpusFile("newsboat/example.opml"))
    let first = try library.store.importOPML(try OPML.parse(data: data))
    #expect(first.added.count == 7 && first.skipped.isEmpty)
    let second = try library.store.importOPML(try OPML.parse(data: data))
    #expect(second.added.isEmpty && second.skipped.count == 7)
    let exported = try OPML.parse(data: Data(try library.store.exportOPML().utf8))
    #expect(exported.map(\.url).sorted() == first.added.map(\.url).sorted())
    #expect(exported.first { $0.url.contains("mike") }?.tags == ["Blogs", "friends"])
  }
}
