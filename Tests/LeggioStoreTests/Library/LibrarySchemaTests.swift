import Foundation
import GRDB
import Testing

@testable import LeggioStore
import LeggioTestSupport

/// A new library is made in one step from `LibrarySchema.snapshot`, not by replaying the
/// migrations: it must be the library the replay makes, and stay so as migrations are
/// added.
@Suite struct LibrarySchemaTests {
  /// Everything a migration can leave in a library: every `sqlite_master` entry (its SQL
  /// with runs of white space made one space), every table's rows (shadow tables of the
  /// search indexes, with their settings, and `sqlite_sequence` included), the migrations
  /// recorded as applied, and the PRAGMAs a file keeps.
  static func fingerprint(_ db: Database) throws -> [String] {
    var lines = try Row.fetchAll(
      db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    ).map { row -> String in
      let sql = (row["sql"] as String?)?.split(whereSeparator: \.isWhitespace)
        .joined(separator: " ")
      return "\(row["type"] as String) \(row["name"] as String) on \(row["tbl_name"] as String): "
        + (sql ?? "(made by SQLite)")
    }
    let tables = try String.fetchAll(
      db,
      sql: """
        SELECT name FROM sqlite_master WHERE type = 'table'
          AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name
        """)
    for table in tables {
      let columns = try db.columns(in: table).map { "quote(\"\($0.name)\")" }
      let rows = try String.fetchAll(
        db,
        sql: "SELECT \(columns.joined(separator: " || ', ' || ")) FROM \"\(table)\" ORDER BY 1")
      lines += rows.map { "row of \(table): \($0)" }
    }
    for pragma in ["user_version", "application_id", "auto_vacuum", "page_size", "encoding"] {
      lines.append("PRAGMA \(pragma) = " + (try String.fetchOne(db, sql: "PRAGMA \(pragma)") ?? ""))
    }
    lines.append("PRAGMA journal_mode = " + (try String.fetchOne(db, sql: "PRAGMA journal_mode")!))
    return lines
  }

  /// A library file made by replaying every migration, as before `LibrarySchema`.
  static func replayed(in directory: URL) throws -> DatabasePool {
    let pool = try DatabasePool(
      path: directory.appendingPathComponent("replayed.sqlite").path,
      configuration: Library.configuration())
    try LibraryMigrations.migrator.migrate(pool)
    return pool
  }

  @Test func aNewLibraryIsTheOneTheMigrationsMake() throws {
    // Given a library made by replaying the migrations and one opened anew
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let replayed = try Self.replayed(in: directory)
    let path = directory.appendingPathComponent("new.sqlite").path
    _ = try Library(path: path, deviceID: "device")
    let made = try DatabaseQueue(path: path, configuration: Library.configuration())
    // Then their schemas, rows, search settings, recorded migrations and PRAGMAs agree
    let expected = try replayed.read(Self.fingerprint)
    let actual = try made.read(Self.fingerprint)
    let onlyNew = actual.filter { !expected.contains($0) }
    let onlyReplayed = expected.filter { !actual.contains($0) }
    #expect(
      actual == expected,
      "only in the new library: \(onlyNew); only in the replayed one: \(onlyReplayed)")
  }

  @Test func theSnapshotHoldsEveryMigrationSoFar() throws {
    // Given the statements that remake a library the migrations made
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let replayed = try Self.replayed(in: directory)
    let statements = try replayed.read(LibrarySchema.statements(of:))
    let last = LibraryMigrations.migrator.migrations.last
    // Then they are the snapshot's, up to the last migration registered; when not, the
    // snapshot to paste is written out
    if statements != LibrarySchema.snapshot || LibrarySchema.lastMigration != last {
      let file = directory.deletingLastPathComponent().appendingPathComponent(
        "LibrarySchema+Snapshot.swift")
      try Self.source(statements, last: last ?? "").write(
        to: file, atomically: true, encoding: .utf8)
      let message =
        "LibrarySchema.snapshot is not the schema the migrations make (up to \(last ?? "none")): "
        + "replace Sources/LeggioStore/Library/LibrarySchema+Snapshot.swift with \(file.path)"
      Issue.record(Comment(rawValue: message))
    }
  }

  @Test func aMigrationAfterTheSnapshotStillRunsOnANewLibrary() throws {
    // Given the library's migrations and one more registered after them
    var migrator = LibraryMigrations.migrator
    migrator.registerMigration("a later migration") { db in
      try db.execute(sql: "CREATE TABLE later (id INTEGER PRIMARY KEY)")
      try db.execute(sql: "INSERT INTO sync_state (key, value) VALUES ('later', 'yes')")
    }
    let queue = try DatabaseQueue(configuration: Library.configuration())
    // When a new library is made from the snapshot, then migrated
    try LibrarySchema.createIfNew(queue, migrator: migrator)
    #expect(try !queue.read(migrator.hasCompletedMigrations))
    try migrator.migrate(queue)
    // Then the later migration ran on it, and every one is recorded once
    let (later, counts, completed) = try queue.read { db in
      (
        try db.tableExists("later"),
        try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_state"),
        try migrator.completedMigrations(db)
      )
    }
    #expect(later)
    #expect(counts == 2)
    #expect(completed == migrator.migrations)
  }

  @Test func aLibraryWithTablesIsLeftToItsMigrations() throws {
    // Given a library made up to an earlier migration
    let queue = try DatabaseQueue(configuration: Library.configuration())
    let migrator = LibraryMigrations.migrator
    try migrator.migrate(queue, upTo: SearchIndex.migrationName)
    let before = try queue.read(Self.fingerprint)
    // When the fast path is asked to make it
    try LibrarySchema.createIfNew(queue, migrator: migrator)
    // Then nothing changed, and the remaining migrations bring it up to date
    #expect(try queue.read(Self.fingerprint) == before)
    try migrator.migrate(queue)
    #expect(try queue.read(migrator.hasCompletedMigrations))
  }

  @Test func aNewLibraryInMemoryStoresAndFindsAnArticle() throws {
    // Given a library in memory, made from the snapshot
    let library = try Library.inMemory()
    // When an article is added
    let id = try library.add(imported("Uno", ["Il testo della guerra."])).id
    // Then it is listed and the search index (its settings from the snapshot) finds it
    #expect(try library.search("guerra").map(\.id) == [id])
  }

  /// `LibrarySchema+Snapshot.swift` for `statements`.
  static func source(_ statements: [String], last: String) -> String {
    var lines = [
      "// The schema a new library is made with (`LibrarySchema`): generated from a library the",
      "// migrations made, by `LibrarySchema.statements(of:)`. When a migration is added,",
      "// `LibrarySchemaTests` fails and writes this file anew to paste here.",
      "",
      "extension LibrarySchema {",
      "  /// The last migration `snapshot` includes.",
      "  static let lastMigration = \"\(last)\"",
      "",
      "  /// The statements, in order (`statements(of:)`).",
      "  static let snapshot: [String] = [",
    ]
    for statement in statements {
      lines.append("    #\"\"\"")
      lines += statement.split(separator: "\n", omittingEmptySubsequences: false).map {
        $0.isEmpty ? "" : "    " + $0
      }
      lines.append("    \"\"\"#,")
    }
    return (lines + ["  ]", "}", ""]).joined(separator: "\n")
  }
}
