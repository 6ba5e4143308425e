import Foundation
import LeggioModel
import LeggioStore
import Synchronization
import Testing

@testable import LeggioFeeds

/// A large feed is parsed and built in batches of `FeedUpdater.batchSize` and handed to
/// the sink `FeedUpdater.batchesPerCommit` batches at a time, one transaction each.
@Suite struct FeedCommitGroupTests {
  static let count = 2_300

  /// A library on disk with one feed, `name`, of `count` items, newest first.
  static func library(
    in directory: URL, count: Int = count, name: String = "uno",
    phrase: String = "La nebbia sul lago"
  ) throws -> Library {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let items = (1...count).reversed().map {
      "<item><title>Voce \($0)</title><link>https://\(name).example/\($0)</link>"
        + "<description>&lt;p&gt;\(phrase), parola\($0).&lt;/p&gt;</description></item>"
    }
    let url = directory.appendingPathComponent("\(name).xml")
    try FeedFixtures.rss(items.joined(separator: "\n")).write(
      to: url, atomically: true, encoding: .utf8)
    let library = try Library(path: directory.appendingPathComponent("library.sqlite").path)
    _ = try library.feedStore.add(url: url.absoluteString)
    return library
  }

  static func directory() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "leggio-commit-groups-\(UUID().uuidString)")
  }

  @Test func aLargeFeedReachesTheSinkInGroupsOfSeveralBatchesOldestItemsLast() async throws {
    let directory = Self.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let library = try Self.library(in: directory)
    let calls = Mutex<[[String]]>([])
    let sink = library.feedArticleSink
    let updater = FeedUpdater(
      store: library.feedStore,
      batchSink: { articles, url, date in
        calls.withLock { $0.append(articles.map(\.metadata.title)) }
        return try sink(articles, url, date)
      })
    #expect(try await updater.update().map(\.newItems) == [Self.count])
    // How the batches group depends on how busy the writer is when each is read: two
    // batches at least (but for the feed's last), four at most.
    let batch = FeedUpdater.batchSize
    let sizes = calls.withLock { $0.map(\.count) }
    #expect(sizes.count >= 2 && sizes.reduce(0, +) == Self.count)
    #expect(sizes.allSatisfy { $0 <= batch * FeedUpdater.batchesPerCommit })
    #expect(sizes.dropLast().allSatisfy { $0 % batch == 0 && $0 >= 2 * batch })
    // Each call holds its items oldest first; the first call the newest items.
    let first = calls.withLock { $0[0] }
    #expect(
      first.first == "Voce \(Self.count - sizes[0] + 1)" && first.last == "Voce \(Self.count)")
    let newestAdded = try library.summaries(ArticleQuery(sort: .added), offset: 0, limit: 3_000)
    #expect(newestAdded.map(\.title) == (1...Self.count).reversed().map { "Voce \($0)" })
  }

  @Test func aFeedOfTwoBatchesIsStoredInOneCommit() async throws {
    let directory = Self.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let count = 2 * FeedUpdater.batchSize
    let library = try Self.library(
      in: directory, count: count, name: "due", phrase: "Il ramo del lago")
    let sizes = Mutex<[Int]>([])
    let sink = library.feedArticleSink
    let updater = FeedUpdater(
      store: library.feedStore,
      batchSink: { articles, url, date in
        sizes.withLock { $0.append(articles.count) }
        return try sink(articles, url, date)
      })
    #expect(try await updater.update().map(\.newItems) == [count])
    #expect(sizes.withLock { $0 } == [count])
  }

  @Test func aGroupTheLibraryRefusesIsStoredByTheNextUpdateAndNothingTwice() async throws {
    let directory = Self.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let library = try Self.library(in: directory)
    struct Refused: Error {}
    // The size of the group refused, nil until one is.
    let refused = Mutex<Int?>(nil)
    let sink = library.feedArticleSink
    let failing = FeedUpdater(
      store: library.feedStore,
      batchSink: { articles, url, date in
        if refused.withLock({ size in
          defer { size = size ?? articles.count }; return size == nil
        }) {
          throw Refused()
        }
        return try sink(articles, url, date)
      })
    let first = try await failing.update()
    let group = try #require(refused.withLock { $0 })
    #expect(group >= 2 * FeedUpdater.batchSize)
    #expect(first.map(\.newItems) == [Self.count - group])
    #expect(
      first.first?.warnings.contains { $0.hasPrefix("\(group) items were not saved") } == true)
    #expect(try library.counts().total == Self.count - group)

    let again = FeedUpdater(store: library.feedStore, batchSink: library.feedArticleSink)
    #expect(try await again.update().map(\.newItems) == [group])
    #expect(try library.counts().total == Self.count)
    let feed = try #require(try library.feedStore.feeds(ids: nil).first)
    let items = try library.feedStore.items(feedID: feed.id!)
    #expect(items.count == Self.count)
    #expect(Set(items.compactMap(\.articleID)).count == Self.count)
    #expect(try library.search("parola1777").map(\.title) == ["Voce 1777"])
  }
}
