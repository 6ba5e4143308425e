import Foundation
import GRDB

/// Where a library's bytes go: each table and index with the pages it uses, from SQLite's
/// `dbstat` table. For `leggio-bench scale` and for seeing what a library keeps.
extension Library {
  /// Each table and index of the library file at `path` with its size in bytes, largest
  /// first, read without migrating it (an older library is measured as it is); empty when
  /// this SQLite was built without `dbstat`.
  package static func spaceByObject(path: String) throws -> [(name: String, bytes: Int)] {
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    return try queue.read { db in
      do {
        return try Row.fetchAll(
          db,
          sql: """
            SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC
            """
        ).map { (name: $0["name"], bytes: $0["bytes"]) }
      } catch {
        return []
      }
    }
  }
}
