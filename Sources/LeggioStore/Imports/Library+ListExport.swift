import Foundation
import GRDB

/// An article as a bookmark list or a Pocket-style CSV carries it.
public struct ListedArticle: Hashable, Sendable {
  public var id: Int64
  public var title: String
  /// The article's source: a URL, or a path for files.
  public var source: String?
  /// When it was saved (in the service it came from), else added here.
  public var savedAt: Date
  public var tags: [String]
  public var folder: String?
  public var isStarred: Bool
  public var isArchived: Bool
  public var isUnread: Bool
}

extension Library {
  /// Every live article (or those of `ids`), oldest first, for `leggio export --format
  /// netscape|csv`.
  public func listedArticles(ids: [Int64] = []) throws -> [ListedArticle] {
    var articles: [ListedArticle] = []
    try forEachListedArticle(ids: ids) { articles.append($0) }
    return articles
  }

  /// `listedArticles`, handed to `body` one at a time as they are read: an export of
  /// 100,000 articles holds one in memory.
  public func forEachListedArticle(ids: [Int64] = [], _ body: (ListedArticle) throws -> Void)
    throws
  {
    try writer.read { db in
      // The tags joined in the main query, as `list` does (`listingSQL`): an article
      // comes as one row per tag, together since the order ends in `a.id`.
      var sql = """
        SELECT a.id, a.uuid, a.title, a.source, COALESCE(a.savedAt, a.createdAt), a.folder,
          a.starred, a.archived, a.readAt IS NULL, t.tag
        FROM article a LEFT JOIN article_tag t ON t.articleId = a.id AND t.deletedAt IS NULL
        WHERE a.deletedAt IS NULL
        """
      if !ids.isEmpty { sql += " AND a.id IN (\(ids.map { _ in "?" }.joined(separator: ",")))" }
      sql += " ORDER BY a.createdAt, a.id"
      let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(ids))
      var current: ListedArticle?
      func flush() throws {
        guard var article = current else { return }
        article.tags.sort(by: Self.noCaseOrder)
        try body(article)
      }
      while let row = try rows.next() {
        let id: Int64 = row[0]
        if current?.id != id {
          try flush()
          current = ListedArticle(
            id: id, title: row[2], source: row[3],
            savedAt: DatabaseDate.date(row[4]) ?? Date(timeIntervalSince1970: 0),
            tags: [], folder: row[5], isStarred: row[6], isArchived: row[7], isUnread: row[8])
        }
        if let tag: String = row[9] { current?.tags.append(tag) }
      }
      try flush()
    }
  }

  /// SQLite's `COLLATE NOCASE` order: ASCII letters folded to lower case, then bytes.
  static func noCaseOrder(_ left: String, _ right: String) -> Bool {
    func folded(_ text: String) -> [UInt8] {
      text.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }
    }
    return folded(left).lexicographicallyPrecedes(folded(right))
  }
}
