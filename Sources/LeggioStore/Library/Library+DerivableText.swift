import Foundation
import GRDB

/// What the versions of feed items would take without their canonical text, for
/// `leggio-bench scale` (issue 17): measured, not done. The text could be derived from
/// the document (or from the stored original) when it is read.
extension Library {
  /// For the current versions of up to `sample` feed items of the library at `path`:
  /// how many were read, their stored documents' bytes, and the bytes of the same
  /// documents stored without the canonical text (the JSON alone, compressed alike).
  package static func feedItemTextShare(path: String, sample: Int = 2_000) throws -> (
    versions: Int, stored: Int, withoutText: Int
  ) {
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    return try queue.read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT v.document FROM feed_items i JOIN article a ON a.id = i.articleID
          JOIN article_version v ON v.articleId = a.id AND v.deletedAt IS NULL
          ORDER BY i.id LIMIT ?
          """, arguments: [sample])
      // A document in the dictionary's form is compared with its JSON in that form too.
      let dictionary = try? DocumentDictionary.newest(db)
      var (stored, withoutText) = (0, 0)
      for row in rows {
        let value: DatabaseValue = row[0]
        guard case .blob(let data) = value.storage,
          let json = try StoredDocument.json(from: value, db: db)
        else { continue }
        stored += data.count
        if let dictionary, dictionary.madeThis(data),
          let alone = StoredDocument.recompress(payload: Array(json.utf8), dictionary: dictionary)
        {
          withoutText += alone.count
        } else {
          withoutText += StoredDocument.compress(json).count
        }
      }
      return (rows.count, stored, withoutText)
    }
  }
}
