import Foundation
import GRDB

extension Library {
  /// The UUID of the article another library knows as `identity` (see `SyncMigrations`):
  /// the one with that global identity, else (for `sha256:` identities) the one holding
  /// a version of that text, else the one saved from that web address. Removed articles
  /// count, so that a deletion and an edit meet on one article.
  static func localArticleUUID(_ db: Database, identity: String) throws -> String? {
    if let uuid = try String.fetchOne(
      db,
      sql: """
        SELECT uuid FROM article WHERE \(DerivedGlobalIdentity.lookup)
        ORDER BY deletedAt IS NOT NULL, id
        """,
      arguments: [identity])
    {
      return uuid
    }
    if identity.hasPrefix("sha256:") {
      return try articleUUID(db, holdingText: String(identity.dropFirst(7)))
    }
    return try String.fetchOne(
      db, sql: "SELECT uuid FROM article WHERE identity = ?",
      arguments: [SourceIdentity.key(for: identity) ?? identity])
  }

  /// The article with a text version whose hash is `hash`, live ones first.
  static func articleUUID(_ db: Database, holdingText hash: String) throws -> String? {
    try String.fetchOne(
      db,
      sql: """
        SELECT a.uuid FROM article_version v JOIN article a ON a.id = v.articleId
        WHERE \(NarrowIndexes.hashMatch("v.contentHash")) ORDER BY a.deletedAt IS NOT NULL, a.id LIMIT 1
        """, arguments: [hash])
  }

  /// The identity two libraries compute alike for live article `uuid`.
  public func globalIdentity(ofArticle uuid: String) throws -> String? {
    try writer.read { db in
      try String.fetchOne(
        db,
        sql: "SELECT \(DerivedGlobalIdentity.column("article")) FROM article WHERE uuid = ?",
        arguments: [uuid])
    }
  }
}

extension Library {
  /// The live article an imported annotation belongs to here, from what its file says
  /// (nil when none fits): its UUID if this library made it; else its identity (the web
  /// address, or the hash of its first text); else a version of the very text it was made
  /// on; else its web address; else the one article whose text holds its quote.
  public func locateArticle(_ clue: ArticleClue) -> String? {
    try? writer.read { db in
      func live(_ uuid: String?) throws -> String? {
        guard let uuid else { return nil }
        return try String.fetchOne(
          db, sql: "SELECT uuid FROM article WHERE uuid = ? AND deletedAt IS NULL",
          arguments: [uuid.lowercased()])
      }
      if let uuid = try live(clue.uuid) { return uuid }
      if let identity = clue.identity,
        let uuid = try live(Self.localArticleUUID(db, identity: identity))
      {
        return uuid
      }
      if let hash = clue.textHash, !hash.isEmpty,
        let uuid = try live(Self.articleUUID(db, holdingText: hash))
      {
        return uuid
      }
      if let source = clue.source, let key = SourceIdentity.key(for: source),
        let uuid = try live(Self.localArticleUUID(db, identity: key))
      {
        return uuid
      }
      guard let quote = clue.quote, !quote.isEmpty else { return nil }
      let holders = try String.fetchAll(
        db,
        sql: """
          SELECT a.uuid FROM article a JOIN article_version v
            ON v.articleId = a.id AND v.contentHash = a.contentHash
          WHERE a.deletedAt IS NULL AND v.deletedAt IS NULL AND instr(leggio_text(v.document, v.text), ?) > 0
          GROUP BY a.uuid LIMIT 2
          """, arguments: [quote])
      return holders.count == 1 ? holders[0] : nil
    }
  }
}
