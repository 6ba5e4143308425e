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

  /// Made the index again without positions; now it makes the one without columns at
  /// once (`table`), which search-v7 then finds made and leaves.
  static func migrateToColumns(_ db: Database, progress: MigrationProgress?) throws {
    try remakeIndex(db, settings: tuning, progress: progress)
  }
}
