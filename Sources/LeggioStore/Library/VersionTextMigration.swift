import Foundation
import GRDB

/// Told how far a long migration got: what it does, how many of how many are done.
public typealias MigrationProgress = @Sendable (_ step: String, _ done: Int, _ total: Int) -> Void

/// Moves every text version stored before issue 17 to the form `StoredDocument` writes
/// now: the text inside the compressed document, the `text` column empty. It runs in the
/// migration's one transaction, so an interrupted one leaves the library as it was, and
/// the next open starts again. Records keep their uuids, hashes and dates; the search
/// index indexes the same texts, so it is left as it is.
enum VersionTextMigration {
  static let name = "versions-v2: text inside the compressed document"

  static func migrate(_ db: Database, progress: MigrationProgress?) throws {
    // Rewriting a version is no change of its text: neither the search index's triggers
    // nor sync's ("this article changed") may see it. They are put back as they were.
    let saved = try Row.fetchAll(
      db,
      sql: """
        SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'article_version'
        """)
    for trigger in saved {
      try db.execute(sql: "DROP TRIGGER \(trigger["name"] as String)")
    }
    let total =
      try Int.fetchOne(
        db,
        sql: "SELECT COUNT(*) FROM article_version WHERE text != '' OR typeof(document) != 'blob'")
      ?? 0
    var done = 0
    var last: Int64 = 0
    let update = try db.makeStatement(
      sql: "UPDATE article_version SET document = ?, text = '' WHERE rowid = ?")
    while true {
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT rowid, document, text FROM article_version
          WHERE rowid > ? AND (text != '' OR typeof(document) != 'blob') ORDER BY rowid LIMIT 500
          """, arguments: [last])
      guard let end = rows.last else { break }
      for row in rows {
        let json = try StoredDocument.json(from: row["document"], db: db)
        let text = try StoredDocument.text(from: row["document"], db: db) ?? row["text"] ?? ""
        // A document that no longer reads is left exactly as it is.
        guard let json else { continue }
        try update.execute(
          arguments: [StoredDocument.compress(json, text: text), row["rowid"] as Int64])
      }
      last = end["rowid"]
      done += rows.count
      progress?("Compressing texts", done, total)
    }
    for trigger in saved {
      try db.execute(sql: trigger["sql"] as String)
    }
    try SearchIndex.replaceView(db)
  }
}
