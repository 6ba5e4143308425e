import CSearchRank
import GRDB

/// How search results are ordered: `leggio_rank`, an FTS5 ranking function in C
/// (`CSearchRank`), registered on every connection to a library (`Library.configuration`).
///
/// The index keeps which articles hold a word, not in which column, where or how often
/// (`detail=none`, `SearchIndex+Words`). FTS5's own `bm25` counts a word's occurrences in
/// each matching row, which on such an index means reading the row's text again and
/// tokenizing it: for an index with external content, one lookup and one decompression
/// per match (`leggio search che` over 100,000 feed items went from 0.34 to 5.0 s).
/// `leggio_rank` is bm25 from what the index answers from its own pages (the columns'
/// lengths, how many rows hold each word) and from the title and byline of the row,
/// which the query reads anyway (`article a` is joined) and which it cuts into words
/// itself. A column holding a word counts as holding it as often as a column of its
/// length can be expected to (`CSearchRank.h`), weighed 10 in the title, 3 in the byline
/// and 1 in the text, which is taken to hold every word.
enum SearchRank {
  /// The score of the current `article_fts` row of a query, lower is better. Its `?` is
  /// the query's MATCH text (`FTSQuery.indexMatch`); the query joins `article a`.
  static let score = "leggio_rank(article_fts, 10.0, 3.0, 1.0, ?, a.title, a.byline)"

  /// Registers `leggio_rank` on `db`.
  static func register(_ db: Database) throws {
    let status = leggio_search_rank_register(UnsafeMutableRawPointer(db.sqliteConnection))
    guard status == 0 else {
      throw DatabaseError(
        resultCode: ResultCode(rawValue: status),
        message: "the search index's ranking function could not be registered (FTS5)")
    }
  }
}
