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
  /// columns before its first row is printed. With phrases, checking them on every
  /// candidate here read every text twice (once more for the list); the widest is found
  /// among the articles holding the words (from the index alone), and then only whether
  /// a match reaches as many digits: the id by reading candidates from the highest id
  /// down to the first match, the word count by asking for one match at least as long.
  /// The id is the highest match's; the word count has as many digits as the longest's.
  public func entryWidths(_ query: ArticleQuery) throws -> (id: Int64, words: Int) {
    let filter = try listFilter(query)
    let words = ListFilter(query, checkingPhrases: false)
    return try writer.read { db in
      let row = try Row.fetchOne(
        db, sql: "SELECT MAX(a.id), MAX(a.words) FROM article a WHERE \(words.sql)",
        arguments: words.arguments)
      var widest: (id: Int64, words: Int) = (row?[0] ?? 0, row?[1] ?? 0)
      guard let phrases = filter.phrases else { return widest }
      // The candidates from the highest id down (sorted first, so that SQLite does not
      // check every one before sorting), checked until the first match.
      widest.id =
        try Int64.fetchOne(
          db,
          sql: """
            SELECT r.id FROM (SELECT a.id FROM article a WHERE \(words.sql)
              ORDER BY a.id DESC LIMIT -1) r
            CROSS JOIN article a ON a.id = r.id WHERE \(PhraseCheck.condition) LIMIT 1
            """, arguments: words.arguments + [phrases, phrases]) ?? 0
      if widest.id == 0 { return (0, 0) }
      // The most digits a match's word count has, from the most a candidate's has.
      while widest.words >= 10 {
        let floor = Int(pow(10, Double(String(widest.words).count - 1)))
        let reached =
          try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM article a WHERE \(filter.sql) AND a.words >= ?)",
            arguments: filter.arguments + [floor]) ?? false
        if reached { break }
        widest.words = floor - 1
      }
      return widest
    }
  }
}
