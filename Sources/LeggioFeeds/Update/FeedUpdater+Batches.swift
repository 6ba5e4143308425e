import Foundation
import LeggioModel
import LeggioStore

extension FeedUpdater {
  /// A feed's new items, in the feed's order (newest first), with the feed as read when
  /// they were (its title and link go on their articles).
  struct FreshBatch: Sendable {
    var items: [(item: FeedItem, identity: String)]
    var feed: ParsedFeed
  }

  /// Stores batches of new items as they come and returns how many were stored. Each
  /// batch is turned into articles on another core while the one before is written. A
  /// batch the sink refuses is not recorded, so the next update tries its items again; a
  /// stored batch's items are recorded at once. `pages` are the extracted web pages of a
  /// `full` feed's items, by identity; the subscription's `tags` go on every article,
  /// beside the item's own categories.
  ///
  /// Feeds list their newest item first. Each batch is stored oldest first, and dated a
  /// millisecond before the batch that came before it, so that the library's "added"
  /// order is the feed's order however many batches there are.
  func store(
    _ batches: some AsyncSequence<FreshBatch, Never>, feedID: Int64, feedURL: URL, baseURL: URL,
    pages: [String: ImportedArticle] = [:], tags: [String], warnings: inout [String]
  ) async -> Int {
    let started = Date()
    var stored = 0
    var pending: PendingBatch?
    var count = 0
    for await batch in batches where !batch.items.isEmpty {
      let fresh = Array(batch.items.reversed())
      let next = PendingBatch(
        fresh: fresh, addedAt: started.addingTimeInterval(-0.001 * Double(count)),
        articles: Self.articles(
          for: fresh, feed: batch.feed, baseURL: baseURL, pages: pages, tags: tags))
      count += 1
      if let pending {
        stored += await store(pending, feedID: feedID, feedURL: feedURL, warnings: &warnings)
      }
      pending = next
    }
    if let pending {
      stored += await store(pending, feedID: feedID, feedURL: feedURL, warnings: &warnings)
    }
    return stored
  }

  /// New items on their way to the sink, oldest first, and their articles being built.
  private struct PendingBatch {
    var fresh: [(item: FeedItem, identity: String)]
    var addedAt: Date
    var articles: Task<[ImportedArticle], Never>
  }

  private static func articles(
    for fresh: [(item: FeedItem, identity: String)], feed: ParsedFeed, baseURL: URL,
    pages: [String: ImportedArticle], tags: [String]
  ) -> Task<[ImportedArticle], Never> {
    Task.detached {
      let built = FeedArticleBuilder.articles(
        for: fresh.filter { pages[$0.identity] == nil }.map(\.item), feed: feed, feedURL: baseURL)
      var next = built.makeIterator()
      return fresh.map {
        var article = pages[$0.identity] ?? next.next()!
        if !tags.isEmpty { article.metadata.tags += tags }
        return article
      }
    }
  }

  /// Stores one batch and records its items; returns how many were stored.
  private func store(
    _ batch: PendingBatch, feedID: Int64, feedURL: URL, warnings: inout [String]
  ) async -> Int {
    let articles = await batch.articles.value
    let ids: [Int64]
    do {
      ids = try sink(articles, feedURL, batch.addedAt)
    } catch {
      warnings.append("\(batch.fresh.count) items were not saved: \(Self.describe(error))")
      return 0
    }
    let records = zip(batch.fresh, ids).map { fresh, articleID in
      FeedItemRecord(
        feedId: feedID, identity: fresh.identity, link: fresh.item.link,
        title: fresh.item.displayTitle, published: fresh.item.published ?? fresh.item.updated,
        articleID: articleID)
    }
    // Recorded now, while the next batch is being read and built. What counts is what
    // this update recorded: another one running at once may have recorded some first.
    do {
      return try store.recordItems(records)
    } catch {
      warnings.append(
        "\(records.count) items were saved but not recorded as the feed's: \(Self.describe(error))")
      return 0
    }
  }
}
