import Foundation
import GRDB
import LeggioModel

/// A book's table of contents and facts (`BookContents`), as JSON beside the text
/// version whose blocks it points at: a new version of the book brings its own.
enum BookContentsRecord {
  /// The migration's name says what it is for; it runs after every earlier one.
  static let migrationName = "v3: tables of contents of books (EPUB, issue 13)"

  static func createTable(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE article_contents (
          versionUUID TEXT PRIMARY KEY NOT NULL
            REFERENCES article_version(uuid) ON DELETE CASCADE,
          contents TEXT NOT NULL,
          createdAt DATETIME NOT NULL
        )
        """)
  }

  /// Keeps `contents` for `versionUUID`, replacing what the version held.
  static func store(_ db: Database, contents: BookContents, versionUUID: String, now: Date)
    throws
  {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let json = String(decoding: try encoder.encode(contents), as: UTF8.self)
    try db.execute(
      sql: """
        INSERT OR REPLACE INTO article_contents (versionUUID, contents, createdAt)
        VALUES (?, ?, ?)
        """, arguments: [versionUUID, json, now])
  }

  /// The contents kept with article `uuid`'s current text version, if it is a book.
  static func fetch(_ db: Database, articleUUID uuid: String) throws -> BookContents? {
    guard
      let json = try String.fetchOne(
        db,
        sql: """
          SELECT c.contents FROM article_version v JOIN article_contents c ON c.versionUUID = v.uuid
          WHERE v.articleId = \(VersionArticleIDs.articleID) AND v.deletedAt IS NULL
          ORDER BY v.createdAt DESC, v.rowid DESC LIMIT 1
          """, arguments: [uuid])
    else { return nil }
    return try JSONDecoder().decode(BookContents.self, from: Data(json.utf8))
  }
}

extension Library {
  /// The table of contents and facts of live article `id` if it is a book, else nil.
  public func contents(of id: Int64) throws -> BookContents? {
    try writer.read { db in
      try BookContentsRecord.fetch(db, articleUUID: try Self.liveUUID(db, id: id))
    }
  }
}
