import GRDB

/// Text versions name their article by its integer id, not its UUID (issue 17), and store
/// `updatedAt` only where it differs from `createdAt`. The UUID cost 36 bytes in each
/// version and again in the index by article, and a version, written once, held its
/// creation date twice: 9.3 MB of the 296 MB that 100,000 feed items took. Read the date
/// as `updatedAt(_:)` (`COALESCE`); nothing reads it today (sync sends a version's
/// creation date).
///
/// Readers join `article_version.articleId = article.id`; those that hold a UUID find the
/// id with `articleID`. Sync's change rows still name the article by its UUID
/// (`changeKey`). The versions' UUIDs, which original pages and books' contents point to,
/// and their rowids, which order versions made in the same instant, are kept.
///
/// The table is made anew and filled a slice at a time (so the bar moves) in the
/// migration's one transaction: interrupted, nothing has changed. The search index's view
/// and triggers are made again over the new column (`SearchIndex.replaceView`); the index
/// itself indexes the same texts and is left as it is.
enum VersionArticleIDs {
  static let migrationName = "versions-v3: versions name their article by its id"

  /// The article id of the UUID given as a parameter, as SQL.
  static let articleID = "(SELECT id FROM article WHERE uuid = ?)"

  /// A version's last change, as SQL over the version table aliased `alias`.
  static func updatedAt(_ alias: String) -> String {
    "COALESCE(\(alias).updatedAt, \(alias).createdAt)"
  }

  /// The key of sync's change row for a new or changed version: its article's UUID.
  static let changeKey = "(SELECT uuid FROM article WHERE id = new.articleId)"

  /// Whether `db`'s versions name their article by its id (this migration has run).
  static func isMigrated(_ db: Database) throws -> Bool {
    try db.columns(in: "article_version").contains { $0.name == "articleId" }
  }

  static let table = """
    CREATE TABLE article_version (
      uuid TEXT PRIMARY KEY NOT NULL,
      articleId INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
      document TEXT NOT NULL,
      text TEXT NOT NULL,
      contentHash TEXT NOT NULL,
      words INTEGER NOT NULL,
      createdAt DATETIME NOT NULL,
      updatedAt DATETIME,
      deletedAt DATETIME
    );

    """

  static func migrate(_ db: Database, progress: MigrationProgress?) throws {
    // The view and the triggers that read the old table go first: SQLite's rename
    // refuses a schema whose view names a table that is not there.
    for name in SearchIndex.triggerNames { try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)") }
    try db.execute(sql: "DROP VIEW IF EXISTS article_search")
    try db.execute(
      sql: table.replacingOccurrences(
        of: "TABLE article_version", with: "TABLE article_version_by_article_id"))
    try IDSlices.run(
      db, lastID: "SELECT MAX(rowid) FROM article_version", size: 20_000,
      sql: """
        INSERT INTO article_version_by_article_id (rowid, uuid, articleId, document, text,
            contentHash, words, createdAt, updatedAt, deletedAt)
          SELECT v.rowid, v.uuid, a.id, v.document, v.text, v.contentHash, v.words,
            v.createdAt, NULLIF(v.updatedAt, v.createdAt), v.deletedAt
          FROM article_version v JOIN article a ON a.uuid = v.articleUUID
          WHERE v.rowid BETWEEN ? AND ? ORDER BY v.rowid
        """, step: "Linking versions by article id", progress: progress)
    try IDSlices.requireEveryRow(
      db, of: "article_version", copiedTo: "article_version_by_article_id", rows: "text versions")
    try db.execute(
      sql: """
        DROP TABLE article_version;
        ALTER TABLE article_version_by_article_id RENAME TO article_version;
        CREATE INDEX article_version_by_article ON article_version(articleId, createdAt);
        CREATE INDEX article_version_by_hash ON article_version(substr(contentHash, 1, 16));
        """)
    // Sync's triggers went with the old table; the search index's view reads the new one.
    try SyncMigrations.createTriggers(db, table: "article_version", guarded: true)
    try SearchIndex.replaceView(db)
  }
}
