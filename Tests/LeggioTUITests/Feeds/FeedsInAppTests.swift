import Foundation
import LeggioStore
import LeggioFeeds
import Testing

@testable import LeggioTUI
import LeggioTestSupport

/// The feeds screen inside the application: opened from the library with `F`, on a real
/// in-memory library whose feeds were stored through `FeedStore` and updated from files.
@Suite struct FeedsInAppTests {
  /// A directory with an RSS file of two items, removed when the test ends.
  final class FeedFiles {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "leggio-feeds-app-" + UUID().uuidString)
    var feed: URL { directory.appendingPathComponent("locale.xml") }
    var missing: URL { directory.appendingPathComponent("missing.xml") }

    init() throws {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try """
      <rss version="2.0"><channel><title>Notizie locali</title>
      <item><title>Il mercato di Bellinzona</title><link>https://locale.example/1</link>
        <pubDate>Wed, 10 Jan 2024 12:00:00 GMT</pubDate><description>Primo.</description></item>
      <item><title>La neve sul Gottardo</title><link>https://locale.example/2</link>
        <pubDate>Thu, 11 Jan 2024 12:00:00 GMT</pubDate><description>Secondo.</description></item>
      </channel></rss>
      """.write(to: feed, atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
  }

  /// The reference article saved by hand, plus the two feeds (the second a missing file).
  static func library(_ files: FeedFiles) throws -> Library {
    let library = try makeLibrary(importing: ["samples/cdt-putin-kim.txt"])
    try library.feedStore.add(url: files.feed.absoluteString)
    try library.feedStore.add(url: files.missing.absoluteString)
    return library
  }

  /// `library(files)` with the feeds updated once, so the first has its title and items.
  static func updatedLibrary(_ files: FeedFiles) async throws -> Library {
    let library = try library(files)
    _ = try await FeedUpdater(store: library.feedStore, batchSink: library.feedArticleSink)
      .update()
    return library
  }

  static func runner(_ library: Library) -> FeedUpdateRunner {
    FeedUpdateRunner(
      updater: FeedUpdater(store: library.feedStore, batchSink: library.feedArticleSink))
  }

  /// Takes in the runner's reports until the update has finished.
  static func waitForUpdate(_ app: Application) async throws {
    for _ in 0..<3_000 where app.state.feedUpdateRunning {
      if !app.drainInbox() { try await Task.sleep(for: .milliseconds(10)) }
    }
    #expect(!app.state.feedUpdateRunning, "the update never finished")
  }

  @Test func fShowsFeedsWithUnreadCountsAndErrorsAndEnterShowsAFeedsItems() async throws {
    let files = try FeedFiles()
    let library = try await Self.updatedLibrary(files)
    let app = makeApp(library, width: 80, height: 7)
    app.press("F")
    let errorRow = app.render().rows[2]
    assertScreen(
      app.render(),
      [
        " Feeds · 2 feeds · 2 unread",
        " ●       2/2  Notizie locali",
        errorRow,
        "",
        "",
        "",
        " Enter items  u update  q back                                              1/2",
      ])
    #expect(errorRow.hasPrefix("         0/0  file://"))
    #expect(errorRow.contains("  ! "))
    #expect(app.render().roles(2).contains(.error))

    app.press("<Enter>")
    #expect(app.state.feeds == nil)
    let screen = app.render().rows
    #expect(screen[0].hasPrefix(" Leggio · 3 articles · 3 unread · 2 shown"))
    #expect(screen[0].hasSuffix("by date added · feed: Notizie locali"))
    #expect(screen[1].contains("La neve sul Gottardo") || screen[1].contains("Il mercato"))
    #expect(screen[1...2].contains { $0.contains("La neve sul Gottardo") })
    #expect(screen[1...2].contains { $0.contains("Il mercato di Bellinzona") })
    #expect(!screen.contains { $0.contains("Putin") })

    // Reading an item makes it read on the feeds screen too: read state is the article's.
    app.press("<Enter>q<Esc>")
    #expect(app.render().rows[0].hasPrefix(" Leggio · 3 articles · 2 unread · 3 shown"))
    #expect(!app.render().rows[0].contains("feed:"))
    app.press("F")
    #expect(app.render().rows[1].hasPrefix(" ●       1/2  Notizie locali"))
    app.press("q")
    #expect(app.state.feeds == nil)
  }

  @Test func uOnTheFeedsScreenUpdatesFromAFeedFileThroughTheRealRunner() async throws {
    let files = try FeedFiles()
    let library = try Self.library(files)
    let app = makeApp(library, width: 80, height: 7)
    app.feedRunner = Self.runner(library)
    app.press("F")
    // Never updated: no title yet, so the row names the feed by its URL.
    #expect(app.render().rows[1].hasPrefix("         0/0  file:///"))

    app.press("u")
    #expect(app.state.hasBackgroundWork)
    #expect(app.render().rows[6].hasPrefix(" Updating feeds…"))
    // A second `u` while the first update runs starts nothing.
    var during = app.state
    #expect(update(&during, .key(.character("u"))).isEmpty)
    // Each feed done reloads the listing, so its counts show before the others finish.
    let done = FeedUpdateProgress(
      completed: 1, total: 2,
      latest: FeedUpdateSummary(feedID: 1, url: "u", title: nil, newItems: 2))
    #expect(update(&during, .feedUpdate(.progress(done))) == [.loadFeeds])
    #expect(during.feeds?.progressLine == "Updating 1/2 · u: 2 new")
    // With the feeds screen closed, the library list reloads instead.
    during.feeds = nil
    #expect(
      update(&during, .feedUpdate(.progress(done)))
        == [.loadCounts, .loadCount(during.library.query)])
    #expect(during.status?.text == "Updating 1/2 · u: 2 new")
    try await Self.waitForUpdate(app)

    let screen = app.render().rows
    #expect(screen[0] == " Feeds · 2 feeds · 2 unread")
    #expect(screen[1] == " ●       2/2  Notizie locali")
    #expect(screen[2].contains("  ! "))
    #expect(screen[6].hasPrefix(" 2 new items from 2 feeds, 1 failed · Enter items"))
    #expect(!app.state.hasBackgroundWork)
    // The library behind the feeds screen counts the new articles.
    app.press("q")
    #expect(app.render().rows[0].hasPrefix(" Leggio · 3 articles · 3 unread · 3 shown"))
  }

