import Foundation

extension FeedUpdater {
  /// Parses a fetched feed on a thread of its own and stores its new items batch by
  /// batch as the parser reads them: the database writes the first thousand items while
  /// the rest of a large feed is still being parsed, and each batch is turned into
  /// articles on another core while the one before is written. A batch the sink refuses
  /// is not recorded, so the next update tries its items again; a stored batch's items
  /// are recorded at once.
  ///
  /// Feeds list their newest item first. Each batch is stored oldest first, and dated
  /// a millisecond before the batch read before it, so that the library's "added" order
  /// is the feed's order, as when a feed is stored in one go.
  func parseAndStore(
    _ response: FeedResponse, feedID: Int64, feedURL: URL, tags: [String],
    warnings: inout [String]
  ) async throws -> (feed: ParsedFeed, stored: Int) {
    let known = try store.knownIdentities(feedID: feedID)
    let (batches, continuation) = AsyncStream.makeStream(of: ([FeedItem], ParsedFeed).self)
    let batchSize = Self.batchSize
    let parsing = Task.detached { () throws -> ParsedFeed in
      defer { continuation.finish() }
      return try FeedParser.parse(
        data: response.data, contentType: response.contentType, url: response.finalURL,
        batchSize: batchSize
      ) { items, header in continuation.yield((items, header)) }
    }
    let started = Date()
    var seen = Set<String>()
    var stored: [[FeedItemRecord]] = []
    var pending: Batch?
    var count = 0
    for await (items, header) in batches {
      let fresh = Array(Self.newItems(items, known: known, seen: &seen).reversed())
      guard !fresh.isEmpty else { continue }
      let next = Batch(
        fresh: fresh, addedAt: started.addingTimeInterval(-0.001 * Double(count)),
        articles: Self.articles(
          for: fresh, feed: header, baseURL: response.finalURL, tags: tags))
      count += 1
      if let pending {
        let articles = await pending.articles.value
        stored.append(
          store(pending, articles, feedID: feedID, feedURL: feedURL, warnings: &warnings))
      }
      pending = next
    }
    if let pending {
      let articles = await pending.articles.value
      stored.append(store(pending, articles, feedID: feedID, feedURL: feedURL, warnings: &warnings))
    }
    let parsed = try await parsing.value
    return (parsed, stored.reduce(0) { $0 + $1.count })
  }

  /// New items on their way to the sink, oldest first, and their articles being built.
  private struct Batch {
    var fresh: [(item: FeedItem, identity: String)]
    var addedAt: Date
    var articles: Task<[ImportedArticle], Never>
  }

  private static func articles(
    for fresh: [(item: FeedItem, identity: String)], feed: ParsedFeed, baseURL: URL,
    tags: [String]
  ) -> Task<[ImportedArticle], Never> {
    Task.detached {
      FeedArticleBuilder.articles(for: fresh.map(\.item), feed: feed, feedURL: baseURL).map {
        var article = $0
        if !tags.isEmpty { article.metadata.tags += tags }
        return article
      }
    }
  }

  private func store(
    _ batch: Batch, _ articles: [ImportedArticle], feedID: Int64, feedURL: URL,
    warnings: inout [String]
  ) -> [FeedItemRecord] {
    let ids: [Int64]
    do {
      ids = try sink(articles, feedURL, batch.addedAt)
    } catch {
      warnings.append("\(batch.fresh.count) items were not saved: \(Self.describe(error))")
      return []
    }
    let records = zip(batch.fresh, ids).map { fresh, articleID in
      FeedItemRecord(
        feedId: feedID, identity: fresh.identity, link: fresh.item.link,
        title: fresh.item.displayTitle, published: fresh.item.published ?? fresh.item.updated,
        articleID: articleID)
    }
    // Recorded now, while the next batch is being read and built.
    do {
      try store.recordItems(records)
    } catch {
      warnings.append(
        "\(records.count) items were saved but not recorded as the feed's: \(Self.describe(error))")
    }
    return records
  }
}
