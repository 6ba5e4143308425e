import Foundation

extension FeedUpdater {
  /// Hands the new items to the sink in batches, oldest first, and returns the records
  /// of those stored. Converting batch n+1 to articles overlaps storing batch n, so the
  /// cores convert while the database writes. A batch the sink refuses is not recorded,
  /// so the next update tries its items again. The subscription's `tags` go on every
  /// article, beside the item's own categories.
  func storeArticles(
    _ fresh: [(item: FeedItem, identity: String)], feedID: Int64, feed: ParsedFeed,
    feedURL: URL, baseURL: URL, pages: [String: ImportedArticle], tags: [String] = [],
    warnings: inout [String]
  ) async -> [FeedItemRecord] {
    let ordered = Array(fresh.reversed())
    let batches = stride(from: 0, to: ordered.count, by: Self.batchSize).map {
      Array(ordered[$0..<min($0 + Self.batchSize, ordered.count)])
    }
    func build(_ batch: [(item: FeedItem, identity: String)]) -> Task<[ImportedArticle], Never> {
      Task.detached {
        let built = FeedArticleBuilder.articles(
          for: batch.filter { pages[$0.identity] == nil }.map(\.item), feed: feed, feedURL: baseURL)
        var next = built.makeIterator()
        return batch.map {
          var article = pages[$0.identity] ?? next.next()!
          if !tags.isEmpty { article.metadata.tags += tags }
          return article
        }
      }
    }
    var records: [FeedItemRecord] = []
    var pending = batches.first.map(build)
    for (index, batch) in batches.enumerated() {
      guard let articles = await pending?.value else { break }
      pending = index + 1 < batches.count ? build(batches[index + 1]) : nil
      do {
        let ids = try sink(articles, feedURL, Date())
        for ((item, identity), articleID) in zip(batch, ids) {
          records.append(
            FeedItemRecord(
              feedId: feedID, identity: identity, link: item.link, title: item.displayTitle,
              published: item.published ?? item.updated, articleID: articleID))
        }
      } catch {
        warnings.append("\(batch.count) items were not saved: \(Self.describe(error))")
      }
    }
    return records
  }
}
