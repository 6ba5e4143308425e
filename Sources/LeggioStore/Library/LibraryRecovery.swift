import Foundation
import GRDB

/// What `Library.recover(path:)` saved.
public struct RecoveryReport: Sendable {
  /// Where the damaged file was moved, kept as it was.
  public var damagedCopy: String
  public var articles: Int
  public var annotations: Int
  /// Rows SQLite found but could not place in a table (kept in `lost_and_found`).
  public var unplacedRows: Int
  /// Rows read from the damaged file that the new one refused (broken beyond use).
  public var refusedRows: Int
}

public enum RecoveryError: LocalizedError, Equatable {
  case noLibrary(path: String)
  case noSQLiteProgram
  case failed(path: String, detail: String)

  public var errorDescription: String? {
    switch self {
    case .noLibrary(let path):
      "there is no library at \(path) (pass --library PATH or set LEGGIO_LIBRARY)"
    case .noSQLiteProgram:
      "`leggio recover` needs the sqlite3 program (on Debian: apt install sqlite3); "
        + "the library was left as it was"
    case .failed(let path, let detail):
      "recovering \(path) failed (\(detail)); the library was left as it was"
    }
  }
}

extension Library {
  /// Saves what can be read from a damaged library with SQLite's own recovery
  /// (`sqlite3 .recover`): the damaged file (and its log) is moved aside, a new library is
  /// written in its place from what was readable, and its search index is rebuilt from
  /// the articles' texts.
  public static func recover(path: String, now: Date = Date()) throws -> RecoveryReport {
    let manager = FileManager.default
    guard manager.fileExists(atPath: path) else { throw RecoveryError.noLibrary(path: path) }
    guard let sqlite = executable(named: "sqlite3") else { throw RecoveryError.noSQLiteProgram }
    let stamp = ISO8601DateFormatter().string(from: now).replacingOccurrences(of: ":", with: "")
    let aside = path + ".damaged-" + stamp
    let companions = ["", "-wal", "-shm"].filter { manager.fileExists(atPath: path + $0) }
    for suffix in companions { try manager.moveItem(atPath: path + suffix, toPath: aside + suffix) }
    func restore() {
      for suffix in ["", "-wal", "-shm"] { try? manager.removeItem(atPath: path + suffix) }
      for suffix in companions {
        try? manager.moveItem(atPath: aside + suffix, toPath: path + suffix)
      }
    }
    let script = aside + ".recovered.sql"
    defer { try? manager.removeItem(atPath: script) }
    do {
      do {
        try run(sqlite, [aside, ".output \(script)", ".recover"])
      } catch {
        // SQLite 3.40's `.recover` stops on some schemas (virtual tables); `.dump` reads
        // every table it can, a damaged one forwards and then backwards.
        try run(sqlite, [aside, ".output \(script)", ".dump"])
      }
      // A new library with the whole schema receives the rows: a damaged or missing
      // table definition costs only that table's rows. The search index is rebuilt from
      // the texts afterwards, so its tables and schema rows are not copied.
      try keepOnlyRows(ofScript: script)
      _ = try Library(path: path)
      // Rows too damaged to satisfy the schema are refused one by one; the rest goes in.
      let refused = try run(sqlite, [path, ".read \(script)"], tolerant: true)
        .split(separator: "\n").filter { $0.hasPrefix("Runtime error") }.count
      var report = try rebuildAfterRecovery(path: path, aside: aside)
      report.refusedRows = refused
      return report
    } catch {
      restore()
      throw RecoveryError.failed(
        path: path, detail: (error as? LocalizedError)?.errorDescription ?? "\(error)")
    }
  }

  /// Keeps the script's data: no table definitions, no schema rows, no search index.
  private static func keepOnlyRows(ofScript script: String) throws {
    let text = try String(contentsOfFile: script, encoding: .utf8)
    let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
      !(line.hasPrefix("CREATE ") || line.contains("sqlite_schema")
        || line.contains("sqlite_master") || line.contains("article_fts")
        || line.contains("article_search")
        || line.contains("grdb_migrations") || line.hasPrefix("PRAGMA writable_schema"))
    }
    try kept.joined(separator: "\n").write(toFile: script, atomically: true, encoding: .utf8)
  }

  private static func rebuildAfterRecovery(path: String, aside: String) throws -> RecoveryReport {
    var configuration = Configuration()
    configuration.prepareDatabase { $0.add(function: StoredDocument.textFunction($0)) }
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    let report = try queue.write { db -> RecoveryReport in
      try SearchIndex.rebuild(db)
      let unplaced =
        try db.tableExists("lost_and_found")
        ? Int.fetchOne(db, sql: "SELECT count(*) FROM lost_and_found") ?? 0 : 0
      return RecoveryReport(
        damagedCopy: aside,
        articles: try Int.fetchOne(
          db, sql: "SELECT count(*) FROM article WHERE deletedAt IS NULL") ?? 0,
        annotations: try db.tableExists("annotation")
          ? Int.fetchOne(db, sql: "SELECT count(*) FROM annotation") ?? 0 : 0,
        unplacedRows: unplaced, refusedRows: 0)
    }
    try queue.close()
    // Opening it as a library runs whatever migrations the recovered schema still needs.
    _ = try Library(path: path)
    return report
  }

  private static func executable(named name: String) -> String? {
    let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
      .split(separator: ":")
    return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Runs the program; its error output. Unless `tolerant`, a failure throws.
  @discardableResult
  private static func run(_ program: String, _ arguments: [String], tolerant: Bool = false)
    throws -> String
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let errorPipe = Pipe()
    process.standardError = errorPipe
    process.standardOutput = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let message = errorPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let errors = String(decoding: message, as: UTF8.self)
    guard process.terminationStatus == 0 || tolerant else {
      throw RecoveryError.failed(
        path: arguments[0],
        detail: errors.split(separator: "\n").first.map(String.init)
          ?? "status \(process.terminationStatus)")
    }
    return errors
  }
}

extension Library {
  /// SQLite's full integrity check of the library file at `path`, read-only, whether or
  /// not the library can be opened; then, when it can, Leggio's own consistency checks.
  public static func checkFile(path: String) throws -> [String] {
    guard FileManager.default.fileExists(atPath: path) else {
      throw RecoveryError.noLibrary(path: path)
    }
    let problems = try LibraryHealth.integrityProblems(path: path)
    guard problems.isEmpty else { return problems }
    return try Library(path: path).integrityProblems()
  }
}
