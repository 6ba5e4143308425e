import CSearchRank
import GRDB

/// Whether an article holds the phrases of a query, read from its stored text by
/// `leggio_phrase(match, title, byline, document, text)`, an SQL function in C
/// (`PhraseMatch.h`) that every connection to a library has.
///
/// The library's index keeps no positions (`FTSQuery`): it finds the articles holding all
/// of a phrase's words, and this keeps those that hold the phrase, exactly as an index
/// with positions would (case, diacritics, `l'inchiesta`, a prefix at the end). The
/// function inflates the version's document and reads its text as the index's tokenizer
/// cuts and folds words, without making a string of it, and stops once every phrase has
/// been found; SQLite filters with it in the same statement that lists or ranks
/// (`ListFilter`, `Library.search`). Each candidate still costs a decompression: a
/// rare phrase of words found in most articles reads most texts.
enum PhraseCheck {
  /// Registers `leggio_phrase` on `db`, with the index's tokenizer.
  static func register(_ db: Database) throws {
    let status = leggio_phrase_register(
      UnsafeMutableRawPointer(db.sqliteConnection), SearchIndex.tokenizer)
    guard status == 0 else {
      throw DatabaseError(
        resultCode: ResultCode(rawValue: status),
        message: "the search index's phrase check could not be registered (FTS5)")
    }
  }

  /// Whether the article `a` holds the phrases of the `FTSQuery.match` bound to both `?`:
  /// its title and byline and its current version's text, as the index's view
  /// `article_search` gives them (`SearchIndex.view`); an article without a live version
  /// has an empty text.
  static let condition = """
    COALESCE((SELECT leggio_phrase(?, a.title, COALESCE(a.byline, ''), v.document, v.text)
        FROM article_version v WHERE v.articleId = a.id AND v.deletedAt IS NULL
        ORDER BY v.createdAt DESC, v.rowid DESC LIMIT 1),
      leggio_phrase(?, a.title, COALESCE(a.byline, ''), NULL, ''))
    """
}
