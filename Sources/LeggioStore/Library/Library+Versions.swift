import Foundation
import GRDB

/// One stored text version of an article (newest last in `Library.versions(of:)`).
public struct TextVersion: Hashable, Sendable {
  public var uuid: String
  /// SHA-256 of the canonical text, hex.
  public var contentHash: String
  public var words: Int
  public var createdAt: Date
}

extension Library {
  /// The text versions of live article `id`, oldest first.
  public func versions(of id: Int64) throws -> [TextVersion] {
    try writer.read { db in
      // Only a live article's versions (it throws for another).
      _ = try Self.liveUUID(db, id: id)
      return try Row.fetchAll(
        db,
        sql: """
          SELECT uuid, contentHash, words, createdAt FROM article_version
          WHERE articleId = ? AND deletedAt IS NULL ORDER BY createdAt, rowid
          """, arguments: [id]
      ).map { row in
        TextVersion(
          uuid: row["uuid"], contentHash: row["contentHash"], words: row["words"],
          createdAt: row["createdAt"])
      }
    }
  }

  /// Problems in the stored data, empty when all is well: SQLite's own integrity check,
  /// live articles without a text version or a full-text row, stray full-text rows. (An
  /// article in the bin may have none: `vacuum(emptyingBin:)` erases them.)
  public func integrityProblems() throws -> [String] {
    try writer.read { db in
      var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter {
        $0 != "ok"
      }
      let withoutVersion = try Int64.fetchAll(
        db,
        sql: """
          SELECT id FROM article a WHERE a.deletedAt IS NULL AND NOT EXISTS (
            SELECT 1 FROM article_version v WHERE v.articleId = a.id AND v.deletedAt IS NULL)
            AND NOT EXISTS (SELECT 1 FROM fetch_queue q WHERE q.articleUUID = a.uuid)
          """)
      problems += withoutVersion.map { "article \($0) has no text version" }
      let (withoutSearch, stray) = try SearchIndex.problems(db)
      problems += withoutSearch.map { "article \($0) is missing from the search index" }
      problems += stray.map { "the search index holds a row for article \($0), which is not live" }
      return problems
    }
  }
}
