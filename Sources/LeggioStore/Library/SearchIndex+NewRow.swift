import GRDB

/// A new article indexed from the values in memory (issue 13: adding a book), beside the
/// triggers of `SearchIndex`, which are not changed.
///
/// The triggers index a new version by reading the view `article_search`, which inflates
/// the document just compressed to take its text out again; a book's text is at hand
/// when it is added. Inside the adding transaction: `deferRowIndexing` (the insert
/// triggers then do nothing), the article inserted, `indexNewRow` with exactly what the
/// view will show for it (title, byline or '', the version's canonical text), the version
/// inserted, `resumeRowIndexing`. Later changes and deletions go through the triggers,
/// which take the row out with the view's values, the same as these.
extension SearchIndex {
  /// Indexes article `id`, not indexed yet, with these values.
  static func indexNewRow(
    _ db: Database, id: Int64, title: String, byline: String?, text: String
  ) throws {
    try db.execute(
      sql: "INSERT INTO article_fts (rowid, title, byline, text) VALUES (?, ?, ?, ?)",
      arguments: [id, title, byline ?? "", text])
  }

  /// Turns the insert triggers back on after `deferRowIndexing`, indexing nothing.
  static func resumeRowIndexing(_ db: Database) throws {
    try db.execute(sql: "DELETE FROM article_search_batch")
  }
}
