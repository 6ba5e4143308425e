import GRDB

/// The full-text index over each live article's title, byline and current text.
///
/// It keeps no copy of the text (issue 17): `article_fts` is an FTS5 table with external
/// content, the view `article_search`, which reads title and byline from `article` and
/// the text from the newest live `article_version`, for live articles only. Triggers keep
/// the index in step with every write to those two tables, whoever makes it: before a
/// change the row is taken out of the index with the values it was indexed with (the view
/// still shows them), after it the row goes back in with the new ones.
/// Whether a row is indexed is read from FTS5's own `article_fts_docsize` table, because
/// a scan of an external-content table reads the view, not the index.
///
/// A batch of new articles (a feed update) is not indexed row by row by the triggers
/// (`deferRowIndexing`): while `article_search_batch` holds a row (only inside that
/// batch's transaction, so no other connection ever sees it), the insert triggers do
/// nothing; updates and deletes are always followed. The batch queues its new articles
/// in `search_pending` instead (`queueArticles(after:)`), and they are indexed at once
/// before anything reads the index (`catchUp`, by `Library.catchUpSearchIndex`): a search,
/// a list filtered by words, `leggio check`, the interface after an update. Indexing was
/// a fifth of a feed update's CPU time and two fifths of its time holding the database;
/// it is the same work later, in larger and cheaper steps, and searches stay complete.
enum SearchIndex {
  static let migrationName = "search-v2: index without a copy of the text"
  static let batchMigrationName = "search-v3: batches index their new articles at once"
  static let tuningMigrationName =
    "search-v4: feed batches queue their articles; the index merges in larger steps"

  /// The articles stored by feed batches and not indexed yet, oldest first.
  static let pendingTable = "CREATE TABLE search_pending (id INTEGER PRIMARY KEY);\n"

  /// FTS5's settings for how the index grows, kept in `article_fts_config`. By default
  /// FTS5 writes a new segment whenever 1 MB of terms is pending and merges segments four
  /// at a time as it goes; a feed batch of 1,000 items made three segments, merged again
  /// and again. With 8 MB pending a batch is one segment, and merging sixteen at a time
  /// leaves fewer, larger merges: 10,000 items in ten batches indexed in 0.42 s of CPU
  /// instead of 0.70 (sqlite3's own shell, same texts). The catch-up merges nothing
  /// (`SearchIndex+Segments`); `leggio vacuum` merges every segment into one (`optimize`).
  static let tuning = """
    INSERT INTO article_fts (article_fts, rank) VALUES ('hashsize', 8388608);
    INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', \(automerge));

    """

  /// What the index reads: each live article's title, byline and current text (read
  /// through `leggio_text`, as versions keep their text inside their document).
  static let view = makeView(versionOfArticle: "v.articleId = a.id")

  /// `view` as it was while versions named their article by its UUID
  /// (before `VersionArticleIDs`).
  static let viewByUUID = makeView(versionOfArticle: "v.articleUUID = a.uuid")

  private static func makeView(versionOfArticle: String) -> String {
    """
    CREATE VIEW article_search AS
      SELECT a.id AS id, a.title AS title, COALESCE(a.byline, '') AS byline,
        COALESCE((SELECT leggio_text(v.document, v.text) FROM article_version v
          WHERE \(versionOfArticle) AND v.deletedAt IS NULL
          ORDER BY v.createdAt DESC, v.rowid DESC LIMIT 1), '') AS text
      FROM article a WHERE a.deletedAt IS NULL;

    """
  }

  /// How the index cuts and folds words; `FilterProbe` tests articles with the same.
  static let tokenizer = "unicode61 remove_diacritics 2"

  /// The index: which articles hold each word, not in which column or where
  /// (`detail = none`, `SearchIndex+Words`).
  static let table = """
    CREATE VIRTUAL TABLE article_fts USING fts5(
      title, byline, text, content = 'article_search', content_rowid = 'id',
      tokenize = '\(tokenizer)', detail = none
    );

    """

  /// The index as `migrate` (search-v2) made it, with every word's positions.
  static let tableWithPositions = """
    CREATE VIRTUAL TABLE article_fts USING fts5(
      title, byline, text, content = 'article_search', content_rowid = 'id',
      tokenize = '\(tokenizer)'
    );

    """

