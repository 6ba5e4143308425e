import Foundation
import GRDB
import LeggioModel

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
      try ArticleRow.fetchAll(
        db,
        sql: "SELECT \(ArticleRow.columns) FROM article a WHERE id = ? AND deletedAt IS NULL",
        arguments: [id]
      ).first?.summary
    }
  }

  /// Rows `offset..<offset+limit` of the list for `query`, with all their metadata.
  public func entries(_ query: ArticleQuery, offset: Int = 0, limit: Int = .max) throws
    -> [LibraryEntry]
  {
    guard limit > 0 else { return [] }
    let filter = try listFilter(query)
    var arguments = filter.arguments
    _ = arguments.append(contentsOf: [limit == .max ? -1 : limit, max(0, offset)])
    return try writer.read { db in
      try ArticleRow.fetchAll(
        db,
        sql: """
          SELECT \(ArticleRow.columns) FROM article a WHERE \(filter.sql)
          ORDER BY \(ListFilter.order(query.sort)) LIMIT ? OFFSET ?
          """, arguments: arguments
      ).map { LibraryEntry(summary: $0.summary, metadata: $0.metadata) }
    }
  }

  /// Every entry of the list for `query`, handed to `body` in order as it is read: what
  /// `leggio list` and `list --json` print without holding the library in memory.
  public func forEachEntry(_ query: ArticleQuery, _ body: (LibraryEntry) throws -> Void) throws {
    let filter = try listFilter(query)
    try writer.read { db in
      try ArticleRow.forEach(
        db,
        sql: """
          SELECT \(ArticleRow.columns) FROM article a WHERE \(filter.sql)
          ORDER BY \(ListFilter.order(query.sort))
          """, arguments: filter.arguments
      ) { try body(LibraryEntry(summary: $0.summary, metadata: $0.metadata)) }
    }
  }

  /// The widest id and word count among the entries for `query`, for aligning a list's
  /// columns before its first row is printed.
  public func entryWidths(_ query: ArticleQuery) throws -> (id: Int64, words: Int) {
    let filter = try listFilter(query)
    return try writer.read { db in
      let row = try Row.fetchOne(
        db, sql: "SELECT MAX(a.id), MAX(a.words) FROM article a WHERE \(filter.sql)",
        arguments: filter.arguments)
      return (row?[0] ?? 0, row?[1] ?? 0)
    }
  }
}
