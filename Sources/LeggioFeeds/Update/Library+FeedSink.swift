import Foundation
import LeggioModel
import LeggioStore

extension Library {
  /// The sink `FeedUpdater` stores new items through: one library transaction per batch.
  public var feedArticleSink: LibraryFeedSink { LibraryFeedSink(library: self, pictures: nil) }

  /// The same sink, handing each stored batch's pictures to `pictures` (nil: none kept).
  /// Fetching them never holds up the next batch; `FeedPictureFetcher.finish` waits.
  public func feedArticleSink(pictures: FeedPictureFetcher?) -> LibraryFeedSink {
    LibraryFeedSink(library: self, pictures: pictures)
  }
}

/// The library as `FeedUpdater`'s sink. What it stores of each article (hash, JSON,
/// compression: `PreparedFeedArticles`) is computed as soon as the article is built,
/// beside the writer, which then does SQL alone; the built article is let go at once,
/// its picture addresses kept. Called as a plain `ArticleBatchSink`, it prepares and
/// stores in one go.
public struct LibraryFeedSink: Sendable {
  public let library: Library
  public let pictures: FeedPictureFetcher?

  /// A batch ready for the library's writer.
  public struct Batch: Sendable {
    let prepared: PreparedFeedArticles
    /// Each article's picture addresses, when pictures are kept.
    let pictureSources: [[String]]

    /// The articles of `batches`, in order.
    static func joined(_ batches: [Batch]) -> Batch {
      batches.count == 1
        ? batches[0]
        : Batch(
          prepared: .joined(batches.map(\.prepared)),
          pictureSources: batches.flatMap(\.pictureSources))
    }
  }

  /// What the library stores of `articles`, computed on every core.
  public func prepare(_ articles: [ImportedArticle]) -> Batch {
    Batch(
      prepared: PreparedFeedArticles(articles, for: library),
      pictureSources: pictures == nil ? [] : articles.map(FeedPictureFetcher.sources))
  }

  /// Stores a prepared batch in one transaction and returns its articles' ids.
  public func store(_ batch: Batch, feedURL: URL, addedAt: Date) throws -> [Int64] {
    let ids = try library.addFeedArticles(batch.prepared, addedAt: addedAt)
    pictures?.enqueue(sources: batch.pictureSources, ids: ids, feedURL: feedURL)
    return ids
  }

  /// Stores a prepared batch and the feed's records of its items (`records`, made from
  /// the articles' ids) in one transaction; returns the ids and how many records were
  /// new. `store` must be the library's own (`Library.holds`).
  public func store(
    _ batch: Batch, feedURL: URL, addedAt: Date, recording records: ([Int64]) -> [FeedItemRecord]
  ) throws -> (ids: [Int64], recorded: Int) {
    let stored = try library.addFeedArticles(batch.prepared, addedAt: addedAt, recording: records)
    pictures?.enqueue(sources: batch.pictureSources, ids: stored.ids, feedURL: feedURL)
    return stored
  }

  public func callAsFunction(_ articles: [ImportedArticle], _ feedURL: URL, _ addedAt: Date)
    throws -> [Int64]
  {
    try store(prepare(articles), feedURL: feedURL, addedAt: addedAt)
  }
}