  /// The triggers' names, for `replaceView`.
  static let triggerNames = [
    "insert", "before_update", "after_update", "delete", "before_version", "after_version",
    "before_version_update", "after_version_update", "before_version_delete",
    "after_version_delete",
  ].map { "article_search_" + $0 }

  /// The table whose one row, inside a batch's transaction, turns the insert triggers off.
  static let batchTable =
    "CREATE TABLE IF NOT EXISTS article_search_batch (deferred INTEGER NOT NULL);\n"

  static var triggers: String { makeTriggers(articleColumn: "articleId") { "\($0).articleId" } }

  /// `triggers` as they were while versions named their article by its UUID (before
  /// `VersionArticleIDs`).
  static var triggersByUUID: String {
    makeTriggers(articleColumn: "articleUUID") {
      "(SELECT id FROM article WHERE uuid = \($0).articleUUID)"
    }
  }

  /// The triggers for versions whose column `articleColumn` names their article, whose
  /// id `articleID` reads from the row `new` or `old`.
  private static func makeTriggers(articleColumn: String, articleID: (String) -> String) -> String {
    let version = articleID("new")
    let oldVersion = articleID("old")
    let columns = "OF title, byline, deletedAt ON article"
    // What decides which version is current and its text (kept in the document).
    let versionColumns =
      "OF \(articleColumn), document, text, createdAt, deletedAt ON article_version"
    let unlessBatch = "WHEN NOT EXISTS (SELECT 1 FROM article_search_batch)"
    let bodies = [
      ("AFTER INSERT ON article \(unlessBatch)", index("new.id")),
      ("BEFORE UPDATE \(columns)", unindex("old.id")),
      ("AFTER UPDATE \(columns)", index("new.id")),
      ("BEFORE DELETE ON article", unindex("old.id")),
      ("BEFORE INSERT ON article_version \(unlessBatch)", unindex(version)),
      ("AFTER INSERT ON article_version \(unlessBatch)", index(version)),
      ("BEFORE UPDATE \(versionColumns)", unindex(oldVersion)),
      ("AFTER UPDATE \(versionColumns)", index(version)),
      ("BEFORE DELETE ON article_version", unindex(oldVersion)),
      ("AFTER DELETE ON article_version", index(oldVersion)),
    ]
    // One line each: `leggio recover` drops schema statements from a dump line by line.
    return batchTable
      + zip(triggerNames, bodies).map { name, trigger in
        "CREATE TRIGGER \(name) \(trigger.0) BEGIN \(trigger.1) END;\n"
      }.joined()
  }

  /// Turns the insert triggers off until `indexArticles(after:)`, in this transaction.
  static func deferRowIndexing(_ db: Database) throws {
    try db.execute(sql: "INSERT INTO article_search_batch (deferred) VALUES (1)")
  }

  /// Queues every live article whose id is above `id` and not indexed yet for `catchUp`,
  /// and turns the insert triggers back on (after `deferRowIndexing`).
  static func queueArticles(after id: Int64, _ db: Database) throws {
    try db.execute(sql: "DELETE FROM article_search_batch")
    try db.execute(
      sql: """
        INSERT OR IGNORE INTO search_pending (id)
          SELECT a.id FROM article a WHERE a.id > ? AND a.deletedAt IS NULL
          AND NOT EXISTS (SELECT 1 FROM article_fts_docsize d WHERE d.id = a.id)
        """, arguments: [id])
  }

