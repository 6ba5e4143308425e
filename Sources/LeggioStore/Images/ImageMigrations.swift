import GRDB

/// The tables of articles' pictures (issue 15): each picture once per content hash, and
/// the links from articles to them by the address their document names them with.
enum ImageMigrations {
  static let name = "images-v1: pictures kept offline"
  static let secondName = "images-v2: pictures by address, and in sync"

  static func register(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration(name) { db in
      try db.execute(
        sql: """
          CREATE TABLE image (
            hash TEXT PRIMARY KEY NOT NULL,
            format TEXT NOT NULL,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            bytes INTEGER NOT NULL,
            data BLOB NOT NULL,
            createdAt DATETIME NOT NULL
          );
          CREATE TABLE article_image (
            articleUUID TEXT NOT NULL REFERENCES article(uuid) ON DELETE CASCADE,
            source TEXT NOT NULL,
            imageHash TEXT NOT NULL REFERENCES image(hash),
            createdAt DATETIME NOT NULL,
            PRIMARY KEY (articleUUID, source)
          );
          CREATE INDEX article_image_by_image ON article_image(imageHash);
          """)
    }
    // Feeds look pictures up by address, so one already kept is never fetched again; and
    // an article whose pictures change is exported again by sync, pictures and all.
    migrator.registerMigration(secondName) { db in
      try db.execute(
        sql: """
          CREATE INDEX article_image_by_source ON article_image(source);
          CREATE TRIGGER sync_dirty_article_image_insert AFTER INSERT ON article_image BEGIN
            INSERT OR REPLACE INTO sync_dirty (kind, key) VALUES ('article', new.articleUUID);
          END;
          INSERT OR REPLACE INTO sync_dirty (kind, key)
            SELECT DISTINCT 'article', articleUUID FROM article_image;
          """)
    }
  }
}
