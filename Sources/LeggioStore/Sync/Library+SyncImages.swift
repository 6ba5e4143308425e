import Foundation
import GRDB
import LeggioModel

/// Articles' pictures in sync: a record names each picture by its address and the hash
/// of its file (`pictures/ab/<sha256>` in the mirror, written once, never rewritten), so
/// an article that arrives on another device reads offline there, pictures and all.
extension Library {
  /// The pictures of article `articleUUID`: hash by address.
  static func syncImages(_ db: Database, articleUUID: String) throws -> [String: String] {
    let rows = try Row.fetchAll(
      db, sql: "SELECT source, imageHash FROM article_image WHERE articleUUID = ?",
      arguments: [articleUUID])
    return Dictionary(rows.map { ($0["source"], $0["imageHash"]) }, uniquingKeysWith: { a, _ in a })
  }

  /// Links the record's pictures to its local article once it is imported: a picture
  /// the library keeps already is linked, another is read from the mirror (`picture`)
  /// and kept only when its bytes are the picture the hash names and a picture Leggio
  /// decodes, of a sane size. A removed article lets go of its pictures instead. Returns
  /// the article's UUID when it shows pictures the record lacks (to export it again).
  static func importImages(
    _ db: Database, _ record: SyncArticle, picture: (String) -> Data?,
    _ report: inout SyncImportReport
  ) throws -> String? {
    guard let uuid = try localArticleUUID(db, identity: record.identity),
      let row = try Row.fetchOne(
        db, sql: "SELECT id, deletedAt FROM article WHERE uuid = ?", arguments: [uuid])
    else { return nil }
    let id: Int64 = row["id"]
    guard row["deletedAt"] as Date? == nil else {
      try releaseImages(db, articleID: id)
      return nil
    }
    let wanted = record.images ?? [:]
    let now = Date()
    for (source, hash) in wanted.sorted(by: { $0.key < $1.key }) {
      let kept =
        try Bool.fetchOne(
          db, sql: "SELECT EXISTS (SELECT 1 FROM image WHERE hash = ?)", arguments: [hash])
        ?? false
      if !kept {
        guard let data = picture(hash) else {
          report.skipped.append("\(record.title): the picture \(source) has not arrived")
          continue
        }
        guard SHA256.hex(bytes: data) == hash, let info = ImageInfo(data),
          info.width <= 16_384, info.height <= 16_384, info.pixels <= 40_000_000
        else {
          report.skipped.append(
            "\(record.title): the picture \(source) is damaged (not the picture its name says)")
          continue
        }
        try keepImages(
          db, [KeptImage(source: source, data: data, info: info, hash: hash)],
          articleUUID: uuid, now: now)
      } else if let replaced = try link(
        db, hash: hash, source: source, articleUUID: uuid, now: now)
      {
        try freeIfUnused(db, hash: replaced)
      }
    }
    let local = try syncImages(db, articleUUID: uuid)
    return local.keys.contains { wanted[$0] == nil } ? uuid : nil
  }
}
