import Foundation
import GRDB
import Testing

@testable import LeggioFeeds
@testable import LeggioStore

/// A feed update stores a batch's articles, then records its items in a second
/// transaction; a kill between the two leaves articles that are not yet the feed's. The
/// next update finishes the job without storing anything twice.
@Suite struct FeedInterruptedUpdateTests {
  static let paragraphs = [
    "Quel ramo del lago di Como, che volge a mezzogiorno, tra due catene non interrotte di monti.",
    "Per una di queste stradicciole tornava bel bello dalla passeggiata verso casa don Abbondio.",
    "Diceva tranquillamente il suo ufizio, e talvolta, tra un salmo e l'altro, chiudeva il breviario.",
  ]

  static func feed(items: Int) -> String {
    let entries = (1...items).map { number in
      """
      <item><title>Capitolo \(number)</title><link>https://promessi.example/\(number)</link>
      <guid>promessi-\(number)</guid>
      <description>&lt;p&gt;\(paragraphs[number % paragraphs.count]) (\(number))&lt;/p&gt;</description></item>
      """
    }
    return """
      <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Promessi</title>
      <link>https://promessi.example/</link>\(entries.joined())</channel></rss>
      """
  }

  @Test func anUpdateKilledBetweenStoringAndRecordingIsFinishedByTheNextOne() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "leggio-interrupted-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let feedFile = directory.appendingPathComponent("feed.xml")
    try Self.feed(items: 12).write(to: feedFile, atomically: true, encoding: .utf8)
    let library = try Library(
      path: directory.appendingPathComponent("library.sqlite").path, deviceID: UUID().uuidString)
    let feed = try library.feedStore.add(url: feedFile.absoluteString)
    let updater = FeedUpdater(store: library.feedStore, batchSink: library.feedArticleSink)
    _ = try await updater.update()
    let items = try library.feedStore.items(feedID: feed.id!)
    #expect(items.count == 12)
    let total = try library.counts().total

    // What a kill between the two transactions leaves: the articles without their items.
    try await library.writer.write { try $0.execute(sql: "DELETE FROM feed_items") }
    let summaries = try await updater.update()

    #expect(summaries.first?.error == nil)
    let repaired = try library.feedStore.items(feedID: feed.id!)
    #expect(repaired.count == 12)
    #expect(Set(repaired.map(\.articleID)) == Set(items.map(\.articleID)))
    #expect(try library.counts().total == total)
  }
}
