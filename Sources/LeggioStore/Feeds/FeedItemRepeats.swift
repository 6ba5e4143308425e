import GRDB

/// Feed items without what their article keeps already (issue 17). An item's title, link
/// and date are nearly always its article's own (the article is made from the item), yet
/// each item stored them again, with a UUID that nothing names and an `updatedAt` that
/// nothing changes: about 10 of 33 MB for 100,000 items.
///
/// `repeats` says which of the item's values are its article's (`title`, `link`,
/// `published` bits); those columns are then NULL and are read from the article. Before
/// an article loses a value an item repeats (edited or deleted), triggers copy it into
/// the item, so an item always reads as it was stored.
///
/// The table is made anew and filled a slice at a time (so the bar moves), each item
/// keeping its `id`, in the migration's one transaction: interrupted, nothing has changed.
/// Its indexes are made once it is full, so that their pages are full too (the unique
/// index on feed and identity, filled in the table's order, took 7.2 MB instead of 5).
enum FeedItemRepeats {
  static let migrationName = "feeds-v2: items keep only what their article does not"

  /// Bits of `feed_items.repeats`.
  static let title = 1
  static let link = 2
  static let published = 4

  static let createTable = """
    CREATE TABLE feed_items_slim (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      feedId INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
      identity TEXT NOT NULL,
      link TEXT,
      title TEXT,
      published DATETIME,
      repeats INTEGER NOT NULL DEFAULT 0,
      articleID INTEGER,
      createdAt DATETIME NOT NULL
    );

    """

  /// The columns stored for an item whose values are `link`, `title` and `published`
  /// and whose article is `a` (a `LEFT JOIN`, so no article stores them all).
  static func storedColumns(link: String, title: String, published: String) -> String {
    """
    CASE WHEN a.id IS NOT NULL AND a.source IS \(link) THEN NULL ELSE \(link) END,
    CASE WHEN a.id IS NOT NULL AND a.title IS \(title) THEN NULL ELSE \(title) END,
    CASE WHEN a.id IS NOT NULL AND a.published IS \(published) THEN NULL ELSE \(published) END,
    CASE WHEN a.id IS NULL THEN 0 ELSE
      (a.title IS \(title)) * \(Self.title) + (a.source IS \(link)) * \(Self.link)
      + (a.published IS \(published)) * \(Self.published) END
    """
  }

  /// An item's `link`, `title` and `published` as stored or from its article `a`.
  static let readColumns = """
    CASE WHEN i.repeats & \(link) THEN a.source ELSE i.link END AS link,
    CASE WHEN i.repeats & \(title) THEN a.title ELSE i.title END AS title,
    CASE WHEN i.repeats & \(published) THEN a.published ELSE i.published END AS published
    """

  /// Copies into an item what it repeats of article `old` and clears `repeats`.
  private static let keepItemsValues = """
    UPDATE feed_items SET
      link = CASE WHEN repeats & \(link) THEN old.source ELSE link END,
      title = CASE WHEN repeats & \(title) THEN old.title ELSE title END,
      published = CASE WHEN repeats & \(published) THEN old.published ELSE published END,
      repeats = 0
    WHERE articleID = old.id AND repeats != 0;
    """

  static let triggers = """
    CREATE TRIGGER feed_items_keep_before_article_update
    BEFORE UPDATE OF title, source, published ON article
    WHEN old.title IS NOT new.title OR old.source IS NOT new.source
      OR old.published IS NOT new.published BEGIN
      \(keepItemsValues)
    END;
    CREATE TRIGGER feed_items_keep_before_article_delete BEFORE DELETE ON article BEGIN
      \(keepItemsValues)
    END;

    """

  static func migrate(_ db: Database, progress: MigrationProgress?) throws {
    try db.execute(sql: createTable)
    try IDSlices.run(
      db, lastID: "SELECT MAX(id) FROM feed_items", size: 20_000,
      sql: """
        INSERT INTO feed_items_slim
          (id, feedId, identity, link, title, published, repeats, articleID, createdAt)
        SELECT i.id, i.feedId, i.identity,
          \(storedColumns(link: "i.link", title: "i.title", published: "i.published")),
          i.articleID, i.createdAt
        FROM feed_items i LEFT JOIN article a ON a.id = i.articleID
        WHERE i.id BETWEEN ? AND ? ORDER BY i.id
        """, step: "Slimming feed items", progress: progress)
    try db.execute(
      sql: """
        DROP TABLE feed_items;
        ALTER TABLE feed_items_slim RENAME TO feed_items;
        CREATE UNIQUE INDEX feed_items_by_identity ON feed_items(feedId, identity);
        CREATE INDEX feed_items_on_articleID ON feed_items(articleID);
        """ + triggers)
  }
}
