import Foundation
import LeggioStore
import LeggioFeeds
import Testing

@testable import LeggioTUI
import LeggioTestSupport

/// The feeds screen drawn into a grid, its keys, and a background update through the
/// real library and a feed file.
@Suite struct FeedsScreenTests {
  static func listing(
    _ id: Int64, _ title: String?, unread: Int, items: Int, error: String? = nil
  ) -> FeedListing {
    FeedListing(
      id: id, url: "https://feed\(id).example/rss", title: title, tags: [], full: false,
      items: items, unread: unread, lastUpdated: nil, lastError: error)
  }

  static let feeds = [
    listing(1, "Il Post", unread: 12, items: 40),
    listing(2, nil, unread: 0, items: 0, error: "https://feed2.example/rss answered HTTP 404"),
    listing(3, "Diario\u{1B}[31m", unread: 3, items: 3),
  ]

  func screen(_ state: FeedsScreenState, width: Int = 60, height: Int = 6) -> [String] {
    var grid = CellGrid(width: width, height: height)
    FeedsView.draw(state, into: &grid)
    return (0..<height).map { grid.rowText($0) }
  }

  @Test func feedsShowUnreadCountsErrorsAndKeys() {
    var state = FeedsScreenState()
    state.loaded(Self.feeds, visibleRows: 4)
    #expect(
      screen(state) == [
        " Feeds · 3 feeds · 15 unread",
        " ●     12/40  Il Post",
        "         0/0  https://feed2.example…  ! https://feed2.exam…",
        // The escape character is drawn as a visible symbol, never sent to the terminal.
        " ●       3/3  Diario␛[31m",
        "",
        " Enter items  u update  q back                          1/3",
      ])
  }

  @Test func fiveDigitCountsFitTheirColumnAndTheTitlesMoveAlong() {
    var state = FeedsScreenState()
    state.loaded(
      [
        Self.listing(1, "Grande", unread: 12_345, items: 67_890),
        Self.listing(2, "Piccolo", unread: 1, items: 2),
      ], visibleRows: 4)
    #expect(
      screen(state).prefix(3) == [
        " Feeds · 2 feeds · 12346 unread",
        " ● 12345/67890  Grande",
        " ●         1/2  Piccolo",
      ])
  }

  @Test func enterAsksForTheSelectedFeedsItemsInTheLibraryList() {
    var state = FeedsScreenState()
    state.loaded(Self.feeds, visibleRows: 4)
    let base = ArticleQuery(search: "pace", tag: "esteri", unreadOnly: true, sort: .published)
    #expect(state.handle(.character("j"), keymap: .default, visibleRows: 4, base: base) == nil)
    #expect(state.handle(.down, keymap: .default, visibleRows: 4, base: base) == nil)
    #expect(state.selectedFeed?.id == 3)
    let intent = state.handle(.enter, keymap: .default, visibleRows: 4, base: base)
    #expect(intent == .showItems(ArticleQuery(unreadOnly: true, sort: .published, feedID: 3)))
    #expect(state.handle(.escape, keymap: .default, visibleRows: 4, base: base) == .close)
  }

  @Test func aReloadKeepsTheSelectedFeed() {
    var state = FeedsScreenState()
    state.loaded(Self.feeds, visibleRows: 4)
    _ = state.handle(.down, keymap: .default, visibleRows: 4, base: ArticleQuery())
    state.loaded([Self.feeds[1], Self.listing(4, "Nuovo", unread: 1, items: 1)], visibleRows: 4)
    #expect(state.selectedFeed?.id == 2)
  }

  @Test func progressShowsInTheStatusLineAndUIsIgnoredWhileUpdating() {
    var state = FeedsScreenState()
    state.loaded(Self.feeds, visibleRows: 4)
    #expect(
      state.handle(.character("u"), keymap: .default, visibleRows: 4, base: ArticleQuery())
        == .update(feedIDs: nil))
    state.updateStarted()
    #expect(
      state.handle(.character("u"), keymap: .default, visibleRows: 4, base: ArticleQuery()) == nil)
    state.updateProgressed(
      FeedUpdateProgress(
        completed: 1, total: 3,
        latest: FeedUpdateSummary(feedID: 1, url: "u", title: "Il Post", newItems: 4)))
    #expect(screen(state).last == " Updating 1/3 · Il Post: 4 new                          1/3")
    state.updateFinished([
      FeedUpdateSummary(feedID: 1, url: "u", title: "Il Post", newItems: 4),
      FeedUpdateSummary(feedID: 2, url: "v", title: nil, error: "404"),
    ])
    #expect(screen(state, width: 70).last?.hasPrefix(" 4 new items from 2 feeds, 1 failed") == true)
  }

  @Test func anUpdateRunsInTheBackgroundAndReportsEachFeed() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "leggio-feeds-tui-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("feed.xml")
    try """
    <rss version="2.0"><channel><title>Locale</title>
    <item><title>Uno</title><link>https://locale.example/1</link><description>Primo.</description></item>
    <item><title>Due</title><link>https://locale.example/2</link><description>Secondo.</description></item>
    </channel></rss>
    """.write(to: file, atomically: true, encoding: .utf8)
    let library = try Library.inMemory()
    try library.feedStore.add(url: file.absoluteString)
    try library.feedStore.add(url: directory.appendingPathComponent("missing.xml").absoluteString)
    let runner = FeedUpdateRunner(
      updater: FeedUpdater(store: library.feedStore, batchSink: library.feedArticleSink))
    let reports = AsyncStream<FeedUpdateRunner.Report>.makeStream()
    runner.start { report in
      reports.continuation.yield(report)
      if case .progress = report { return }
      reports.continuation.finish()
    }
    var state = FeedsScreenState()
    state.updateStarted()
    var progressed = 0
    for await report in reports.stream {
      switch report {
      case .progress(let progress):
        progressed += 1
        state.updateProgressed(progress)
        #expect(state.progressLine?.hasPrefix("Updating \(progressed)/2") == true)
      case .finished(let summaries): state.updateFinished(summaries)
      case .failed(let message): state.updateFailed(message)
      }
    }
    #expect(progressed == 2)
    #expect(state.lastReport == "2 new items from 2 feeds, 1 failed")
    state.loaded(try library.feedListings(), visibleRows: 4)
    #expect(state.feeds.map(\.unread) == [2, 0])
    #expect(state.feeds[1].lastError != nil)
  }
}
