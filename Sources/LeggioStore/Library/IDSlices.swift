import GRDB

/// A migration's statement run over a table's rows a slice of ids at a time, so that a
/// large library can show how far it got (the bar on stderr). All slices run in the
/// caller's transaction: interrupted, nothing has changed.
enum IDSlices {
  /// Runs `sql`, whose two arguments are a slice's first and last id, for every slice of
  /// `size` ids from 0 to the value of `lastID` (a `SELECT MAX(…)`), reporting `step`.
  static func run(
    _ db: Database, lastID: String, size: Int64, sql: String, step: String,
    progress: MigrationProgress?
  ) throws {
    let last = try Int64.fetchOne(db, sql: lastID) ?? 0
    let statement = try db.makeStatement(sql: sql)
    var start: Int64 = 0
    while start <= last {
      try statement.execute(arguments: [start, start + size - 1])
      start += size
      progress?(step, Int(min(start, last)), Int(last))
    }
  }

  /// Stops the migration (its transaction rolls back) unless `copy` holds as many rows as
  /// `table`: foreign keys rule out a row whose article is gone, but should one be there
  /// all the same, nothing is dropped; `rows` names them in the message.
  static func requireEveryRow(
    _ db: Database, of table: String, copiedTo copy: String, rows: String
  ) throws {
    let before = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
    let after = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(copy)") ?? 0
    guard before == after else {
      throw DatabaseError(message: "\(before - after) \(rows) name no article; nothing was changed")
    }
  }
}
