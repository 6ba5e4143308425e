import GRDB

/// The schema of imports from other services (issue 16): starred, archived, saved date
/// and folder on articles, and the queue of articles waiting for their page to be
/// fetched. An article with a row in `fetch_queue` has no text version yet.
enum ImportMigrations {
  static func register(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("v3: starred, archived, saved date, folder, fetch queue") { db in
      try db.execute(
        sql: """
          ALTER TABLE article ADD COLUMN starred BOOLEAN NOT NULL DEFAULT 0;
          ALTER TABLE article ADD COLUMN archived BOOLEAN NOT NULL DEFAULT 0;
          ALTER TABLE article ADD COLUMN savedAt DATETIME;
          ALTER TABLE article ADD COLUMN folder TEXT;
          CREATE INDEX article_by_starred ON article(deletedAt, starred);

          CREATE TABLE fetch_queue (
            articleUUID TEXT PRIMARY KEY NOT NULL REFERENCES article(uuid) ON DELETE CASCADE,
            url TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            lastError TEXT,
            lastAttemptAt DATETIME,
            createdAt DATETIME NOT NULL
          );
          """)
    }
  }
}
