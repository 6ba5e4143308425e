import GRDB

/// The search index without columns (issue 17): `detail = none` keeps, for each word,
/// the articles that hold it, and nothing of where or in which column. For 100,000 feed
/// items of Italian prose it is 25 MB where the index with columns was 67 MB (and that
/// with positions 127 MB), about a sixth of the whole library.
///
/// Every query keeps its meaning: the index never answered phrases (`FTSQuery`,
/// `PhraseCheck`), and Leggio asks it no column filter. The rank keeps the weight of
/// the title and byline: which of them hold a word is read from the two short texts
/// themselves as the query is ranked (`SearchRank`).
extension SearchIndex {
  static let wordsMigrationName = "search-v7: the index keeps which articles hold a word"

  /// Makes the index again without columns, a thousand articles at a time so that a
  /// large library shows how far it got, in the migration's one transaction: an
  /// interrupted one leaves the old index as it was, and the next open starts again. An
  /// index made without columns already (by search-v5 on an older library) is left.
  static func migrateToWords(_ db: Database, progress: MigrationProgress?) throws {
    let sql = try String.fetchOne(
      db, sql: "SELECT sql FROM sqlite_master WHERE name = 'article_fts'")
    if sql?.contains("detail = none") == true { return }
    try remakeIndex(db, settings: tuning + crisisTuning, progress: progress)
  }

  /// Makes the index again as `table` with FTS5's `settings`, and indexes every live
  /// article in it, those feed batches left for it too.
  static func remakeIndex(_ db: Database, settings: String, progress: MigrationProgress?)
    throws
  {
    try db.execute(sql: "DROP TABLE IF EXISTS article_fts")
    try db.execute(sql: table + settings)
    try indexEveryArticle(db, step: "Indexing articles for search", progress: progress)
    try db.execute(sql: "DELETE FROM search_pending")
  }
}
