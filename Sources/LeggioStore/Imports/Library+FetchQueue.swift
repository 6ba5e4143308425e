import Foundation
import GRDB
import LeggioModel

/// An article waiting for its page: added from an export that held only its address.
public struct PendingFetch: Hashable, Sendable {
  public var id: Int64
  public var uuid: String
  public var url: String
  public var title: String
  /// How many fetches failed so far, and why the last one did.
  public var attempts: Int
  public var lastError: String?

  public init(
    id: Int64, uuid: String, url: String, title: String, attempts: Int = 0,
    lastError: String? = nil
  ) {
    self.id = id
    self.uuid = uuid
    self.url = url
    self.title = title
    self.attempts = attempts
    self.lastError = lastError
  }
}

extension Library {
  /// The articles waiting for their page, oldest first: those never tried (and the
  /// failed ones too when `retryingFailed`), or exactly `ids` when given.
  public func pendingFetches(ids: [Int64]? = nil, retryingFailed: Bool = false) throws
    -> [PendingFetch]
  {
    try writer.read { db in
      var sql = """
        SELECT a.id, a.uuid, q.url, a.title, q.attempts, q.lastError
        FROM fetch_queue q JOIN article a ON a.uuid = q.articleUUID
        WHERE a.deletedAt IS NULL
        """
      var arguments = StatementArguments()
      if let ids {
        sql += " AND a.id IN (\(ids.map { _ in "?" }.joined(separator: ",")))"
        arguments = StatementArguments(ids)
      } else if !retryingFailed {
        sql += " AND q.attempts = 0"
      }
      sql += " ORDER BY q.createdAt, a.id"
      return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
        PendingFetch(
          id: row[0], uuid: row[1], url: row[2], title: row[3], attempts: row[4],
          lastError: row[5])
      }
    }
  }

  /// How many articles wait for their page, and how many of them failed at least once.
  public func fetchQueueCounts() throws -> (waiting: Int, failed: Int) {
    try writer.read { db in
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT COUNT(*), COUNT(*) FILTER (WHERE q.attempts > 0)
          FROM fetch_queue q JOIN article a ON a.uuid = q.articleUUID
          WHERE a.deletedAt IS NULL
          """)
      return (row?[0] ?? 0, row?[1] ?? 0)
    }
  }

  /// Keeps the reason a fetch failed; the article stays queued to be tried again.
  public func recordFetchFailure(_ pending: PendingFetch, reason: String) throws {
    try writer.write { db in
      try db.execute(
        sql: """
          UPDATE fetch_queue SET attempts = attempts + 1, lastError = ?, lastAttemptAt = ?
          WHERE articleUUID = ?
          """, arguments: [reason, Date(), pending.uuid])
    }
  }

  /// Stores the fetched article as the pending article's text (its address stays the
  /// one the export gave, so it is the same article; a page without a title of its own
  /// keeps the export's) and takes it off the queue. Highlights waiting on it are
  /// placed on their quotes.
  @discardableResult
  public func completeFetch(_ pending: PendingFetch, with fetched: ImportedArticle) throws
    -> AddOutcome
  {
    var article = fetched
    article.metadata.source = pending.url
    if article.metadata.title.isEmpty || article.metadata.title == "Untitled page" {
      article.metadata.title = pending.title
    }
    let outcome = try add(article)
    try writer.write { db in
      try db.execute(
        sql: "DELETE FROM fetch_queue WHERE articleUUID = ?", arguments: [pending.uuid])
    }
    return outcome
  }
}
