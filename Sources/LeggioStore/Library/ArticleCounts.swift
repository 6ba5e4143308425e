import GRDB

/// The library's live and unread article counts, kept by triggers in a one-row table so
/// that the list's header and its unfiltered length cost the same with a million articles
/// as with ten: counting them was a scan of every article row (the unread count reads
/// `readAt`, which no index holds).
///
/// Every write to `article` passes through the triggers (adds, feed batches, sync imports,
/// removals, reading), so the counts never drift; the migration counts once.
enum ArticleCounts {
  static let migrationName = "counts-v1: live and unread articles kept by triggers"

  /// Counts the articles (a bar for `progress` over a large library, 50,000 ids at a
  /// time) and sets the triggers, in the migration's one transaction.
  static func migrate(_ db: Database, progress: MigrationProgress?) throws {
    let last = try Int.fetchOne(db, sql: "SELECT MAX(id) FROM article") ?? 0
    var (total, unread, done) = (0, 0, 0)
    while done < last {
      let end = min(last, done + 50_000)
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT COUNT(*), COUNT(*) FILTER (WHERE readAt IS NULL) FROM article
          WHERE id > ? AND id <= ? AND deletedAt IS NULL
          """, arguments: [done, end])
      total += row?[0] ?? 0
      unread += row?[1] ?? 0
      done = end
      progress?("Counting articles", done, last)
    }
    try db.execute(
      sql: """
        CREATE TABLE article_counts (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          total INTEGER NOT NULL,
          unread INTEGER NOT NULL
        );
        INSERT INTO article_counts (id, total, unread) VALUES (1, \(total), \(unread));
        CREATE TRIGGER article_counts_insert AFTER INSERT ON article
        WHEN new.deletedAt IS NULL BEGIN
          UPDATE article_counts SET total = total + 1, unread = unread + (new.readAt IS NULL);
        END;
        CREATE TRIGGER article_counts_update AFTER UPDATE OF deletedAt, readAt ON article
        WHEN (old.deletedAt IS NULL) != (new.deletedAt IS NULL)
          OR (old.readAt IS NULL) != (new.readAt IS NULL) BEGIN
          UPDATE article_counts SET
            total = total + (new.deletedAt IS NULL) - (old.deletedAt IS NULL),
            unread = unread + (new.deletedAt IS NULL AND new.readAt IS NULL)
              - (old.deletedAt IS NULL AND old.readAt IS NULL);
        END;
        CREATE TRIGGER article_counts_delete AFTER DELETE ON article
        WHEN old.deletedAt IS NULL BEGIN
          UPDATE article_counts SET total = total - 1, unread = unread - (old.readAt IS NULL);
        END;
        """)
  }

  /// The counts (live, unread).
  static func fetch(_ db: Database) throws -> LibraryCounts {
    let row = try Row.fetchOne(db, sql: "SELECT total, unread FROM article_counts WHERE id = 1")
    return LibraryCounts(total: row?[0] ?? 0, unread: row?[1] ?? 0)
  }

  /// The count of `query` when it can be had without reading every article: the kept
  /// counts when there is no filter but unread, the search index alone for a search and
  /// nothing else (it holds exactly the live articles; counting through `article` probed
  /// it once per article, ten times the work for a million). Nil for the others.
  static func count(_ db: Database, _ query: ArticleQuery) throws -> Int? {
    guard query.tag == nil, query.feedID == nil, !query.starredOnly, !query.pendingOnly
    else { return nil }
    if let words = query.search.flatMap({ FTSQuery($0, prefixLast: true) }) {
      // A phrase is checked against each article's text (`ListFilter`).
      guard !query.unreadOnly, !words.checksPhrases else { return nil }
      return try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM article_fts WHERE article_fts MATCH ?",
        arguments: [words.indexMatch])
    }
    let counts = try fetch(db)
    return query.unreadOnly ? counts.unread : counts.total
  }
}
