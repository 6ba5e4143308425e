import Foundation
import LeggioStore

extension Library {
  /// The sink `FeedUpdater` stores new items through: one library transaction per batch.
  public var feedArticleSink: ArticleBatchSink {
    { [self] articles, _, addedAt in try addFeedArticles(articles, addedAt: addedAt) }
  }
}
