import GRDB

/// The full-text index over each live article's title, byline and current text.
///
/// It keeps no copy of the text (issue 17): `article_fts` is an FTS5 table with external
/// content, the view `article_search`, which reads title and byline from `article` and
/// the text from the newest live `article_version`, for live articles only. Triggers keep
/// the index in step with every write to those two tables, whoever makes it: before a
/// change the row is taken out of the index with the values it was indexed with (the view
/// still shows them), after it the row goes back in with the new ones.
/// Whether a row is indexed is read from FTS5's own `article_fts_docsize` table, because
/// a scan of an external-content table reads the view, not the index.
enum SearchIndex {
  static let migrationName = "search-v2: index without a copy of the text"

  /// The view, the index and the triggers; `article_fts` must not exist yet.
  static var create: String {
    let view = """
      CREATE VIEW article_search AS
        SELECT a.id AS id, a.title AS title, COALESCE(a.byline, '') AS byline,
          COALESCE((SELECT v.text FROM article_version v
            WHERE v.articleUUID = a.uuid AND v.deletedAt IS NULL
            ORDER BY v.createdAt DESC, v.rowid DESC LIMIT 1), '') AS text
        FROM article a WHERE a.deletedAt IS NULL;
      CREATE VIRTUAL TABLE article_fts USING fts5(
        title, byline, text, content = 'article_search', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      """
    let version = "(SELECT id FROM article WHERE uuid = new.articleUUID)"
    let oldVersion = "(SELECT id FROM article WHERE uuid = old.articleUUID)"
    let columns = "OF title, byline, deletedAt ON article"
    // What decides which version is current and its text: not the document column.
    let versionColumns = "OF articleUUID, text, createdAt, deletedAt ON article_version"
    let triggers = [
      ("insert", "AFTER INSERT ON article", index("new.id")),
      ("before_update", "BEFORE UPDATE \(columns)", unindex("old.id")),
      ("after_update", "AFTER UPDATE \(columns)", index("new.id")),
      ("delete", "BEFORE DELETE ON article", unindex("old.id")),
      ("before_version", "BEFORE INSERT ON article_version", unindex(version)),
      ("after_version", "AFTER INSERT ON article_version", index(version)),
      ("before_version_update", "BEFORE UPDATE \(versionColumns)", unindex(oldVersion)),
      ("after_version_update", "AFTER UPDATE \(versionColumns)", index(version)),
      ("before_version_delete", "BEFORE DELETE ON article_version", unindex(oldVersion)),
      ("after_version_delete", "AFTER DELETE ON article_version", index(oldVersion)),
    ]
    // One line each: `leggio recover` drops schema statements from a dump line by line.
    return view
      + triggers.map { name, when, body in
        "CREATE TRIGGER article_search_\(name) \(when) BEGIN \(body) END;\n"
      }.joined()
  }

  /// Indexes every live article (after `create`, on an existing library).
  static let indexAll = "INSERT INTO article_fts (article_fts) VALUES ('rebuild')"

  /// Takes article `id` out of the index, if it is there, with the values of the view.
  private static func unindex(_ id: String) -> String {
    "INSERT INTO article_fts (article_fts, rowid, title, byline, text) "
      + "SELECT 'delete', s.id, s.title, s.byline, s.text FROM article_search s "
      + "WHERE s.id = \(id) AND EXISTS (SELECT 1 FROM article_fts_docsize d WHERE d.id = \(id));"
  }

  /// Puts article `id` in the index if it is live and not there yet.
  private static func index(_ id: String) -> String {
    "INSERT INTO article_fts (rowid, title, byline, text) "
      + "SELECT s.id, s.title, s.byline, s.text FROM article_search s WHERE s.id = \(id) "
      + "AND NOT EXISTS (SELECT 1 FROM article_fts_docsize d WHERE d.id = \(id));"
  }

  /// Empties the index and indexes every live article again (after `leggio recover`).
  static func rebuild(_ db: Database) throws {
    try db.execute(sql: indexAll)
  }

  /// Replaces the index of the first schema (which kept a copy of every text) with this
  /// one, in the migration's one transaction: interrupted, nothing has changed.
  static func migrate(_ db: Database) throws {
    try db.execute(sql: "DROP TABLE IF EXISTS article_fts")
    try db.execute(sql: create)
    try db.execute(sql: indexAll)
  }

  /// The ids of live articles missing from the index, and of indexed rows that are not
  /// live articles (`leggio check`).
  static func problems(_ db: Database) throws -> (missing: [Int64], stray: [Int64]) {
    let missing = try Int64.fetchAll(
      db,
      sql: """
        SELECT id FROM article WHERE deletedAt IS NULL
          AND id NOT IN (SELECT id FROM article_fts_docsize)
        """)
    let stray = try Int64.fetchAll(
      db,
      sql: """
        SELECT id FROM article_fts_docsize WHERE id NOT IN
          (SELECT id FROM article WHERE deletedAt IS NULL)
        """)
    return (missing, stray)
  }
}
