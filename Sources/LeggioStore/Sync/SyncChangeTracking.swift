import GRDB

/// Until a library's first export, every record counts as changed: the first export
/// writes them all. Listing each in `sync_dirty` until then cost a row and an index entry
/// per record (24 MB for 100,000 feed items in a library that is never synced), so a
/// library that has never exported keeps one mark instead, `sync_state.changes = 'all'`,
/// and the triggers record nothing while it is there.
///
/// The first export turns the mark to `'exporting'` (the triggers record again) before it
/// reads every record, and `markExported` takes it away once the mirror has them: a change
/// made while the files were written has its row, and an export that fails half-way
/// leaves the mark, so the next one reads everything again.
enum SyncChangeTracking {
  static let migrationName = "sync-v3: no change rows before the first export"

  /// The mark's key in `sync_state`.
  static let key = "changes"

  /// The condition each `sync_dirty_*` trigger gains.
  static let recording = "(SELECT value FROM sync_state WHERE key = 'changes') IS NOT 'all'"

  static func migrate(_ db: Database, progress: MigrationProgress?) throws {
    let triggers = try Row.fetchAll(
      db,
      sql: """
        SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_dirty_%'
        """)
    for trigger in triggers {
      let name: String = trigger["name"]
      try db.execute(sql: "DROP TRIGGER \(name)")
      try db.execute(sql: guarded(trigger["sql"]))
    }
    // A library that has a mirror has exported: its rows are what the mirror lacks.
    let synced =
      try Bool.fetchOne(
        db, sql: "SELECT EXISTS (SELECT 1 FROM sync_state WHERE key = 'mirror')") ?? false
    if !synced {
      let rows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sync_dirty") ?? 0
      progress?("Forgetting sync's list of changes", 0, rows)
      try db.execute(sql: "DELETE FROM sync_dirty")
      progress?("Forgetting sync's list of changes", rows, rows)
      try db.execute(
        sql: "INSERT OR REPLACE INTO sync_state (key, value) VALUES ('changes', 'all')")
    }
  }

  /// `sql` (a `CREATE TRIGGER … BEGIN …`) with the recording condition added to its
  /// `WHEN`, or given one.
  static func guarded(_ sql: String) -> String {
    guard let begin = sql.range(of: "BEGIN", options: .caseInsensitive) else { return sql }
    let head = sql[..<begin.lowerBound]
    let tail = sql[begin.lowerBound...]
    if let when = head.range(of: " WHEN ", options: .caseInsensitive) {
      return head[..<when.lowerBound] + " WHEN \(recording) AND ("
        + head[when.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines) + ") " + tail
    }
    return head.trimmingCharacters(in: .whitespacesAndNewlines) + " WHEN \(recording) " + tail
  }

  /// Whether every record counts as changed (no export yet, or none finished).
  static func allChanged(_ db: Database) throws -> Bool {
    try String.fetchOne(db, sql: "SELECT value FROM sync_state WHERE key = 'changes'") != nil
  }

  /// Before a full export reads: the triggers record from now on.
  static func startFullExport(_ db: Database) throws {
    try db.execute(sql: "UPDATE sync_state SET value = 'exporting' WHERE key = 'changes'")
  }

  /// After an export: the mirror has every record (what changed since `syncChanges`
  /// read has its row).
  static func finishFullExport(_ db: Database) throws {
    try db.execute(sql: "DELETE FROM sync_state WHERE key = 'changes'")
  }

  /// Every record's (kind, key), as the triggers would have listed them, each once.
  static func everyRecord(_ db: Database) throws -> [(String, String)] {
    try Row.fetchAll(db, sql: everyRecordSQL).map { ($0[0], $0[1]) }
  }

  /// How many records `everyRecord` lists.
  static func everyRecordCount(_ db: Database) throws -> Int {
    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(everyRecordSQL))") ?? 0
  }

  private static var everyRecordSQL: String {
    // A version's article is listed with the articles (every version's article is there).
    SyncMigrations.watched.filter { $0.0 != "article_version" }.map { table, kind, key, _ in
      "SELECT '\(kind)', \(key.replacingOccurrences(of: "new.", with: "")) FROM \(table)"
    }.joined(separator: " UNION ")
  }
}
