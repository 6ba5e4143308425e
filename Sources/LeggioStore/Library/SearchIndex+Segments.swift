import GRDB

/// How the catch-up grows the index without leaving free pages behind (issue 17).
///
/// FTS5 keeps the index as segments and merges them as it goes: sixteen of a level into
/// one of the next (`automerge`), all of a level at once when it reaches `crisismerge`. A
/// merge writes its output on new pages and frees its inputs', which only later writes
/// take again; SQLite never gives them back to the file system by itself. Merged while a
/// 100,000-item update was caught up, the index left 36 MB of free pages in a 294 MB file.
///
/// So the catch-up writes each step's articles as one new segment and merges nothing
/// (`withoutMerging`): its pages are all in use. Merging is left to the ordinary writes
/// (an edit, a deletion, an import), which merge a little at a time with `automerge`, to
/// a level reaching `crisisMerge` segments (each a step of 5,000 articles, so a level of
/// 64 segments is about 320,000 articles, merged at once by the step that completes it),
/// and to `leggio vacuum` (`optimize`, one segment).
extension SearchIndex {
  static let catchUpSegmentsMigrationName =
    "search-v6: catch-ups write whole segments and leave the merging to later writes"

  /// How many segments FTS5 merges at a time as writes go on.
  static let automerge = 16

  /// How many segments a level holds before FTS5 merges all of them at once. FTS5's
  /// default, 16, would merge a whole level in the first small write after a large
  /// catch-up; a search reads each level's segments, and 64 cost a search little
  /// (measured in the README's issue 17 table).
  static let crisisMerge = 64

  static let crisisTuning =
    "INSERT INTO article_fts (article_fts, rank) VALUES ('crisismerge', \(crisisMerge));\n"

  /// Runs `write`, which adds rows to the index, so that what it adds is written as
  /// new segments and no segment already there is merged. FTS5 writes its pending terms
  /// at a savepoint, so they are on disk before `automerge` is set back as it was, in the
  /// same transaction: no other connection ever sees it off.
  static func withoutMerging<T>(_ db: Database, _ write: () throws -> T) throws -> T {
    let setting =
      try Int.fetchOne(db, sql: "SELECT v FROM article_fts_config WHERE k = 'automerge'")
      ?? automerge
    try db.execute(sql: "INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', 0)")
    let result = try write()
    try db.inSavepoint { .commit }
    try db.execute(
      sql: "INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', ?)",
      arguments: [setting])
    return result
  }

  /// How many segments the index has (for tests).
  static func segmentCount(_ db: Database) throws -> Int {
    try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT segid) FROM article_fts_idx") ?? 0
  }
}
