import Foundation
import GRDB

/// Whether this process may change a library file: SQLite in WAL mode needs to write the
/// file and to create its `-wal` and `-shm` files in the same folder.
enum LibraryAccess {
  /// true when the library exists but its file, or the folder it needs for its logs,
  /// cannot be written by this process (permissions, a read-only mount).
  static func isReadOnly(path: String) -> Bool {
    guard FileManager.default.fileExists(atPath: path) else { return false }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    if access(path, W_OK) != 0 { return true }
    // The logs exist already (another process has the library open): they are enough.
    if access(path + "-wal", W_OK) == 0, access(path + "-shm", W_OK) == 0 { return false }
    return access(folder, W_OK) != 0
  }

  /// A connection that only reads `path`: SQLite's immutable file when this process cannot
  /// write it (so nothing is created beside it), an ordinary read-only one otherwise.
  static func readingQueue(path: String, configuration: Configuration) throws -> DatabaseQueue {
    var configuration = configuration
    configuration.readonly = true
    guard isReadOnly(path: path) else {
      return try DatabaseQueue(path: path, configuration: configuration)
    }
    let escaped = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    return try DatabaseQueue(path: "file:" + escaped + "?immutable=1", configuration: configuration)
  }
}
