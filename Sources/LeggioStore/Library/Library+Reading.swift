import Foundation
import GRDB
import LeggioModel

/// What the reader reads: counts, list rows, articles and reading positions. Every method
/// runs one short query.
extension Library {
  /// How many articles match `query`: the kept counts when there is no filter but
  /// unread, else a count of the matches.
  public func count(_ query: ArticleQuery) throws -> Int {
    let filter = try listFilter(query)
    return try writer.read { db in
      if let kept = try ArticleCounts.count(db, query) { return kept }
      return try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM article a WHERE \(filter.sql)", arguments: filter.arguments
      ) ?? 0
    }
  }

  /// The rows `offset..<offset+limit` of the list for `query`: list rows are fetched a
  /// window at a time, so 10,000 articles cost no more to show than ten. Given `total`
  /// (the rows `query` matches), a window in the second half is read from the end, in
  /// the reverse order, so that the last screen costs what the first does.
  /// A list filtered by words in a large library is read through `FilterProbe`.
  public func summaries(_ query: ArticleQuery, offset: Int, limit: Int, total: Int? = nil)
    throws -> [ArticleSummary]
  {
    try summaries(
      query, offset: offset, limit: limit, total: total,
      probingAbove: Self.probeMinimumArticles)
  }

  /// `summaries`, probing only a library of more than `threshold` articles.
  func summaries(
    _ query: ArticleQuery, offset: Int, limit: Int, total: Int?, probingAbove threshold: Int
  ) throws -> [ArticleSummary] {
    guard limit > 0 else { return [] }
    let offset = max(0, offset)
    let filter = try listFilter(query)
    var (skip, take) = (offset, limit)
    var reversed = false
    if let total, offset > total / 2, offset < total {
      // Rows offset..<end are, from the end, rows (total - end)..<(total - offset).
      let end = min(total, offset + limit)
      (skip, take) = (total - end, end - offset)
      reversed = true
    }
    let order = ListFilter.order(query.sort, reversed: reversed)
    let rows = try writer.read { db in
      if let probed = try probedRows(
        db, query, order: order, skip: skip, take: take, probingAbove: threshold)
      {
        return probed
      }
      return try ArticleRow.fetchAll(
        db,
        sql: """
          SELECT \(ArticleRow.columns) FROM article a WHERE \(filter.sql)
          ORDER BY \(order) LIMIT ? OFFSET ?
          """, arguments: filter.arguments + [take, skip]
      ).map(\.summary)
    }
    return reversed ? rows.reversed() : rows
  }

  /// Counts for the header (the whole library, ignoring any filter), kept by triggers.
  public func counts() throws -> LibraryCounts {
    try writer.read { db in try ArticleCounts.fetch(db) }
  }

  /// Every tag in use, sorted.
  public func allTags() throws -> [String] {
    try writer.read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT MIN(t.tag) FROM article_tag t JOIN article a ON a.id = t.articleId
          WHERE t.deletedAt IS NULL AND a.deletedAt IS NULL
          GROUP BY t.tag COLLATE NOCASE ORDER BY t.tag COLLATE NOCASE
          """)
    }
  }

  /// The article with its document and this device's reading position.
  public func article(id: Int64) throws -> StoredArticle? {
    try writer.read { db in
      guard
        let row = try ArticleRow.fetchAll(
          db,
          sql: "SELECT \(ArticleRow.columns) FROM article a WHERE id = ? AND deletedAt IS NULL",
          arguments: [id]
        ).first
      else { return nil }
      let uuid = row.summary.uuid
      let json = try DatabaseValue.fetchOne(
        db,
        sql: """
          SELECT document FROM article_version WHERE articleId = ? AND deletedAt IS NULL
          ORDER BY createdAt DESC, rowid DESC LIMIT 1
          """, arguments: [id])
      let offset = try Int.fetchOne(
        db,
        sql: "SELECT \"offset\" FROM reading_position WHERE articleUUID = ? AND device = ?",
        arguments: [uuid, deviceID])
      return StoredArticle(
        summary: row.summary, metadata: row.metadata,
        document: try json.flatMap { try StoredDocument.document(from: $0, db: db) } ?? Document(),
        readingOffset: offset,
        contents: try BookContentsRecord.fetch(db, articleUUID: uuid))
    }
  }

  /// Saves this device's reading position and marks the article read.
  public func saveReadingPosition(articleID: Int64, offset: Int, progress: Double) throws {
    let progress = min(1, max(0, progress.isFinite ? progress : 0))
    try writer.write { db in
      let uuid = try Self.liveUUID(db, id: articleID)
      let now = Date()
      try db.execute(
        sql: """
          INSERT INTO reading_position (articleUUID, device, "offset", progress, updatedAt)
          VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (articleUUID, device) DO UPDATE SET
            "offset" = excluded."offset", progress = excluded.progress,
            updatedAt = excluded.updatedAt
          """, arguments: [uuid, deviceID, max(0, offset), progress, now])
      try db.execute(
        sql: "UPDATE article SET progress = ?, readAt = ? WHERE id = ?",
        arguments: [progress, now, articleID])
    }
  }

  /// Moves articles to the bin (a tombstone; nothing is erased).
  public func remove(ids: [Int64]) throws {
    let unknown = try writer.write { db -> [Int64] in
      var unknown: [Int64] = []
      let now = Date()
      for id in ids {
        try db.execute(
          sql: "UPDATE article SET deletedAt = ?, updatedAt = ? WHERE id = ? AND deletedAt IS NULL",
          arguments: [now, now, id])
        // The search index lets go of it by itself (`SearchIndex`'s triggers).
        if db.changesCount == 0 {
          unknown.append(id)
        } else {
          try Self.releaseImages(db, articleID: id)
        }
      }
      return unknown
    }
    if !unknown.isEmpty { throw LibraryError.noSuchArticles(ids: unknown) }
  }
}
