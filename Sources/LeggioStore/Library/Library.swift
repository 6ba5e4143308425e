import CSQLiteClose
import Foundation
import GRDB
import LeggioModel
import Synchronization

/// The local library of articles: SQLite through GRDB, in WAL mode with foreign keys on.
///
/// One `Library` may be shared between threads; several `Library` instances (or
/// processes) may open the same file at once, writes wait for one another.
public final class Library: Sendable {
  /// The database; a `DatabasePool` for a file, a `DatabaseQueue` in memory.
  let writer: any DatabaseWriter
  /// The device whose reading positions this instance reads and writes.
  public let deviceID: String
  /// Where the database lives, nil in memory.
  public let path: String?
  /// Whether the library was opened read-only (its file or folder cannot be written):
  /// reading, listing, searching and showing work; every write fails with
  /// `SQLITE_READONLY`, which `describe(_:)` words.
  public let isReadOnly: Bool

  /// Opens (creating it and its parent directories if needed) the library at `path`.
  /// - Parameter deviceID: this machine's id; read from (or written to) the state
  ///   directory when nil, see `Library.deviceID(besideLibraryAt:)`.
  /// - Parameter progress: told how far a long migration of an older library got.
  public init(path: String, deviceID: String? = nil, progress: MigrationProgress? = nil) throws {
    let url = URL(fileURLWithPath: path)
    try LibraryHealth.checkBeforeOpening(path: url.path)
    do {
      if LibraryAccess.isReadOnly(path: url.path) {
        self.writer = try Self.openReadOnly(path: url.path)
        self.isReadOnly = true
      } else {
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let pool = try DatabasePool(path: url.path, configuration: Self.configuration())
        let migrator = LibraryMigrations.migrator(progress: progress)
        do {
          // A new library is made in one step from the schema the migrations end with.
          try LibrarySchema.createIfNew(pool, migrator: migrator)
          try migrator.migrate(pool)
        } catch {
          // Another process opening a new library may have run the migrations between our
          // look at the schema and our own run; a second pass sees them applied.
          try migrator.migrate(pool)
        }
        self.writer = pool
        self.isReadOnly = false
      }
    } catch let error as LibraryError {
      throw error
    } catch let error as DatabaseError {
      throw LibraryError.cannotOpen(path: path, reason: error.message ?? error.description)
    } catch {
      throw LibraryError.cannotOpen(path: path, reason: error.localizedDescription)
    }
    self.path = url.path
    self.deviceID = deviceID ?? Self.deviceID(besideLibraryAt: url.path)
  }

  /// Finds the first screen of a list filtered by words (`FilterProbe`).
  let filterProbe = FilterProbe()

  /// Whether closing folds the log into the file; see `deferCheckpointToNextClose`.
  let checkpointsOnClose = Mutex(true)

  /// The dictionary new documents are compressed with (`compressionDictionary`).
  let documentDictionary = Mutex(DocumentDictionaryState.unknown)

  deinit {
    // The log is folded into the file first, so the fingerprint is of the file as it will
    // stay: closing the pool later (other stores may still hold it) changes nothing more.
    // After a book was added the log is left as it is, for the next close to fold in
    // (`deferCheckpointToNextClose`): the fingerprint then names the log as it stays.
    guard let path else { return }
    if !isReadOnly {
      if checkpointsOnClose.withLock({ $0 }) {
        _ = try? writer.writeWithoutTransaction {
          try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
      } else {
        _ = writer.writeWithoutTransaction {
          leggio_sqlite_no_checkpoint_on_close(UnsafeMutableRawPointer($0.sqliteConnection))
        }
      }
    }
    // A read-only library is remembered too, so the next open skips its quick check.
    LibraryHealth.recordClosed(path: path)
  }

  private init(writer: any DatabaseWriter, deviceID: String) {
    self.writer = writer
    self.deviceID = deviceID
    self.path = nil
    self.isReadOnly = false
  }

  /// Opens a library this process cannot write as SQLite's immutable file: nothing is
  /// created beside it (no `-wal`, no `-shm`) and nothing in it changes. A library made
  /// by an older Leggio cannot be brought up to date this way, and says so.
  private static func openReadOnly(path: String) throws -> DatabaseQueue {
    let queue = try LibraryAccess.readingQueue(path: path, configuration: configuration())
    let current = try queue.read { try LibraryMigrations.migrator.hasCompletedMigrations($0) }
    guard current else {
      throw LibraryError.cannotOpen(
        path: path,
        reason: "it is read-only and was made by an older Leggio; open it once where it can "
          + "be written to bring it up to date")
    }
    return queue
  }

  /// A fresh library in memory, for tests.
  public static func inMemory(deviceID: String = UUIDv7.string()) throws -> Library {
    let queue = try DatabaseQueue(configuration: configuration())
    let migrator = LibraryMigrations.migrator
    try LibrarySchema.createIfNew(queue, migrator: migrator)
    try migrator.migrate(queue)
    return Library(writer: queue, deviceID: deviceID)
  }

  static func configuration() -> Configuration {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    // Another process importing holds the write lock for one article at a time.
    configuration.busyMode = .timeout(10)
    configuration.prepareDatabase { db in
      // Takes effect only when the file is created (before GRDB turns WAL on). 16 KiB
      // pages make a quarter of the write calls of SQLite's 4 KiB when a feed update
      // stores thousands of articles (a 10,000-item update went from 2.6x to 3.4x
      // newsboat's speed; 8 KiB gave 3.0x). The price: a one-article transaction
      // (`leggio add`) takes about 1.0 ms instead of 0.85 ms.
      try db.execute(sql: "PRAGMA page_size = 16384")
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
      db.add(function: StoredDocument.textFunction(db))
      try PhraseCheck.register(db)
      try SearchRank.register(db)
    }
    return configuration
  }

  /// `$LEGGIO_LIBRARY`, else `$XDG_DATA_HOME/leggio/library.sqlite`, else
  /// `~/.local/share/leggio/library.sqlite`.
  public static func defaultPath(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String {
    if let path = environment["LEGGIO_LIBRARY"], !path.isEmpty { return path }
    if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
      return data + "/leggio/library.sqlite"
    }
    return home(environment) + "/.local/share/leggio/library.sqlite"
  }

  /// This machine's device id, kept in `$XDG_STATE_HOME/leggio/device-id`
  /// (`~/.local/state/leggio/device-id`); beside the library when that cannot be written.
  public static func deviceID(
    besideLibraryAt libraryPath: String,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String {
    let candidates = [
      stateDirectory(environment) + "/device-id",
      URL(fileURLWithPath: libraryPath).deletingLastPathComponent().path + "/device-id",
    ]
    for file in candidates {
      if let id = try? String(contentsOfFile: file, encoding: .utf8)
        .trimmingCharacters(in: .whitespacesAndNewlines), UUID(uuidString: id) != nil
      {
        return id.lowercased()
      }
    }
    let id = UUIDv7.string()
    for file in candidates {
      let url = URL(fileURLWithPath: file)
      do {
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try (id + "\n").write(to: url, atomically: true, encoding: .utf8)
        return id
      } catch { continue }
    }
    return id
  }

  /// Leggio's state directory: `$XDG_STATE_HOME/leggio`, else `~/.local/state/leggio`.
  static func stateDirectory(
    _ environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String {
    let stateHome =
      environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
      ?? home(environment) + "/.local/state"
    return stateHome + "/leggio"
  }

  private static func home(_ environment: [String: String]) -> String {
    environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
  }
}
