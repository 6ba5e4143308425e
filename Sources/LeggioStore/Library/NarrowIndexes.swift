import GRDB

/// Indexes made smaller where a query needs less than the whole column (issue 17),
/// each checked with `EXPLAIN QUERY PLAN` over the queries that use it.
///
/// - `article_by_hash` and `article_version_by_hash` held each 64-character content
///   hash whole (8 MB each for 100,000 articles); its first 16 characters (64 bits) find
///   the same rows, and the query compares the whole hash after (`hashMatch`): 2.5 MB each.
/// - `article_by_starred` held a `(deletedAt, starred)` entry for every article to count
///   the few starred ones; it now holds the starred ones only.
enum NarrowIndexes {
  static let migrationName = "indexes-v2: hashes by their first 16 characters, starred only"

  static func migrate(_ db: Database) throws {
    try db.execute(
      sql: """
        DROP INDEX IF EXISTS article_by_hash;
        CREATE INDEX article_by_hash ON article(substr(contentHash, 1, 16));
        DROP INDEX IF EXISTS article_version_by_hash;
        CREATE INDEX article_version_by_hash ON article_version(substr(contentHash, 1, 16));
        DROP INDEX IF EXISTS article_by_starred;
        CREATE INDEX article_by_starred ON article(deletedAt) WHERE starred;
        """)
  }

  /// `column` (a content hash) equal to the parameter `?1`, found through the indexes
  /// above. The `+` keeps SQLite from putting the hash's value into the index's
  /// expression (constant propagation), after which the index no longer matches.
  static func hashMatch(_ column: String) -> String {
    "substr(\(column), 1, 16) = substr(?1, 1, 16) AND +\(column) = ?1"
  }
}
