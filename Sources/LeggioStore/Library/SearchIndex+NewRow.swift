import GRDB

/// A new long article (issue 13: adding a book) queued for the search index rather than
/// indexed as it is added, beside the triggers of `SearchIndex`, which are not changed.
///
/// Indexing a 3 MB book's 6 MB of text was about 0.15 s of CPU, a quarter of `leggio add`,
/// and on two cores it could only run beside compressing the document. Inside the adding
/// transaction: `deferRowIndexing` (the insert triggers then do nothing), the article and
/// its version inserted, `queueNewRow`. The book then waits in `search_pending` like the
/// articles of a feed update: a search, a list filtered by words, `leggio check` and the
/// reader (in the background, as it opens) index it first (`Library.catchUpSearchIndex`),
/// so no search misses it. Later changes and deletions go through the triggers.
extension SearchIndex {
  /// Queues article `id`, just inserted and not indexed, for `catchUp`, and turns the
  /// insert triggers back on (after `deferRowIndexing`).
  static func queueNewRow(_ id: Int64, _ db: Database) throws {
    try db.execute(sql: "DELETE FROM article_search_batch")
    try db.execute(sql: "INSERT OR IGNORE INTO search_pending (id) VALUES (?)", arguments: [id])
  }
}
