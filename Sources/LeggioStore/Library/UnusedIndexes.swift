import GRDB

/// Indexes no query needs, dropped (issue 17). Each was checked with `EXPLAIN QUERY PLAN`
/// over the queries that use its table.
///
/// - `feed_items_on_feedId`: made for the `feedId` foreign key, it repeats the first
///   column of the unique `(feedId, identity)` index, which answers every lookup by feed
///   (and the cascade from `feeds`) as well: 3 MB for 100,000 feed items.
enum UnusedIndexes {
  static let migrationName = "indexes-v1: no index that another one repeats"

  static func migrate(_ db: Database) throws {
    try db.execute(sql: "DROP INDEX IF EXISTS feed_items_on_feedId")
  }
}
