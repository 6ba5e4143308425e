import Foundation

/// What the reader application needs from the library. `Library` (SQLite through GRDB)
/// is the implementation; the TUI codes against this so its views stay testable.
///
/// Every method runs a short query; list rows are fetched a window at a time, so a
/// library of 10,000 articles costs no more to show than one of ten.
public protocol ArticleStore: AnyObject, Sendable {
  /// How many articles match `query`.
  func count(_ query: ArticleQuery) throws -> Int
  /// The rows `offset..<offset+limit` of the list for `query`.
  func summaries(_ query: ArticleQuery, offset: Int, limit: Int) throws -> [ArticleSummary]
  /// Counts for the header (the whole library, ignoring any filter).
  func counts() throws -> LibraryCounts
  /// Every tag in use, sorted.
  func allTags() throws -> [String]
  /// The article with its document and this device's reading position.
  func article(id: Int64) throws -> StoredArticle?
  /// Saves this device's reading position and marks the article read.
  func saveReadingPosition(articleID: Int64, offset: Int, progress: Double) throws
  /// Moves articles to the bin (a tombstone; nothing is erased).
  func remove(ids: [Int64]) throws
}