  /// Whether articles wait in `search_pending`.
  static func hasPending(_ db: Database) throws -> Bool {
    try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM search_pending)") ?? false
  }

  /// How many articles wait in `search_pending`.
  static func pendingCount(_ db: Database) throws -> Int {
    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM search_pending") ?? 0
  }

  /// Indexes up to `limit` queued articles, oldest first, and takes them off the queue;
  /// returns how many were taken. One that was removed since is only taken off; one that
  /// an edit indexed already (the triggers follow edits) is not indexed twice.
  static func catchUp(limit: Int, _ db: Database) throws -> Int {
    guard
      let last = try Int64.fetchOne(
        db, sql: "SELECT id FROM search_pending ORDER BY id LIMIT 1 OFFSET ?",
        arguments: [limit - 1])
        ?? Int64.fetchOne(db, sql: "SELECT MAX(id) FROM search_pending")
    else { return 0 }
    try withoutMerging(db) {
      try db.execute(
        sql: """
          INSERT INTO article_fts (rowid, title, byline, text)
            SELECT s.id, s.title, s.byline, s.text FROM search_pending p
            JOIN article_search s ON s.id = p.id WHERE p.id <= ?
            AND NOT EXISTS (SELECT 1 FROM article_fts_docsize d WHERE d.id = p.id)
            ORDER BY p.id
          """, arguments: [last])
    }
    try db.execute(sql: "DELETE FROM search_pending WHERE id <= ?", arguments: [last])
    return db.changesCount
  }

  /// Drops the view and its triggers and makes them again as `view` and `triggers` say
  /// now (or, for versions that name their article by its UUID, as they said before
  /// `VersionArticleIDs`); the index is left as it is (it indexes the same values).
  static func replaceView(_ db: Database) throws {
    for name in triggerNames { try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)") }
    try db.execute(sql: "DROP VIEW IF EXISTS article_search")
    if try VersionArticleIDs.isMigrated(db) {
      try db.execute(sql: view + triggers)
    } else {
      try db.execute(sql: viewByUUID + triggersByUUID)
    }
  }

  /// Indexes every live article (after `create`, on an existing library).
  static let indexAll = "INSERT INTO article_fts (article_fts) VALUES ('rebuild')"

  /// Takes article `id` out of the index, if it is there, with the values of the view.
  private static func unindex(_ id: String) -> String {
    "INSERT INTO article_fts (article_fts, rowid, title, byline, text) "
      + "SELECT 'delete', s.id, s.title, s.byline, s.text FROM article_search s "
      + "WHERE s.id = \(id) AND EXISTS (SELECT 1 FROM article_fts_docsize d WHERE d.id = \(id));"
  }

  /// Puts article `id` in the index if it is live and not there yet.
  private static func index(_ id: String) -> String {
    "INSERT INTO article_fts (rowid, title, byline, text) "
      + "SELECT s.id, s.title, s.byline, s.text FROM article_search s WHERE s.id = \(id) "
      + "AND NOT EXISTS (SELECT 1 FROM article_fts_docsize d WHERE d.id = \(id));"
  }

  /// Empties the index and indexes every live article again (after `leggio recover`).
  static func rebuild(_ db: Database) throws {
    try db.execute(sql: indexAll)
    try db.execute(sql: "DELETE FROM search_pending")
  }

  /// Replaces the index of the first schema (which kept a copy of every text) with this
  /// one, in the migration's one transaction: interrupted, nothing has changed.
  static func migrate(_ db: Database, progress: MigrationProgress?) throws {
    try db.execute(sql: "DROP TABLE IF EXISTS article_fts")
    try db.execute(sql: viewByUUID + tableWithPositions + triggersByUUID)
    try indexEveryArticle(db, step: "Indexing articles", progress: progress)
  }

  /// Indexes every live article into an empty index, a thousand at a time so that a
  /// large library shows how far it got (`step`, in a migration).
  static func indexEveryArticle(_ db: Database, step: String, progress: MigrationProgress?)
    throws
  {
    try IDSlices.run(
      db, lastID: "SELECT MAX(id) FROM article", size: 1000,
      sql: """
        INSERT INTO article_fts (rowid, title, byline, text)
          SELECT id, title, byline, text FROM article_search WHERE id BETWEEN ? AND ?
        """, step: step, progress: progress)
  }

  /// The ids of live articles missing from the index (and not waiting for it in
  /// `search_pending`), and of indexed rows that are not live articles (`leggio check`).
  static func problems(_ db: Database) throws -> (missing: [Int64], stray: [Int64]) {
    let missing = try Int64.fetchAll(
      db,
      sql: """
        SELECT id FROM article WHERE deletedAt IS NULL
          AND id NOT IN (SELECT id FROM article_fts_docsize)
          \(try db.tableExists("search_pending")
          ? "AND id NOT IN (SELECT id FROM search_pending)" : "")
        """)
    let stray = try Int64.fetchAll(
      db,
      sql: """
        SELECT id FROM article_fts_docsize WHERE id NOT IN
          (SELECT id FROM article WHERE deletedAt IS NULL)
        """)
    return (missing, stray)
  }
}
