import LeggioCore

/// Work `update` asks for and the `Application` runs outside rendering: reading and
/// writing the library. Each answer comes back to `update` as a `Message`.
public enum Effect: Hashable, Sendable {
  /// The whole library's counts for the header.
  case loadCounts
  /// How many rows `query` has.
  case loadCount(ArticleQuery)
  /// One window of rows (`window * LibraryState.windowSize`, that many rows).
  case loadRows(ArticleQuery, window: Int)
  case loadTags
  case loadArticle(id: Int64)
  case saveReadingPosition(articleID: Int64, offset: Int, progress: Double)
  case remove(ids: [Int64])
}

/// Everything `update` reacts to: terminal events and the answers to effects.
public enum Message: Hashable, Sendable {
  case event(Event)
  case countsLoaded(LibraryCounts)
  case countLoaded(ArticleQuery, Int)
  case rowsLoaded(ArticleQuery, window: Int, [ArticleSummary])
  case tagsLoaded([String])
  case articleLoaded(StoredArticle)
  case removed(ids: [Int64])
  /// An effect failed; the message is shown in the status line.
  case failed(String)
}
