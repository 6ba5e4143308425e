import GRDB

@testable import LeggioStore

/// How an earlier Leggio made a table, for tests that take a library back to it.
enum EarlierSchema {
  /// The statements that made `table`, its indexes and its triggers in a library
  /// migrated up to `migration`, the table's own first.
  static func statements(of table: String, upTo migration: String) throws -> [String] {
    let old = try DatabaseQueue(configuration: Library.configuration())
    try LibraryMigrations.migrator.migrate(old, upTo: migration)
    return try old.read {
      try String.fetchAll(
        $0,
        sql: """
          SELECT sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL
          ORDER BY type != 'table'
          """, arguments: [table])
    }
  }
}
