import GRDB

/// The WHERE clause and ORDER BY of a library list query (table alias `a`).
struct ListFilter {
  let sql: String
  let arguments: StatementArguments
  /// The query's `FTSQuery.match` when it has phrases of several words to check on the
  /// texts (`PhraseCheck`), whether or not this filter checks them.
  let phrases: String?

  /// The filter of `query`; without `checkingPhrases`, a phrase of several words matches
  /// every article holding its words (a superset, read from the index alone).
  init(_ query: ArticleQuery, checkingPhrases: Bool = true) {
    var clauses = ["a.deletedAt IS NULL"]
    var phrases: String?
    var arguments = StatementArguments()
    if query.unreadOnly { clauses.append("a.readAt IS NULL") }
    if query.starredOnly { clauses.append("a.starred") }
    if query.pendingOnly {
      clauses.append("EXISTS (SELECT 1 FROM fetch_queue q WHERE q.articleUUID = a.uuid)")
    }
    if let tag = query.tag.flatMap({ try? Library.cleanTag($0) }) {
      clauses.append(
        """
        EXISTS (SELECT 1 FROM article_tag t WHERE t.articleId = a.id
          AND t.tag = ? COLLATE NOCASE AND t.deletedAt IS NULL)
        """)
      _ = arguments.append(contentsOf: [tag])
    }
    if let feedID = query.feedID {
      clauses.append("a.id IN (SELECT articleID FROM feed_items WHERE feedId = ?)")
      _ = arguments.append(contentsOf: [feedID])
    }
    if let search = query.search, let words = FTSQuery(search, prefixLast: true) {
      clauses.append("a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)")
      _ = arguments.append(contentsOf: [words.indexMatch])
      // The index found the articles holding all of each phrase's words (`PhraseCheck`).
      if words.checksPhrases { phrases = words.match }
      if words.checksPhrases, checkingPhrases {
        clauses.append(PhraseCheck.condition)
        _ = arguments.append(contentsOf: [words.match, words.match])
      }
    }
    self.sql = clauses.joined(separator: " AND ")
    self.arguments = arguments
    self.phrases = phrases
  }

  /// The ORDER BY of `sort`; each matches an index on `article`. `reversed` is the
  /// exact reverse (each key's direction flipped; NULLs then come first), for reading a
  /// list from its end.
  static func order(_ sort: ArticleSort, reversed: Bool = false) -> String {
    let (down, up) = reversed ? ("", " DESC") : (" DESC", "")
    return switch sort {
    case .added: "a.createdAt\(down), a.id\(down)"
    // NULL sorts lowest in SQLite, so undated articles come last.
    case .published: "a.published\(down), a.id\(down)"
    case .title: "a.sortTitle\(up), a.id\(up)"
    case .progress: "a.progress\(up), a.createdAt\(down), a.id\(down)"
    }
  }
}
