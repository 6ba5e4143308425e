import Foundation
import GRDB
import LeggioModel

/// Pictures added to articles already stored, one at a time: how feed items get theirs
/// after their batch is written (`FeedPictureFetcher`), and how sync finds the bytes of a
/// picture it carries.
extension Library {
  /// The hash and size of the picture kept under `source` for any article, nil when none
  /// is: a picture already kept is linked again rather than fetched again.
  package func keptImage(source: String) throws -> (hash: String, bytes: Int)? {
    try writer.read { db in
      try Row.fetchOne(
        db,
        sql: """
          SELECT i.hash, i.bytes FROM article_image l JOIN image i ON i.hash = l.imageHash
          WHERE l.source = ? LIMIT 1
          """, arguments: [source]
      ).map { ($0["hash"], $0["bytes"]) }
    }
  }

  /// Links the kept picture `hash` to live article `articleID` under `source`. False when
  /// the article is gone or the picture is no longer kept.
  @discardableResult
  package func linkImage(hash: String, source: String, articleID: Int64) throws -> Bool {
    try writer.write { db in
      guard let uuid = try Self.liveArticleUUID(db, id: articleID),
        try Bool.fetchOne(
          db, sql: "SELECT EXISTS (SELECT 1 FROM image WHERE hash = ?)", arguments: [hash]) == true
      else { return false }
      try Self.link(db, hash: hash, source: source, articleUUID: uuid, now: Date())
      return true
    }
  }

  /// Keeps `image` (once per hash) and links it to live article `articleID`; nothing is
  /// stored when the article was removed meanwhile. False then.
  @discardableResult
  package func keepImage(_ image: KeptImage, articleID: Int64) throws -> Bool {
    try writer.write { db in
      guard let uuid = try Self.liveArticleUUID(db, id: articleID) else { return false }
      try Self.keepImages(db, [image], articleUUID: uuid, now: Date())
      return true
    }
  }

  /// The bytes of kept picture `hash`, nil when the library does not hold it.
  package func imageData(hash: String) throws -> Data? {
    try writer.read { db in
      try Data.fetchOne(db, sql: "SELECT data FROM image WHERE hash = ?", arguments: [hash])
    }
  }

  static func liveArticleUUID(_ db: Database, id: Int64) throws -> String? {
    try String.fetchOne(
      db, sql: "SELECT uuid FROM article WHERE id = ? AND deletedAt IS NULL", arguments: [id])
  }

  /// Links kept picture `hash` to an article under `source`; returns the hash that
  /// address named before when it named another picture (to free if now unused).
  @discardableResult
  static func link(_ db: Database, hash: String, source: String, articleUUID: String, now: Date)
    throws -> String?
  {
    let before = try String.fetchOne(
      db, sql: "SELECT imageHash FROM article_image WHERE articleUUID = ? AND source = ?",
      arguments: [articleUUID, source])
    if before == hash { return nil }
    try db.execute(
      sql: """
        INSERT OR REPLACE INTO article_image (articleUUID, source, imageHash, createdAt)
        VALUES (?, ?, ?, ?)
        """, arguments: [articleUUID, source, hash, now])
    return before
  }
}
