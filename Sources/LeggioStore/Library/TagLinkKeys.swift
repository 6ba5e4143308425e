import GRDB

/// Tag links keyed by an integer instead of a UUID (issue 17). A link's UUID named it
/// nowhere but in the library itself (sync sends a tag as its article and its name), yet
/// cost 36 bytes in the row and again in its own index: 9 of 26 MB for 100,000 feed
/// items with a tag each. Sync's list of changes names a link by its `id` now.
///
/// The table is made anew and filled a slice at a time (so the bar moves), each link
/// keeping its `rowid` as its `id`, in the migration's one transaction: interrupted,
/// nothing has changed.
enum TagLinkKeys {
  static let migrationName = "tags-v2: tag links keyed by an integer"

  static let createTable = """
    CREATE TABLE article_tag_by_id (
      id INTEGER PRIMARY KEY,
      articleUUID TEXT NOT NULL REFERENCES article(uuid) ON DELETE CASCADE,
      tag TEXT NOT NULL,
      createdAt DATETIME NOT NULL,
      updatedAt DATETIME NOT NULL,
      deletedAt DATETIME
    );

    """

  static func migrate(_ db: Database, progress: MigrationProgress?) throws {
    try db.execute(sql: createTable)
    try IDSlices.run(
      db, lastID: "SELECT MAX(rowid) FROM article_tag", size: 20_000,
      sql: """
        INSERT INTO article_tag_by_id (id, articleUUID, tag, createdAt, updatedAt, deletedAt)
          SELECT rowid, articleUUID, tag, createdAt, updatedAt, deletedAt FROM article_tag
          WHERE rowid BETWEEN ? AND ? ORDER BY rowid
        """, step: "Renumbering tag links", progress: progress)
    // Changes not exported yet name their link by its new key.
    try db.execute(
      sql: """
        UPDATE sync_dirty SET key = (
          SELECT CAST(t.rowid AS TEXT) FROM article_tag t WHERE t.uuid = sync_dirty.key)
        WHERE kind = 'tag' AND EXISTS (SELECT 1 FROM article_tag t WHERE t.uuid = sync_dirty.key);
        DROP TABLE article_tag;
        ALTER TABLE article_tag_by_id RENAME TO article_tag;
        CREATE INDEX article_tag_by_article ON article_tag(articleUUID, deletedAt);
        CREATE INDEX article_tag_by_tag ON article_tag(tag, deletedAt);
        """)
    // Sync's triggers went with the old table.
    try SyncMigrations.createTriggers(db, table: "article_tag", guarded: true)
  }
}
