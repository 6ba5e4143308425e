import Foundation
import LeggioStore

extension Library {
  /// The sink `FeedUpdater` stores new items through: one library transaction per batch.
  public var feedArticleSink: ArticleBatchSink {
    { [self] articles, _, addedAt in try addFeedArticles(articles, addedAt: addedAt) }
  }

  /// The same sink, handing each stored batch's pictures to `pictures` (nil: none kept).
  /// Fetching them never holds up the next batch; `FeedPictureFetcher.finish` waits.
  public func feedArticleSink(pictures: FeedPictureFetcher?) -> ArticleBatchSink {
    guard let pictures else { return feedArticleSink }
    return { [self] articles, feedURL, addedAt in
      let ids = try addFeedArticles(articles, addedAt: addedAt)
      pictures.enqueue(articles, ids: ids, feedURL: feedURL)
      return ids
    }
  }
}
