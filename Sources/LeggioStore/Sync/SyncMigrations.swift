import GRDB

/// What sync needs from the schema: the identity two libraries compute alike, and a list
/// of the records changed since the last export.
///
/// `globalIdentity` is set once, when an article is first stored: its normalised web
/// address when it has one, else `sha256:` and the hash of its first canonical text. It
/// never changes afterwards (a new text version keeps it), and a file path, which differs
/// from machine to machine, never enters it. A trigger fills it, so every way of adding
/// articles gets it. Since `DerivedGlobalIdentity` it is NULL where it is the article's
/// own `identity`: read it as `DerivedGlobalIdentity.column`.
///
/// `sync_dirty` holds one row per changed record (`kind`, `key`), filled by triggers; an
/// export writes those records and deletes the rows it read. A change made again later
/// replaces its row with a newer `rowid`, so it is never lost between the read and the
/// delete.
enum SyncMigrations {
  /// The trigger of `sync-v1` that stored every new article's global identity (since
  /// `DerivedGlobalIdentity`, `DerivedGlobalIdentity.trigger`).
  static let firstGlobalIdentityTrigger = """
    CREATE TRIGGER article_global_identity AFTER INSERT ON article
    WHEN new.globalIdentity IS NULL BEGIN
      UPDATE article SET globalIdentity = CASE
        WHEN new.identity LIKE 'https://%' THEN new.identity
        ELSE 'sha256:' || new.contentHash END
      WHERE id = new.id;
    END;
    """

  static func register(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("sync-v1: global identity and changes") { db in
      try db.execute(
        sql: """
          ALTER TABLE article ADD COLUMN globalIdentity TEXT;
          UPDATE article SET globalIdentity = CASE
            WHEN identity LIKE 'https://%' THEN identity
            ELSE 'sha256:' || COALESCE(
              (SELECT v.contentHash FROM article_version v WHERE v.articleUUID = article.uuid
               ORDER BY v.createdAt, v.rowid LIMIT 1), contentHash)
          END;
          CREATE INDEX article_by_global_identity ON article(globalIdentity);
          CREATE INDEX article_version_by_hash ON article_version(contentHash);
          \(firstGlobalIdentityTrigger)

          CREATE TABLE sync_dirty (
            kind TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (kind, key));
          CREATE TABLE sync_state (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
          """)
      for (table, kind, watchedKey, _) in watched {
        // Versions named their article by its UUID until `VersionArticleIDs`.
        let key = table == "article_version" ? "new.articleUUID" : watchedKey
        try createTriggers(db, table: table, guarded: false, key: key)
        try db.execute(
          sql: """
            INSERT OR REPLACE INTO sync_dirty (kind, key)
              SELECT '\(kind)', \(key.replacingOccurrences(of: "new.", with: "")) FROM \(table);
            """)
      }
    }
    // Each device's name as its user knows it (the host name), so that the reader can say
    // where an article was read further.
    migrator.registerMigration("sync-v2: device names") { db in
      try db.execute(
        sql: "CREATE TABLE sync_device (device TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL)")
    }
  }

  /// The migrations registered after other modules' tables exist (the pictures' triggers
  /// feed `sync_dirty` too): no change rows before the first export (issue 17).
  static func registerLater(in migrator: inout DatabaseMigrator, progress: MigrationProgress?) {
    migrator.registerMigration(SyncChangeTracking.migrationName) { db in
      try SyncChangeTracking.migrate(db, progress: progress)
    }
  }

  /// The two triggers that list the changed records of `table` (one of `watched`) in
  /// `sync_dirty`; `guarded`, they record nothing before the first export
  /// (`SyncChangeTracking`); `key`, when given, instead of the one `watched` lists.
  static func createTriggers(_ db: Database, table: String, guarded: Bool, key: String? = nil)
    throws
  {
    guard let (_, kind, watchedKey, columns) = watched.first(where: { $0.0 == table }) else {
      return
    }
    let key = key ?? watchedKey
    let of = columns.map { " OF " + $0 } ?? ""
    let triggers = [
      """
      CREATE TRIGGER sync_dirty_\(table)_insert AFTER INSERT ON \(table) BEGIN
        INSERT OR REPLACE INTO sync_dirty (kind, key) VALUES ('\(kind)', \(key));
      END
      """,
      """
      CREATE TRIGGER sync_dirty_\(table)_update AFTER UPDATE\(of) ON \(table) BEGIN
        INSERT OR REPLACE INTO sync_dirty (kind, key) VALUES ('\(kind)', \(key));
      END
      """,
    ]
    for trigger in triggers {
      try db.execute(sql: guarded ? SyncChangeTracking.guarded(trigger) : trigger)
    }
  }

  /// The tables whose changes travel: the table, the kind of record, the key (SQL over
  /// `new.`) and the columns whose update counts (nil: any).
  static let watched: [(String, String, String, String?)] = [
    (
      "article", SyncRecordKind.article.rawValue, "new.uuid",
      "title, kicker, standfirst, byline, published, dateline, imageCredit, language, source, "
        + "siteName, contentHash, updatedAt, deletedAt"
    ),
    // A version's article by its UUID (`VersionArticleIDs`: found from its id).
    ("article_version", SyncRecordKind.article.rawValue, VersionArticleIDs.changeKey, nil),
    // A tag link by its integer key (`TagLinkKeys`; its rowid, under either schema).
    ("article_tag", SyncRecordKind.tag.rawValue, "CAST(new.rowid AS TEXT)", nil),
    ("annotation", SyncRecordKind.annotation.rawValue, "new.uuid", nil),
    (
      "reading_position", SyncRecordKind.position.rawValue,
      "new.articleUUID || ' ' || new.device", nil
    ),
    ("feeds", SyncRecordKind.feed.rawValue, "new.url", "url, title, tags, full, deletedAt"),
  ]
}
