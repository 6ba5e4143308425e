import Foundation
import LeggioStore
import Synchronization
import Testing

@testable import LeggioFeeds

/// Feeds go through the update one after another, but the next feed is fetched and read
/// while the articles of the one before are written (issue 17).
@Suite struct FeedOverlapTests {
  static func rss(_ name: String, count: Int) -> String {
    FeedFixtures.rss(
      (1...count).map {
        "<item><title>\(name) \($0)</title><link>https://\(name).example/\($0)</link>"
          + "<description>&lt;p&gt;Il lago, parola \($0).&lt;/p&gt;</description></item>"
      }.joined(separator: "\n"))
  }

  @Test func theNextFeedIsFetchedWhileTheArticlesOfTheOneBeforeAreWritten() async throws {
    let fetches = Mutex(0)
    let server = try await FeedTestServer.start([
      "/uno.xml": { _ in
        fetches.withLock { $0 += 1 }
        return FeedTestServer.ok(Self.rss("uno", count: 30))
      },
      "/due.xml": { _ in
        fetches.withLock { $0 += 1 }
        return FeedTestServer.ok(Self.rss("due", count: 30))
      },
    ])
    defer { Task { await server.stop() } }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "leggio-overlap-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let library = try Library(path: directory.appendingPathComponent("library.sqlite").path)
    _ = try library.feedStore.add(url: server.url("uno.xml").absoluteString)
    _ = try library.feedStore.add(url: server.url("due.xml").absoluteString)
    let sink = library.feedArticleSink
    // Whether the other feed was asked for while the first one's articles waited in the
    // sink, given ten seconds to be: it used to be fetched only once they were stored.
    let sawNextFetch = Mutex<Bool?>(nil)
    let updater = FeedUpdater(
      store: library.feedStore,
      batchSink: { articles, url, date in
        if sawNextFetch.withLock({ $0 == nil }) {
          var waited = 0
          while fetches.withLock({ $0 }) < 2 && waited < 1_000 {
            usleep(10_000)
            waited += 1
          }
          sawNextFetch.withLock { $0 = fetches.withLock { $0 } >= 2 }
        }
        return try sink(articles, url, date)
      })
    let summaries = try await updater.update()
    #expect(summaries.map(\.newItems) == [30, 30])
    #expect(summaries.allSatisfy { $0.error == nil })
    #expect(sawNextFetch.withLock { $0 } == true)
    #expect(try library.counts().total == 60)
  }
}
