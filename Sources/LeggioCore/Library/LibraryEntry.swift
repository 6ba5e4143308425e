import Foundation
import GRDB

/// An article's list row and full metadata, without its text: what `leggio list --json`
/// prints.
public struct LibraryEntry: Hashable, Sendable {
  public var summary: ArticleSummary
  public var metadata: ArticleMetadata
}

extension Library {
  /// The summary of live article `id`, nil if there is none.
  public func summary(id: Int64) throws -> ArticleSummary? {
    try writer.read { db in
      let rows = try Row.fetchAll(
        db, sql: "SELECT * FROM article a WHERE id = ? AND deletedAt IS NULL", arguments: [id])
      return try Self.summaries(db, rows: rows).first
    }
  }

  /// Rows `offset..<offset+limit` of the list for `query`, with all their metadata.
  public func entries(_ query: ArticleQuery, offset: Int = 0, limit: Int = .max) throws
    -> [LibraryEntry]
  {
    guard limit > 0 else { return [] }
    let filter = ListFilter(query)
    var arguments = filter.arguments
    _ = arguments.append(contentsOf: [limit == .max ? -1 : limit, max(0, offset)])
    return try writer.read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT a.* FROM article a WHERE \(filter.sql)
          ORDER BY \(ListFilter.order(query.sort)) LIMIT ? OFFSET ?
          """, arguments: arguments)
      let summaries = try Self.summaries(db, rows: rows)
      return zip(rows, summaries).map { row, summary in
        LibraryEntry(summary: summary, metadata: Self.metadata(row, tags: summary.tags))
      }
    }
  }

  /// The metadata stored in an `article` row.
  static func metadata(_ row: Row, tags: [String]) -> ArticleMetadata {
    ArticleMetadata(
      title: row["title"], kicker: row["kicker"], standfirst: row["standfirst"],
      byline: row["byline"], published: row["published"], dateline: row["dateline"],
      imageCredit: row["imageCredit"], language: row["language"], source: row["source"],
      siteName: row["siteName"], tags: tags)
  }
}
