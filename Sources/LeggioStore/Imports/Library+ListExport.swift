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
      var sql = """
        SELECT a.id, a.uuid, a.title, a.source, COALESCE(a.savedAt, a.createdAt), a.folder,
          a.starred, a.archived, a.readAt IS NULL,
          (SELECT group_concat(tag, char(31)) FROM
            (SELECT tag FROM article_tag t WHERE t.articleUUID = a.uuid AND t.deletedAt IS NULL
             ORDER BY tag COLLATE NOCASE))
        FROM article a WHERE a.deletedAt IS NULL
        """
      if !ids.isEmpty { sql += " AND a.id IN (\(ids.map { _ in "?" }.joined(separator: ",")))" }
      sql += " ORDER BY a.createdAt, a.id"
      let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(ids))
      while let row = try rows.next() {
        try body(
          ListedArticle(
            id: row[0], title: row[2], source: row[3],
            savedAt: DatabaseDate.date(row[4]) ?? Date(timeIntervalSince1970: 0),
            tags: (row[9] as String?)?.split(separator: "\u{1F}").map(String.init) ?? [],
            folder: row[5], isStarred: row[6], isArchived: row[7], isUnread: row[8]))
      }
    }
  }
}
