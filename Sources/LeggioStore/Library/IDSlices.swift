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
}