  @Test func anUpdateGoesOnWhenTheFeedsScreenIsClosedAndReportsInTheStatusLine() async throws {
    let files = try FeedFiles()
    let library = try Self.library(files)
    let app = makeApp(library, width: 80, height: 7)
    app.feedRunner = Self.runner(library)
    app.press("Fuq")
    #expect(app.state.feeds == nil)
    #expect(app.state.feedUpdateRunning)
    try await Self.waitForUpdate(app)
    #expect(app.render().rows[6].hasPrefix(" Feeds: 2 new items from 2 feeds, 1 failed"))
    #expect(app.render().rows[0].hasPrefix(" Leggio · 3 articles · 3 unread · 3 shown"))
  }

  @Test func withoutARunnerUpdatingSaysWhereToUpdate() throws {
    let files = try FeedFiles()
    let app = makeApp(try Self.library(files), width: 80, height: 7)
    app.press("Fu")
    #expect(!app.state.feedUpdateRunning)
    #expect(app.render().rows[6].contains("leggio feeds update"))
  }

  @Test func escClearsTheFeedFilter() async throws {
    let files = try FeedFiles()
    let app = makeApp(try await Self.updatedLibrary(files), width: 80, height: 7)
    app.press("F<Enter>")
    #expect(app.state.library.query.feedID != nil)
    #expect(app.render().rows[0].hasPrefix(" Leggio · 3 articles · 3 unread · 2 shown"))
    #expect(app.render().rows[0].hasSuffix("feed: Notizie locali"))
    app.press("<Esc>")
    #expect(app.state.library.query.feedID == nil)
    #expect(app.render().rows[0].hasPrefix(" Leggio · 3 articles · 3 unread · 3 shown"))
    #expect(!app.render().rows[0].contains("feed:"))
  }
}

extension FeedsInAppTests {
  @Test func helpOnTheFeedsScreenListsItsKeysAndQQuits() throws {
    let files = try FeedFiles()
    let app = makeApp(try Self.library(files), width: 80, height: 24)
    app.press("F?")
    let help = app.render().rows.joined(separator: "\n")
    #expect(help.contains("Keys: feeds"))
    #expect(help.contains("update every feed (in the background)"))
    #expect(!help.contains("unread only on/off"))
    app.press("x")
    #expect(app.state.modal == nil && app.state.feeds != nil)
    app.press("Q")
    #expect(app.state.shouldQuit)
  }

  @Test func rebindingUpdateFeedsInTheConfigurationMovesItsKey() throws {
    let files = try FeedFiles()
    let library = try Self.library(files)
    let app = Application(
      library: library, width: 80, height: 7,
      keymap: Keymap.default.applying([.updateFeeds: [.character("r")]]))
    app.start()
    app.press("Fu")
    #expect(app.render().rows[6].hasPrefix(" Enter items"))
    app.press("r")
    #expect(app.render().rows[6].contains("leggio feeds update"))
  }
}
