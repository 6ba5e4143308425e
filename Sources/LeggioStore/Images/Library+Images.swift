import Foundation
import GRDB
import LeggioModel

/// Pictures kept with articles: stored once per content hash, linked to each article that
/// shows them, freed when the last article using one is removed.
extension Library {
  /// Links `images` to article `articleUUID` (a picture already linked under the same
  /// address is replaced), storing each picture the library does not hold yet.
  static func keepImages(_ db: Database, _ images: [KeptImage], articleUUID: String, now: Date)
    throws
  {
    for image in images {
      try db.execute(
        sql: """
          INSERT OR IGNORE INTO image (hash, format, width, height, bytes, data, createdAt)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          image.hash, image.info.format.rawValue, image.info.width, image.info.height,
          image.data.count, image.data, now,
        ])
      if let replaced = try link(
        db, hash: image.hash, source: image.source, articleUUID: articleUUID, now: now)
      {
        try freeIfUnused(db, hash: replaced)
      }
    }
  }

  /// Unlinks the pictures of a removed article and erases those nothing shows any more.
  static func releaseImages(_ db: Database, articleID: Int64) throws {
    guard
      let uuid = try String.fetchOne(
        db, sql: "SELECT uuid FROM article WHERE id = ?", arguments: [articleID])
    else { return }
    let hashes = try String.fetchAll(
      db, sql: "SELECT DISTINCT imageHash FROM article_image WHERE articleUUID = ?",
      arguments: [uuid])
    guard !hashes.isEmpty else { return }
    try db.execute(sql: "DELETE FROM article_image WHERE articleUUID = ?", arguments: [uuid])
    for hash in hashes { try freeIfUnused(db, hash: hash) }
  }

  /// Erases picture `hash` when no article shows it any more.
  static func freeIfUnused(_ db: Database, hash: String) throws {
    try db.execute(
      sql: """
        DELETE FROM image WHERE hash = ? AND NOT EXISTS
          (SELECT 1 FROM article_image l WHERE l.imageHash = image.hash)
        """, arguments: [hash])
  }

  /// The pictures of live article `id`, keyed by the address its document names them by.
  public func images(ofArticle id: Int64) throws -> [String: KeptImage] {
    try writer.read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT l.source, i.hash, i.format, i.width, i.height, i.data FROM article a
          JOIN article_image l ON l.articleUUID = a.uuid JOIN image i ON i.hash = l.imageHash
          WHERE a.id = ? AND a.deletedAt IS NULL
          """, arguments: [id])
      var images: [String: KeptImage] = [:]
      for row in rows {
        guard let format = ImageFormat(rawValue: row["format"]) else { continue }
        let source: String = row["source"]
        let info = ImageInfo(format: format, width: row["width"], height: row["height"])
        images[source] = KeptImage(source: source, data: row["data"], info: info, hash: row["hash"])
      }
      return images
    }
  }

  /// How many pictures the library holds and their bytes in all (each counted once).
  public func imageTotals() throws -> (count: Int, bytes: Int) {
    try writer.read { db in
      let row = try Row.fetchOne(db, sql: "SELECT COUNT(*), COALESCE(SUM(bytes), 0) FROM image")
      return (row?[0] ?? 0, row?[1] ?? 0)
    }
  }
}
