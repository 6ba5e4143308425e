import GRDB

/// A global identity stored only where it is not the article's identity (issue 17).
///
/// An article saved from a web address is known to sync by that address, which its
/// `identity` already holds: storing it again in `globalIdentity` and its index cost
/// 9 MB for 100,000 feed items. `globalIdentity` is now NULL where it would equal
/// `identity`, every reader takes `COALESCE(globalIdentity, identity)` (`column`), and
/// the lookup by global identity asks both (`lookup`). Articles known by the hash of their
/// first text, or by another library's identity, keep theirs, as before: those cannot be
/// derived from the row (the hash changes with a new version).
///
/// The rows are rewritten a slice at a time (so the bar moves) in the migration's one
/// transaction: interrupted, nothing has changed.
enum DerivedGlobalIdentity {
  static let migrationName = "sync-v4: global identity stored only where it is not the identity"

  /// The article's global identity, as SQL over the article table aliased `alias`.
  static func column(_ alias: String) -> String {
    "COALESCE(\(alias).globalIdentity, \(alias).identity)"
  }

  /// The articles whose global identity is the parameter `?1`, through the partial index
  /// on `globalIdentity` and the unique one on `identity`.
  static let lookup = "(globalIdentity = ?1 OR (globalIdentity IS NULL AND identity = ?1))"

  /// What a new article stores in `globalIdentity`: nil when it is the identity and a
  /// web address (NULL for another identity makes `trigger` store the text's hash).
  static func stored(_ globalIdentity: String, identity: String) -> String? {
    globalIdentity == identity && ArticleSQL.isWebAddress(identity) ? nil : globalIdentity
  }

  /// The trigger that gives an article stored without a global identity the hash of its
  /// text when it has no web address (with one, NULL already says it).
  static let trigger = """
    CREATE TRIGGER article_global_identity AFTER INSERT ON article
    WHEN new.globalIdentity IS NULL AND new.identity NOT LIKE 'https://%' BEGIN
      UPDATE article SET globalIdentity = 'sha256:' || new.contentHash WHERE id = new.id;
    END;
    """

  static func migrate(_ db: Database, progress: MigrationProgress?) throws {
    // The index goes first, so the rewrite does not update it row by row.
    try db.execute(
      sql: """
        DROP TRIGGER IF EXISTS article_global_identity;
        \(trigger)
        DROP INDEX IF EXISTS article_by_global_identity;
        """)
    try IDSlices.run(
      db, lastID: "SELECT MAX(id) FROM article", size: 20_000,
      sql: """
        UPDATE article SET globalIdentity = NULL
        WHERE id BETWEEN ? AND ? AND globalIdentity = identity
        """, step: "Deriving global identities", progress: progress)
    try db.execute(
      sql: """
        CREATE INDEX article_by_global_identity ON article(globalIdentity)
          WHERE globalIdentity IS NOT NULL;
        """)
  }
}
