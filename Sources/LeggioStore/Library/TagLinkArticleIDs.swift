import GRDB

/// Tag links name their article by its integer id, not its UUID (issue 17). The UUID
/// cost 36 bytes in each link and again in the index by article: 7 of 16 MB for 100,000
/// feed items with a tag each. Sync still sends a tag as its article's global identity and
/// the tag's name, and names a link by its `id` in its list of changes, which is kept.
///
/// The index of tags' bytes (`article_tag_by_tag`, 1.7 MB) is not made again: every
/// query compares tags without case (`tag = ? COLLATE NOCASE`, `GROUP BY tag COLLATE
/// NOCASE`), which it cannot answer, and `EXPLAIN QUERY PLAN` showed none reading it; a
/// tag filter reads each listed article's links through `article_tag_by_article`.
///
/// Readers join `article_tag.articleId = article.id`; writers that hold a UUID find the
/// id with `articleID`. The table is made anew and filled a slice at a time (so the bar
/// moves), each link keeping its `id`, in the migration's one transaction: interrupted,
/// nothing has changed.
enum TagLinkArticleIDs {
  static let migrationName = "tags-v3: tag links name their article by its id"

  /// The article id of the UUID given as a parameter, as SQL.
  static let articleID = "(SELECT id FROM article WHERE uuid = ?)"

  static func migrate(_ db: Database, progress: MigrationProgress?) throws {
    try db.execute(
      sql: """
        CREATE TABLE article_tag_by_article_id (
          id INTEGER PRIMARY KEY,
          articleId INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
          tag TEXT NOT NULL,
          createdAt DATETIME NOT NULL,
          updatedAt DATETIME NOT NULL,
          deletedAt DATETIME
        );
        """)
    try IDSlices.run(
      db, lastID: "SELECT MAX(id) FROM article_tag", size: 20_000,
      sql: """
        INSERT INTO article_tag_by_article_id (id, articleId, tag, createdAt, updatedAt, deletedAt)
          SELECT t.id, a.id, t.tag, t.createdAt, t.updatedAt, t.deletedAt
          FROM article_tag t JOIN article a ON a.uuid = t.articleUUID
          WHERE t.id BETWEEN ? AND ? ORDER BY t.id
        """, step: "Linking tags by article id", progress: progress)
    try IDSlices.requireEveryRow(
      db, of: "article_tag", copiedTo: "article_tag_by_article_id", rows: "tag links")
    try db.execute(
      sql: """
        DROP TABLE article_tag;
        ALTER TABLE article_tag_by_article_id RENAME TO article_tag;
        CREATE INDEX article_tag_by_article ON article_tag(articleId, deletedAt);
        """)
    // Sync's triggers went with the old table.
    try SyncMigrations.createTriggers(db, table: "article_tag", guarded: true)
  }
}
