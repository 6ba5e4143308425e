import Foundation
import GRDB
import LeggioModel

/// Keeps a damaged library from being written to.
///
/// Before a library file is opened for writing, its header must be SQLite's, and when the
/// file is not as Leggio last left it (another program, a copy, a crash, a disk error) it
/// is read-only checked with `PRAGMA quick_check` first. What Leggio left is remembered
/// as a fingerprint (device, inode, size and modification time of the file and its
/// write-ahead log) in the state directory, written when a library closes.
enum LibraryHealth {
  /// Refuses a file that is not an SQLite database, or one whose quick check fails, when
  /// it changed since Leggio last closed it.
  static func checkBeforeOpening(path: String) throws {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let size = attributes[.size] as? Int, size > 0
    else { return }  // a new library
    guard let handle = FileHandle(forReadingAtPath: path) else { return }
    let header = (try? handle.read(upToCount: 16)) ?? Data()
    try? handle.close()
    guard header == Data("SQLite format 3\u{0}".utf8) else {
      throw LibraryError.notALibrary(path: path)
    }
    guard fingerprint(of: path) != recordedFingerprint(of: path) else { return }
    let configuration = Configuration()
    var problems: [String] = []
    do {
      let queue = try LibraryAccess.readingQueue(path: path, configuration: configuration)
      problems = try queue.read { db in
        try String.fetchAll(db, sql: "PRAGMA quick_check(5)").filter { $0 != "ok" }
      }
      try queue.close()
    } catch let error as DatabaseError
      where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
    {
      problems = [error.message ?? "the file is damaged"]
    } catch {
      return  // cannot look read-only (a locked WAL, say): opening will say what is wrong
    }
    if let first = problems.first {
      throw LibraryError.damaged(path: path, detail: summary(of: first))
    }
  }

  /// SQLite's first problem in one short line ("On tree page 4 cell 2: Offset 57005 out
  /// of range").
  static func summary(of problem: String) -> String {
    let line =
      problem.split(separator: "\n").first { !$0.hasPrefix("***") }.map(String.init) ?? problem
    return line.count > 100 ? line.prefix(99) + "…" : line
  }

  /// Every problem SQLite's full integrity check finds, the file opened read-only so a
  /// damaged library is only looked at.
  static func integrityProblems(path: String) throws -> [String] {
    let configuration = Configuration()
    do {
      let queue = try LibraryAccess.readingQueue(path: path, configuration: configuration)
      defer { try? queue.close() }
      return try queue.read { db in
        try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
          .flatMap { $0.split(separator: "\n").map(String.init) }
          .filter { !$0.hasPrefix("***") }
      }
    } catch let error as DatabaseError
      where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
    {
      return [error.message ?? "the file is damaged"]
    }
  }

  /// Remembers the file as Leggio leaves it, its log folded in.
  static func recordClosed(path: String) {
    guard let fingerprint = fingerprint(of: path), let file = fingerprintFile(for: path) else {
      return
    }
    try? FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? Data(fingerprint.utf8).write(to: file, options: .atomic)
  }

  /// Device, inode, size and modification time of the database and its log.
  static func fingerprint(of path: String) -> String? {
    func stamp(_ file: String) -> String {
      var info = stat()
      // An empty log and no log are the same: closing deletes an empty one.
      guard stat(file, &info) == 0, info.st_size > 0 || file == path else { return "-" }
      return
        "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
    let main = stamp(path)
    return main == "-" ? nil : main + " " + stamp(path + "-wal")
  }

  private static func recordedFingerprint(of path: String) -> String? {
    guard let file = fingerprintFile(for: path), let data = try? Data(contentsOf: file) else {
      return nil
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// `$XDG_STATE_HOME/leggio/closed/<hash of the library's path>`.
  private static func fingerprintFile(for path: String) -> URL? {
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    return URL(
      fileURLWithPath: Library.stateDirectory() + "/closed/" + SHA256.hex(absolute).prefix(32))
  }
}
