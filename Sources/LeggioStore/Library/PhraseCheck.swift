import GRDB
import Synchronization

/// Whether an article's title, byline and text match a query with phrases, asked of a
/// one-row in-memory FTS5 table that keeps positions, with the library index's tokenizer:
/// a phrase matches exactly as it did when the library's index kept positions (case,
/// diacritics, `l'inchiesta`, a prefix at the end).
///
/// The library's index keeps no positions (`FTSQuery`); it finds the articles holding
/// all of a phrase's words, and this keeps those that hold the phrase. `search` streams
/// its candidates through `FilterProbe` instead (many at a time); lists filtered by a
/// phrase use the SQL function `leggio_phrase(match, title, byline, text)` (`function`),
/// which every connection to a library has.
enum PhraseCheck {
  /// The one-row index, made on first use; one at a time uses it.
  private static let probe = Mutex<DatabaseQueue?>(nil)

  /// `leggio_phrase(match, title, byline, text)`: 1 when the row matches `match`.
  static let function = DatabaseFunction("leggio_phrase", argumentCount: 4, pure: true) {
    values in
    guard let match = String.fromDatabaseValue(values[0]) else { return false }
    return try matches(
      match, title: String.fromDatabaseValue(values[1]) ?? "",
      byline: String.fromDatabaseValue(values[2]) ?? "",
      text: String.fromDatabaseValue(values[3]) ?? "")
  }

  /// Whether title, byline and text together match `match` (an `FTSQuery.match`).
  static func matches(_ match: String, title: String, byline: String, text: String) throws
    -> Bool
  {
    try probe.withLock { probe in
      let database = try probe ?? makeProbe()
      probe = database
      return try database.write { db in
        try db.execute(sql: "INSERT INTO probe (probe) VALUES ('delete-all')")
        try db.cachedStatement(
          sql: "INSERT INTO probe (rowid, title, byline, text) VALUES (1, ?, ?, ?)"
        )
        .execute(arguments: [title, byline, text])
        return try Bool.fetchOne(
          db, sql: "SELECT EXISTS (SELECT 1 FROM probe WHERE probe MATCH ?)", arguments: [match])
          ?? false
      }
    }
  }

  private static func makeProbe() throws -> DatabaseQueue {
    let made = try DatabaseQueue()
    try made.write { db in
      try db.execute(
        sql: """
          CREATE VIRTUAL TABLE probe USING fts5(
            title, byline, text, content = '', tokenize = '\(SearchIndex.tokenizer)'
          )
          """)
    }
    return made
  }
}
