import Foundation
import LeggioModel

extension FeedUpdater {
  /// Parses a fetched feed on a thread of its own and stores its new items batch by
  /// batch as the parser reads them: the database writes the first thousand items while
  /// the rest of a large feed is still being parsed. The parser waits while
  /// `batchesAhead` batches are read but not yet taken by the store, so a feed's items are
  /// never all in memory at once, however much faster parsing is than storing. The
  /// bytes are `body`'s (`response` holds the rest), and `bodyRead` is called once the
  /// parser has let them go; `readingDone` as for `store`.
  func parseAndStore(
    _ response: FeedResponse, body: FeedBody, feedID: Int64, feedURL: URL, tags: [String],
    warnings: inout [String], bodyRead: @escaping @Sendable () async -> Void = {},
    readingDone: @escaping @Sendable () async -> Void = {}
  ) async throws -> (feed: ParsedFeed, stored: Int) {
    let known = try store.knownIdentities(feedID: feedID)
    let (batches, continuation) = AsyncStream.makeStream(of: FreshBatch.self)
    let batchSize = Self.batchSize
    let room = BatchRoom(Self.batchesAhead)
    // A store that stops taking (cancelled) must not leave the parser waiting.
    continuation.onTermination = { _ in room.openForGood() }
    let parsing = ParserThread.run { () throws -> ParsedFeed in
      defer {
        continuation.finish()
        Task { await bodyRead() }
      }
      var seen = Set<String>()
      return try FeedParser.parse(
        data: body.take(), contentType: response.contentType, url: response.finalURL,
        batchSize: batchSize, keepsItems: false
      ) { items, feed in
        // A thread of its own, not one of Swift's few cooperative ones: waiting is fine.
        PhaseTrace.mark("feed \(feedID): parsed \(items.count)")
        room.enter()
        continuation.yield(
          FreshBatch(items: Self.newItems(items, known: known, seen: &seen), feed: feed))
      }
    }
    let taken = batches.map { batch in
      room.leave()
      return batch
    }
    let stored = await store(
      taken, feedID: feedID, feedURL: feedURL, baseURL: response.finalURL, tags: tags,
      warnings: &warnings, readingDone: readingDone)
    room.openForGood()
    return (try await parsing.value, stored)
  }

  /// How many parsed batches may wait for the store.
  static let batchesAhead = 2
}

/// How many batches the parser may read ahead of the store: `enter` waits for room,
/// `leave` makes some; once open for good, nothing waits any more.
final class BatchRoom: @unchecked Sendable {
  private let condition = NSCondition()
  private var room: Int
  private var isOpen = false

  init(_ room: Int) { self.room = room }

  func enter() {
    condition.lock()
    while room <= 0 && !isOpen { condition.wait() }
    room -= 1
    condition.unlock()
  }

  func leave() {
    condition.lock()
    room += 1
    condition.signal()
    condition.unlock()
  }

  func openForGood() {
    condition.lock()
    isOpen = true
    condition.broadcast()
    condition.unlock()
  }
}

/// Runs blocking work on a new thread and hands its result to async code.
enum ParserThread {
  static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) -> Task<T, Error> {
    Task {
      try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
          continuation.resume(with: Result { try body() })
        }
        // Feeds of tens of MB nest deeply in libxml2 and Swift alike.
        thread.stackSize = 8 << 20
        thread.start()
      }
    }
  }
}
