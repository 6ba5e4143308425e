import GRDB

/// Every schema change of the library, in order. Register new migrations at the end;
/// never edit one that has shipped.
///
/// Articles and text versions carry a UUID v7 (what links records together),
/// `createdAt`, `updatedAt` and a `deletedAt` tombstone. The short integer `id` of an
/// article is for people at the command line. Tag links have the dates and tombstone
/// and, since `TagLinkKeys`, an integer key: a tag is known by its article and name
/// (since `TagLinkArticleIDs`, the article's integer id). Versions name their article by
/// its id too since `VersionArticleIDs`.
enum LibraryMigrations {
  static var migrator: DatabaseMigrator { migrator(progress: nil) }

  /// The migrator, telling `progress` how far the long migrations got.
  static func migrator(progress: MigrationProgress?) -> DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: articles, versions, tags, positions, search") { db in
      try db.execute(
        sql: """
          CREATE TABLE article (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uuid TEXT NOT NULL UNIQUE,
            identity TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            sortTitle TEXT NOT NULL,
            kicker TEXT, standfirst TEXT, byline TEXT,
            published DATETIME, dateline TEXT, imageCredit TEXT, language TEXT,
            source TEXT, siteName TEXT,
            words INTEGER NOT NULL DEFAULT 0,
            contentHash TEXT NOT NULL,
            progress DOUBLE NOT NULL DEFAULT 0,
            readAt DATETIME,
            createdAt DATETIME NOT NULL,
            updatedAt DATETIME NOT NULL,
            deletedAt DATETIME
          );
          CREATE INDEX article_by_added ON article(deletedAt, createdAt);
          CREATE INDEX article_by_published ON article(deletedAt, published);
          CREATE INDEX article_by_title ON article(deletedAt, sortTitle);
          CREATE INDEX article_by_progress ON article(deletedAt, progress);
          CREATE INDEX article_by_hash ON article(contentHash);

          CREATE TABLE article_version (
            uuid TEXT PRIMARY KEY NOT NULL,
            articleUUID TEXT NOT NULL REFERENCES article(uuid) ON DELETE CASCADE,
            document TEXT NOT NULL,
            text TEXT NOT NULL,
            contentHash TEXT NOT NULL,
            words INTEGER NOT NULL,
            createdAt DATETIME NOT NULL,
            updatedAt DATETIME NOT NULL,
            deletedAt DATETIME
          );
          CREATE INDEX article_version_by_article ON article_version(articleUUID, createdAt);

          CREATE TABLE article_tag (
            uuid TEXT PRIMARY KEY NOT NULL,
            articleUUID TEXT NOT NULL REFERENCES article(uuid) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            createdAt DATETIME NOT NULL,
            updatedAt DATETIME NOT NULL,
            deletedAt DATETIME
          );
          CREATE INDEX article_tag_by_article ON article_tag(articleUUID, deletedAt);
          CREATE INDEX article_tag_by_tag ON article_tag(tag, deletedAt);

          CREATE TABLE reading_position (
            articleUUID TEXT NOT NULL REFERENCES article(uuid) ON DELETE CASCADE,
            device TEXT NOT NULL,
            "offset" INTEGER NOT NULL,
            progress DOUBLE NOT NULL,
            updatedAt DATETIME NOT NULL,
            PRIMARY KEY (articleUUID, device)
          );

          CREATE VIRTUAL TABLE article_fts USING fts5(
            title, byline, text, tokenize = 'unicode61 remove_diacritics 2'
          );
          """)
    }
    // Bookmarks, highlights and notes (issue 5), after the library's own tables.
    AnnotationMigrations.register(in: &migrator)
    migrator.registerMigration("v2: original HTML of web pages") { db in
      try OriginalPage.createTable(db)
    }
    // Feeds and their items (issue 7).
    FeedMigrations.register(in: &migrator)
    // Books' tables of contents (issue 13).
    migrator.registerMigration(BookContentsRecord.migrationName) { db in
      try BookContentsRecord.createTable(db)
    }
    // Imports from other services: starred, archived, the fetch queue (issue 16).
    ImportMigrations.register(in: &migrator)
    // Cross-library identity and the changes sync exports (issue 12).
    SyncMigrations.register(in: &migrator)
    // Pictures kept offline with their articles (issue 15).
    ImageMigrations.register(in: &migrator)
    // The search index without its own copy of every text (issue 17).
    migrator.registerMigration(SearchIndex.migrationName) { db in
      try SearchIndex.migrate(db, progress: progress)
    }
    // Each version's text inside its compressed document, not beside it (issue 17).
    migrator.registerMigration(VersionTextMigration.name) { db in
      try VersionTextMigration.migrate(db, progress: progress)
    }
    // New articles of a batch indexed at once, not row by row (issue 17).
    migrator.registerMigration(SearchIndex.batchMigrationName) { db in
      try SearchIndex.replaceView(db)
    }
    // The list's counts kept, not counted, so that a million articles open as fast as
    // ten thousand (issue 17).
    migrator.registerMigration(ArticleCounts.migrationName) { db in
      try ArticleCounts.migrate(db, progress: progress)
    }
    // No change rows for sync before the first export (issue 17).
    SyncMigrations.registerLater(in: &migrator, progress: progress)
    migrator.registerMigration(UnusedIndexes.migrationName) { db in
      try UnusedIndexes.migrate(db)
    }
    // Feed batches leave their articles to be indexed before the next search; the index
    // is written and merged in larger steps (issue 17).
    migrator.registerMigration(SearchIndex.tuningMigrationName) { db in
      try db.execute(sql: SearchIndex.pendingTable + SearchIndex.tuning)
    }
    // Hash indexes on a prefix of the hash, starred articles indexed alone (issue 17).
    migrator.registerMigration(NarrowIndexes.migrationName) { db in
      try NarrowIndexes.migrate(db)
    }
    // Tag links keyed by an integer, not a UUID (issue 17).
    migrator.registerMigration(TagLinkKeys.migrationName) { db in
      try TagLinkKeys.migrate(db, progress: progress)
    }
    // Feed items without the title, link and date their article keeps (issue 17).
    migrator.registerMigration(FeedItemRepeats.migrationName) { db in
      try FeedItemRepeats.migrate(db, progress: progress)
    }
    // The search index without the positions of words, half its size (issue 17).
    migrator.registerMigration(SearchIndex.columnsMigrationName) { db in
      try SearchIndex.migrateToColumns(db, progress: progress)
    }
    // Global identities that are the article's identity not stored twice (issue 17).
    migrator.registerMigration(DerivedGlobalIdentity.migrationName) { db in
      try DerivedGlobalIdentity.migrate(db, progress: progress)
    }
    // Tag links by their article's integer id, not its UUID (issue 17).
    migrator.registerMigration(TagLinkArticleIDs.migrationName) { db in
      try TagLinkArticleIDs.migrate(db, progress: progress)
    }
    // Text versions by their article's integer id, not its UUID (issue 17).
    migrator.registerMigration(VersionArticleIDs.migrationName) { db in
      try VersionArticleIDs.migrate(db, progress: progress)
    }
    // A zstd dictionary trained on the library's documents, made once it holds enough of
    // them; documents already stored are recompressed by `leggio vacuum` (issue 17).
    migrator.registerMigration(DocumentDictionary.migrationName) { db in
      try db.execute(sql: DocumentDictionary.table)
    }
    // Catch-ups of the search index merge nothing, so they leave no free pages (issue 17).
    migrator.registerMigration(SearchIndex.catchUpSegmentsMigrationName) { db in
      try db.execute(sql: SearchIndex.crisisTuning)
    }
    // The search index without columns, a third of its size (issue 17).
    migrator.registerMigration(SearchIndex.wordsMigrationName) { db in
      try SearchIndex.migrateToWords(db, progress: progress)
    }
    return migrator
  }
}
