import GRDB

/// The search index without the positions of words (issue 17): `detail = column` keeps,
/// for each word, the articles and columns that hold it, not where in them. For 100,000
/// feed items it is about half the size of the index with positions (126.5 MB).
///
/// Every query keeps its meaning: FTS5 refuses phrases on such an index, so a phrase of
/// several words is asked as all of its words and each candidate's text is then checked
/// for the phrase itself (`FTSQuery`, `PhraseCheck`, `Library.search`). Results are
/// ranked by `leggio_rank` (`SearchRank`), which needs no positions and reads no text.
/// A library older than this migration is given the index without columns at once
/// (`table`, `SearchIndex+Words`), which search-v7 then leaves as it is.
extension SearchIndex {
  static let columnsMigrationName = "search-v5: the index keeps columns, not positions"

  /// Makes the index again without positions, a thousand articles at a time so that a
  /// large library shows how far it got. It runs in the migration's one transaction: an
  /// interrupted one leaves the old index as it was, and the next open starts again.
  static func migrateToColumns(_ db: Database, progress: MigrationProgress?) throws {
    try db.execute(sql: "DROP TABLE IF EXISTS article_fts")
    try db.execute(sql: table + tuning)
    try IDSlices.run(
      db, lastID: "SELECT MAX(id) FROM article", size: 1000,
      sql: """
        INSERT INTO article_fts (rowid, title, byline, text)
          SELECT id, title, byline, text FROM article_search WHERE id BETWEEN ? AND ?
        """, step: "Indexing articles for search", progress: progress)
    // Every live article is in the index now, those feed batches left for it too.
    try db.execute(sql: "DELETE FROM search_pending")
  }
}
