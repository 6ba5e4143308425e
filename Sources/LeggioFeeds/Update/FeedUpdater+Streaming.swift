import Foundation

extension FeedUpdater {
  /// Parses a fetched feed on a thread of its own and stores its new items batch by
  /// batch as the parser reads them: the database writes the first thousand items while
  /// the rest of a large feed is still being parsed.
  func parseAndStore(
    _ response: FeedResponse, feedID: Int64, feedURL: URL, tags: [String],
    warnings: inout [String]
  ) async throws -> (feed: ParsedFeed, stored: Int) {
    let known = try store.knownIdentities(feedID: feedID)
    let (batches, continuation) = AsyncStream.makeStream(of: FreshBatch.self)
    let batchSize = Self.batchSize
    let parsing = Task.detached { () throws -> ParsedFeed in
      defer { continuation.finish() }
      var seen = Set<String>()
      return try FeedParser.parse(
        data: response.data, contentType: response.contentType, url: response.finalURL,
        batchSize: batchSize
      ) { items, feed in
        continuation.yield(
          FreshBatch(items: Self.newItems(items, known: known, seen: &seen), feed: feed))
      }
    }
    let stored = await store(
      batches, feedID: feedID, feedURL: feedURL, baseURL: response.finalURL, tags: tags,
      warnings: &warnings)
    return (try await parsing.value, stored)
  }
}
