import GRDB

/// A new library made in one transaction from the schema its migrations end with
/// (`snapshot`), instead of replaying them one by one: each table-rebuilding migration
/// made SQLite read the whole schema again and wrote its pages anew, 70 ms of a first
/// `leggio add`, a fifth of adding a book.
///
/// Every migration the snapshot includes is recorded as applied in GRDB's table, so a
/// migration registered after it still runs on the new library. `LibrarySchemaTests`
/// compares a library made this way with one made by replaying the migrations (schema,
/// rows, FTS5 settings, PRAGMAs) and fails, with the snapshot to paste, when a migration
/// is added without bringing `snapshot` up to date.
enum LibrarySchema {
  /// Makes the library's tables in `writer` from `snapshot` when it holds none yet;
  /// otherwise, or when `migrator` does not know `lastMigration`, leaves it to the
  /// migrations. The check and the creation share one immediate transaction, so two
  /// processes opening a new library at once make it once.
  static func createIfNew(_ writer: any DatabaseWriter, migrator: DatabaseMigrator) throws {
    let identifiers = migrator.migrations
    guard let last = identifiers.firstIndex(of: lastMigration) else { return }
    try writer.barrierWriteWithoutTransaction { db in
      // A library with tables is seen without taking the write lock.
      guard try isEmpty(db) else { return }
      try db.inTransaction(.immediate) {
        guard try isEmpty(db) else { return .commit }
        // GRDB's own table first, as its migrator makes it.
        try db.execute(sql: migrationsTable)
        for statement in snapshot { try db.execute(sql: statement) }
        for identifier in identifiers[...last] {
          try db.execute(
            sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [identifier])
        }
        return .commit
      }
    }
  }

  private static func isEmpty(_ db: Database) throws -> Bool {
    try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") == 0
  }

  /// How GRDB's migrator makes the table of applied migrations.
  static let migrationsTable =
    "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)"

  /// The statements that remake `db`'s schema and rows, in the order they can run: tables
  /// (virtual ones too, which make their own shadow tables) and indexes as
  /// `sqlite_master` has them, the rows the migrations left (counters, settings), each
  /// FTS5 table's settings, then views and triggers (after the rows, which fire none).
  /// GRDB's table of migrations is left out. What `snapshot` holds, for a library the
  /// migrations made.
  static func statements(of db: Database) throws -> [String] {
    let objects = try Row.fetchAll(
      db,
      sql: """
        SELECT type, name, sql FROM sqlite_master
        WHERE sql IS NOT NULL AND name != 'grdb_migrations' AND name != 'sqlite_sequence'
        ORDER BY rowid
        """)
    let virtual = objects.filter { ($0["sql"] as String).hasPrefix("CREATE VIRTUAL TABLE") }
      .map { $0["name"] as String }
    // The tables an FTS5 table makes for itself (its triggers are the library's own).
    let shadows = Set(
      virtual.flatMap { table in shadowSuffixes.map { table + "_" + $0 } })
    let kept = objects.filter { $0["type"] != "table" || !shadows.contains($0["name"]) }
    func made(_ type: String) -> [String] {
      kept.filter { $0["type"] == type }.map { $0["sql"] }
    }
    var statements = made("table") + made("index")
    let tables = kept.filter { $0["type"] == "table" }.map { $0["name"] as String }
      .filter { !virtual.contains($0) }
    for table in tables + ["sqlite_sequence"] where try db.tableExists(table) {
      statements += try inserts(into: table, db)
    }
    for table in virtual {
      let settings = try Row.fetchAll(
        db, sql: "SELECT k, v FROM \(quoted(table + "_config")) WHERE k != 'version' ORDER BY k")
      for setting in settings {
        let value = try String.fetchOne(db, sql: "SELECT quote(?)", arguments: [setting["v"]])!
        statements.append(
          "INSERT INTO \(quoted(table)) (\(quoted(table)), rank) VALUES ("
            + (try String.fetchOne(db, sql: "SELECT quote(?)", arguments: [setting["k"]])!)
            + ", \(value))")
      }
    }
    return statements + made("view") + made("trigger")
  }

  /// The shadow tables of an FTS5 table are named after it with these suffixes.
  private static let shadowSuffixes = ["data", "idx", "content", "docsize", "config"]

  /// One INSERT for each row of `table`, its values written as SQL literals.
  private static func inserts(into table: String, _ db: Database) throws -> [String] {
    let columns = try db.columns(in: table).map { quoted($0.name) }
    guard !columns.isEmpty else { return [] }
    let literals = columns.map { "quote(\($0))" }.joined(separator: " || ', ' || ")
    return try String.fetchAll(
      db, sql: "SELECT \(literals) FROM \(quoted(table)) ORDER BY 1"
    ).map {
      "INSERT INTO \(quoted(table)) (\(columns.joined(separator: ", "))) VALUES (\($0))"
    }
  }

  private static func quoted(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
