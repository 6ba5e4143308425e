import Foundation
import GRDB

/// A training of the library's dictionary that failed on its documents (too few of them
/// readable, or nothing zstd could learn), remembered so that it is not tried again after
/// every batch, nor by every process, but once the library has doubled. Kept in
/// `document_dictionary` as a row without bytes whose id is minus the `article_version`
/// rowid the library must reach first: no reader takes it for a dictionary
/// (`DocumentDictionary.newest` and the readers' learner skip rows without bytes), and an
/// older Leggio reads it as no dictionary at all.
enum DocumentDictionaryFailure {
  /// The highest `article_version` rowid, 0 for none: how far the library has grown.
  static func lastVersion(_ db: Database) throws -> Int64 {
    try Int64.fetchOne(db, sql: "SELECT MAX(rowid) FROM article_version") ?? 0
  }

  /// The rowid from which training may be tried again, nil when it never failed.
  static func retryFrom(_ db: Database) throws -> Int64? {
    try Int64.fetchOne(db, sql: "SELECT -MIN(id) FROM document_dictionary WHERE length(bytes) = 0")
  }

  /// Records a failure when the library's versions reached `lastVersion`; returns the
  /// rowid from which training may be tried again: twice as far.
  static func record(_ db: Database, lastVersion: Int64) throws -> Int64 {
    let retryFrom = max(1, lastVersion) * 2
    try db.execute(
      sql: "INSERT OR REPLACE INTO document_dictionary (id, bytes, createdAt) VALUES (?, x'', ?)",
      arguments: [-retryFrom, DatabaseDate.value(Date())])
    return retryFrom
  }

  /// Forgets the failures, once a dictionary is stored.
  static func clear(_ db: Database) throws {
    try db.execute(sql: "DELETE FROM document_dictionary WHERE length(bytes) = 0")
  }
}
