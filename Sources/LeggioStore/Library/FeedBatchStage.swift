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
///
/// Each new article is staged under the id it will have, the next of the library's ids
/// (`nextArticleID`: what AUTOINCREMENT would give it), so that its version and tags name
/// it by id: staged by UUID, each article cost three searches of the UUID index (its
/// version's and tags' joins, and reading its id back).
struct FeedBatchStage {
  private let insertArticle: BulkStatement
  private let insertVersion: BulkStatement
  private let insertTag: BulkStatement
  /// The identities staged since the last flush.
  private(set) var identities = Set<String>()

  private static let articleColumns =
    "id, uuid, identity, globalIdentity, \(ArticleColumns.names.joined(separator: ", ")), "
    + "contentHash, words, createdAt, updatedAt"
  /// A version's columns; `updatedAt` is left NULL, as it is `createdAt`.
  private static let versionColumns =
    "articleId, uuid, document, text, contentHash, words, createdAt"
  private static let tagColumns = "articleId, tag, createdAt, updatedAt"

  init(_ db: Database) throws {
    // Columns as the library's tables declare them, so values keep their affinity.
    try db.execute(
      sql: """
        CREATE TEMP TABLE IF NOT EXISTS stage_article AS
          SELECT \(Self.articleColumns) FROM main.article WHERE 0;
        CREATE TEMP TABLE IF NOT EXISTS stage_version AS
          SELECT \(Self.versionColumns) FROM main.article_version WHERE 0;
        CREATE TEMP TABLE IF NOT EXISTS stage_tag AS
          SELECT \(Self.tagColumns) FROM main.article_tag WHERE 0;
        """)
    func insert(_ table: String, _ columns: String) throws -> BulkStatement {
      let count = columns.split(separator: ",").count
      return try BulkStatement(
        db,
        sql: "INSERT INTO temp.\(table) (\(columns)) VALUES ("
          + Array(repeating: "?", count: count).joined(separator: ", ") + ")")
    }
    insertArticle = try insert("stage_article", Self.articleColumns)
    insertVersion = try insert("stage_version", Self.versionColumns)
    insertTag = try insert("stage_tag", Self.tagColumns)
  }

  /// The id the next article stored will have: above every id the library ever gave,
  /// as AUTOINCREMENT gives them (`sqlite_sequence` keeps the largest, deleted or not).
  static func nextArticleID(_ db: Database) throws -> Int64 {
    try Int64.fetchOne(
      db,
      sql: """
        SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'article'), 0),
          COALESCE((SELECT MAX(id) FROM article), 0)) + 1
        """) ?? 1
  }

  /// Stages a new article, its version and its tags, dated `stamp`, under the
  /// identifiers given: `id` is `nextArticleID`, or one above the article staged before.
  mutating func add(
    _ article: PreparedFeedArticle, id: Int64, uuid: String, versionUUID: String,
    stamp: DatabaseValue
  ) throws {
    identities.insert(article.identity)
    try insertVersion.execute { row in
      row.integer(id)
      row.text(versionUUID)
      row.value(article.storedDocument.databaseValue)
      row.text("")
      row.text(article.hash)
      row.integer(article.words)
      row.value(stamp)
    }
    try insertArticle.execute { row in
      row.integer(id)
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
        row.integer(id)
        row.text(tag)
        row.value(stamp)
        row.value(stamp)
      }
    }
  }

  /// Stores what is staged, articles first: their versions and tags name them.
  mutating func flush(_ db: Database) throws {
    guard !identities.isEmpty else { return }
    try db.execute(
      sql: """
        INSERT INTO main.article (\(Self.articleColumns))
          SELECT \(Self.articleColumns) FROM temp.stage_article ORDER BY rowid;
        INSERT INTO main.article_version (\(Self.versionColumns))
          SELECT \(Self.versionColumns) FROM temp.stage_version ORDER BY rowid;
        INSERT INTO main.article_tag (\(Self.tagColumns))
          SELECT \(Self.tagColumns) FROM temp.stage_tag ORDER BY rowid;
        DELETE FROM temp.stage_article; DELETE FROM temp.stage_version;
        DELETE FROM temp.stage_tag;
        """)
    identities.removeAll(keepingCapacity: true)
  }
}
