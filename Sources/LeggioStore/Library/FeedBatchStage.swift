import Foundation
import GRDB

/// A feed batch's new articles, versions and tags gathered in temporary tables of this
/// connection and stored with one `INSERT … SELECT` per table (`flush`).
///
/// SQLite keeps every page that a statement with triggers changes in a statement journal
/// for as long as the statement runs, so an article stored by its own statements cost
/// about 25 pages of 16 KiB copied: 4.5 GB for a 10,000-item update, more than all the
/// rest of SQLite's work. One statement for a whole batch copies each page it changes
/// once. The temporary tables live in memory (`PRAGMA temp_store`), have neither index
/// nor trigger, and are emptied by each flush; they belong to the transaction, so a batch
/// that fails leaves nothing in them.
struct FeedBatchStage {
  private let insertArticle: BulkStatement
  private let insertVersion: BulkStatement
  private let insertTag: BulkStatement
  /// The identities staged since the last flush.
  private(set) var identities = Set<String>()

  private static let articleColumns =
    "uuid, identity, globalIdentity, \(ArticleColumns.names.joined(separator: ", ")), "
    + "contentHash, words, createdAt, updatedAt"
  /// A version's columns but its article, which is staged by UUID (`articleUUID`) and
  /// stored by id (`VersionArticleIDs`); `updatedAt` is left NULL, as it is `createdAt`.
  private static let versionColumns = "uuid, document, text, contentHash, words, createdAt"
  private static let tagColumns = "articleUUID, tag, createdAt, updatedAt"

  init(_ db: Database) throws {
    // Columns as the library's tables declare them, so values keep their affinity.
    try db.execute(
      sql: """
        CREATE TEMP TABLE IF NOT EXISTS stage_article AS
          SELECT \(Self.articleColumns) FROM main.article WHERE 0;
        CREATE TEMP TABLE IF NOT EXISTS stage_version AS
          SELECT '' AS articleUUID, \(Self.versionColumns) FROM main.article_version WHERE 0;
        CREATE TEMP TABLE IF NOT EXISTS stage_tag (
          articleUUID TEXT, tag TEXT, createdAt DATETIME, updatedAt DATETIME);
        """)
    func insert(_ table: String, _ columns: String) throws -> BulkStatement {
      let count = columns.split(separator: ",").count
      return try BulkStatement(
        db,
        sql: "INSERT INTO temp.\(table) (\(columns)) VALUES ("
          + Array(repeating: "?", count: count).joined(separator: ", ") + ")")
    }
    insertArticle = try insert("stage_article", Self.articleColumns)
    insertVersion = try insert("stage_version", "articleUUID, " + Self.versionColumns)
    insertTag = try insert("stage_tag", Self.tagColumns)
  }

  /// Stages a new article, its version and its tags, dated `stamp`, under the
  /// identifiers given.
  mutating func add(
    _ article: PreparedFeedArticle, uuid: String, versionUUID: String, stamp: DatabaseValue
  ) throws {
    identities.insert(article.identity)
    try insertVersion.execute { row in
      row.text(uuid)
      row.text(versionUUID)
      row.value(article.storedDocument.databaseValue)
      row.text("")
      row.text(article.hash)
      row.integer(article.words)
      row.value(stamp)
    }
    try insertArticle.execute { row in
      row.text(uuid)
      row.text(article.identity)
      row.text(article.globalIdentity)
      for value in article.columns.values { row.value(value) }
      row.text(article.hash)
      row.integer(article.words)
      row.value(stamp)
      row.value(stamp)
    }
    for tag in article.tags {
      try insertTag.execute { row in
        row.text(uuid)
        row.text(tag)
        row.value(stamp)
        row.value(stamp)
      }
    }
  }

  /// Stores what is staged (articles first: their versions and tags name them by id) and
  /// returns the new articles' ids by UUID.
  mutating func flush(_ db: Database) throws -> [String: Int64] {
    guard !identities.isEmpty else { return [:] }
    try db.execute(
      sql: """
        INSERT INTO main.article (\(Self.articleColumns))
          SELECT \(Self.articleColumns) FROM temp.stage_article ORDER BY rowid;
        INSERT INTO main.article_version (articleId, \(Self.versionColumns))
          SELECT a.id, s.uuid, s.document, s.text, s.contentHash, s.words, s.createdAt
          FROM temp.stage_version s JOIN main.article a ON a.uuid = s.articleUUID ORDER BY s.rowid;
        INSERT INTO main.article_tag (articleId, tag, createdAt, updatedAt)
          SELECT a.id, s.tag, s.createdAt, s.updatedAt FROM temp.stage_tag s
          JOIN main.article a ON a.uuid = s.articleUUID ORDER BY s.rowid;
        """)
    var ids: [String: Int64] = [:]
    ids.reserveCapacity(identities.count)
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT a.uuid, a.id FROM temp.stage_article s JOIN main.article a ON a.uuid = s.uuid
        """)
    while let row = try rows.next() { ids[row[0]] = row[1] }
    try db.execute(
      sql: "DELETE FROM temp.stage_article; DELETE FROM temp.stage_version; "
        + "DELETE FROM temp.stage_tag;")
    identities.removeAll(keepingCapacity: true)
    return ids
  }
}
