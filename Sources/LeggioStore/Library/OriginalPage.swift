import Foundation
import GRDB

/// The page an article was extracted from, byte for byte as fetched or read, kept beside
/// the text version it produced: extraction can be run again on it (a better extractor,
/// a page that changed since), and nothing needs the network to do so.
enum OriginalPage {
  static func createTable(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE article_original (
          versionUUID TEXT PRIMARY KEY NOT NULL
            REFERENCES article_version(uuid) ON DELETE CASCADE,
          html BLOB NOT NULL,
          createdAt DATETIME NOT NULL
        )
        """)
  }

  /// Keeps `html` for `versionUUID`; a version already holding a page keeps its first.
  static func store(_ db: Database, html: Data, versionUUID: String, now: Date) throws {
    try db.execute(
      sql: "INSERT OR IGNORE INTO article_original (versionUUID, html, createdAt) VALUES (?, ?, ?)",
      arguments: [versionUUID, html, now])
  }
}

extension Library {
  /// The original page of live article `id`'s current text version, nil when it came
  /// from text or Markdown rather than HTML.
  public func originalHTML(of id: Int64) throws -> Data? {
    try writer.read { db in
      // Only a live article's page (it throws for another).
      _ = try Self.liveUUID(db, id: id)
      return try Data.fetchOne(
        db,
        sql: """
          SELECT o.html FROM article_version v JOIN article_original o ON o.versionUUID = v.uuid
          WHERE v.articleId = ? AND v.deletedAt IS NULL
          ORDER BY v.createdAt DESC, v.rowid DESC LIMIT 1
          """, arguments: [id])
    }
  }
}
