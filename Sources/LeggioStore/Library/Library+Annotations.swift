import Foundation
import GRDB

/// The library as annotations see it: their store on the same database, and articles by
/// UUID with the text of their current version.
extension Library: AnnotationArticleSource {
  /// Bookmarks, highlights and notes, in this library's database.
  public var annotations: AnnotationStore { AnnotationStore(writer) }

  public func annotationArticle(uuid: String) throws -> AnnotationArticle? {
    try writer.read { db in
      guard
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT a.uuid, a.title, a.source, a.published, a.contentHash,
              \(DerivedGlobalIdentity.column("a")) AS globalIdentity,
              leggio_text(v.document, v.text) AS text
            FROM article a JOIN article_version v ON v.articleId = a.id
            WHERE a.uuid = ? AND v.contentHash = a.contentHash AND v.deletedAt IS NULL
            ORDER BY v.createdAt DESC, v.rowid DESC LIMIT 1
            """, arguments: [uuid])
      else { return nil }
      return AnnotationArticle(
        uuid: row["uuid"], title: row["title"], source: row["source"],
        published: row["published"], text: row["text"], textHash: row["contentHash"],
        identity: row["globalIdentity"])
    }
  }

  public func articleUUID(forSource source: String) throws -> String? {
    guard let key = SourceIdentity.key(for: source) else { return nil }
    return try writer.read { db in
      try String.fetchOne(
        db, sql: "SELECT uuid FROM article WHERE identity = ? AND deletedAt IS NULL",
        arguments: [key])
    }
  }

  /// The UUID of the article a person named by its number or UUID; nil when there is none
  /// (or it is in the bin).
  public func articleUUID(reference: String) throws -> String? {
    try writer.read { db in
      if let id = Int64(reference) {
        return try String.fetchOne(
          db, sql: "SELECT uuid FROM article WHERE id = ? AND deletedAt IS NULL",
          arguments: [id])
      }
      return try String.fetchOne(
        db, sql: "SELECT uuid FROM article WHERE uuid = ? AND deletedAt IS NULL",
        arguments: [reference.lowercased()])
    }
  }

  /// The short number of the article with this UUID, nil when there is none.
  public func articleID(uuid: String) throws -> Int64? {
    try writer.read { db in
      try Int64.fetchOne(db, sql: "SELECT id FROM article WHERE uuid = ?", arguments: [uuid])
    }
  }
}
