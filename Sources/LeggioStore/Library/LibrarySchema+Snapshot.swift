// The schema a new library is made with (`LibrarySchema`): generated from a library the
// migrations made, by `LibrarySchema.statements(of:)`. When a migration is added,
// `LibrarySchemaTests` fails and writes this file anew to paste here.

extension LibrarySchema {
  /// The last migration `snapshot` includes.
  static let lastMigration = "search-v7: the index keeps which articles hold a word"

  /// The statements, in order (`statements(of:)`).
  static let snapshot: [String] = [
    #"""
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
    , starred BOOLEAN NOT NULL DEFAULT 0, archived BOOLEAN NOT NULL DEFAULT 0, savedAt DATETIME, folder TEXT, globalIdentity TEXT)
    """#,
    #"""
    CREATE TABLE reading_position (
      articleUUID TEXT NOT NULL REFERENCES article(uuid) ON DELETE CASCADE,
      device TEXT NOT NULL,
      "offset" INTEGER NOT NULL,
      progress DOUBLE NOT NULL,
      updatedAt DATETIME NOT NULL,
      PRIMARY KEY (articleUUID, device)
    )
    """#,
    #"""
    CREATE TABLE "annotation" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "uuid" TEXT NOT NULL UNIQUE, "articleUUID" TEXT NOT NULL, "kind" TEXT NOT NULL CHECK ("kind" IN ('bookmark', 'highlight', 'note')), "startOffset" INTEGER NOT NULL, "endOffset" INTEGER NOT NULL, "quote" TEXT NOT NULL, "prefix" TEXT NOT NULL DEFAULT '', "suffix" TEXT NOT NULL DEFAULT '', "textHash" TEXT NOT NULL, "note" TEXT NOT NULL DEFAULT '', "color" INTEGER CHECK (("color" IS NULL) OR ("color" BETWEEN 1 AND 5)), "name" TEXT, "tags" TEXT NOT NULL DEFAULT '[]', "orphaned" BOOLEAN NOT NULL DEFAULT 0, "createdAt" INTEGER NOT NULL, "updatedAt" INTEGER NOT NULL, "deletedAt" INTEGER)
    """#,
    #"""
    CREATE VIRTUAL TABLE annotationSearch USING fts5(
      quote, note, name, tags,
      content='annotation', content_rowid='id',
      tokenize='unicode61 remove_diacritics 2')
    """#,
    #"""
    CREATE TABLE article_original (
      versionUUID TEXT PRIMARY KEY NOT NULL
        REFERENCES article_version(uuid) ON DELETE CASCADE,
      html BLOB NOT NULL,
      createdAt DATETIME NOT NULL
    )
    """#,
    #"""
    CREATE TABLE "feeds" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "uuid" TEXT NOT NULL UNIQUE, "url" TEXT NOT NULL UNIQUE, "title" TEXT, "siteURL" TEXT, "tags" TEXT NOT NULL DEFAULT '[]', "full" BOOLEAN NOT NULL DEFAULT 0, "etag" TEXT, "lastModified" TEXT, "lastUpdated" DATETIME, "lastError" TEXT, "createdAt" DATETIME NOT NULL, "updatedAt" DATETIME NOT NULL, "deletedAt" DATETIME)
    """#,
    #"""
    CREATE TABLE article_contents (
      versionUUID TEXT PRIMARY KEY NOT NULL
        REFERENCES article_version(uuid) ON DELETE CASCADE,
      contents TEXT NOT NULL,
      createdAt DATETIME NOT NULL
    )
    """#,
    #"""
    CREATE TABLE fetch_queue (
      articleUUID TEXT PRIMARY KEY NOT NULL REFERENCES article(uuid) ON DELETE CASCADE,
      url TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      lastError TEXT,
      lastAttemptAt DATETIME,
      createdAt DATETIME NOT NULL
    )
    """#,
    #"""
    CREATE TABLE sync_dirty (
      kind TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (kind, key))
    """#,
    #"""
    CREATE TABLE sync_state (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)
    """#,
    #"""
    CREATE TABLE sync_device (device TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL)
    """#,
    #"""
    CREATE TABLE image (
      hash TEXT PRIMARY KEY NOT NULL,
      format TEXT NOT NULL,
      width INTEGER NOT NULL,
      height INTEGER NOT NULL,
      bytes INTEGER NOT NULL,
      data BLOB NOT NULL,
      createdAt DATETIME NOT NULL
    )
    """#,
    #"""
    CREATE TABLE article_image (
      articleUUID TEXT NOT NULL REFERENCES article(uuid) ON DELETE CASCADE,
      source TEXT NOT NULL,
      imageHash TEXT NOT NULL REFERENCES image(hash),
      createdAt DATETIME NOT NULL,
      PRIMARY KEY (articleUUID, source)
    )
    """#,
    #"""
    CREATE TABLE article_search_batch (deferred INTEGER NOT NULL)
    """#,
    #"""
    CREATE TABLE article_counts (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      total INTEGER NOT NULL,
      unread INTEGER NOT NULL
    )
    """#,
    #"""
    CREATE TABLE search_pending (id INTEGER PRIMARY KEY)
    """#,
    #"""
    CREATE TABLE "feed_items" (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      feedId INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
      identity TEXT NOT NULL,
      link TEXT,
      title TEXT,
      published DATETIME,
      repeats INTEGER NOT NULL DEFAULT 0,
      articleID INTEGER,
      createdAt DATETIME NOT NULL
    )
    """#,
    #"""
    CREATE VIRTUAL TABLE article_fts USING fts5(
      title, byline, text, content = 'article_search', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2', detail = none
    )
    """#,
    #"""
    CREATE TABLE "article_tag" (
      id INTEGER PRIMARY KEY,
      articleId INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
      tag TEXT NOT NULL,
      createdAt DATETIME NOT NULL,
      updatedAt DATETIME NOT NULL,
      deletedAt DATETIME
    )
    """#,
    #"""
    CREATE TABLE "article_version" (
      uuid TEXT PRIMARY KEY NOT NULL,
      articleId INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
      document TEXT NOT NULL,
      text TEXT NOT NULL,
      contentHash TEXT NOT NULL,
      words INTEGER NOT NULL,
      createdAt DATETIME NOT NULL,
      updatedAt DATETIME,
      deletedAt DATETIME
    )
    """#,
    #"""
    CREATE TABLE document_dictionary (
      id INTEGER PRIMARY KEY,
      bytes BLOB NOT NULL,
      createdAt DATETIME NOT NULL
    )
    """#,
    #"""
    CREATE INDEX article_by_added ON article(deletedAt, createdAt)
    """#,
    #"""
    CREATE INDEX article_by_published ON article(deletedAt, published)
    """#,
    #"""
    CREATE INDEX article_by_title ON article(deletedAt, sortTitle)
    """#,
    #"""
    CREATE INDEX article_by_progress ON article(deletedAt, progress)
    """#,
    #"""
    CREATE INDEX "annotation_on_articleUUID_startOffset" ON "annotation"("articleUUID", "startOffset")
    """#,
    #"""
    CREATE INDEX "annotation_on_createdAt" ON "annotation"("createdAt")
    """#,
    #"""
    CREATE INDEX article_image_by_image ON article_image(imageHash)
    """#,
    #"""
    CREATE INDEX article_image_by_source ON article_image(source)
    """#,
    #"""
    CREATE INDEX article_by_hash ON article(substr(contentHash, 1, 16))
    """#,
    #"""
    CREATE INDEX article_by_starred ON article(deletedAt) WHERE starred
    """#,
    #"""
    CREATE UNIQUE INDEX feed_items_by_identity ON feed_items(feedId, identity)
    """#,
    #"""
    CREATE INDEX feed_items_on_articleID ON feed_items(articleID)
    """#,
    #"""
    CREATE INDEX article_by_global_identity ON article(globalIdentity)
      WHERE globalIdentity IS NOT NULL
    """#,
    #"""
    CREATE INDEX article_tag_by_article ON article_tag(articleId, deletedAt)
    """#,
    #"""
    CREATE INDEX article_version_by_article ON article_version(articleId, createdAt)
    """#,
    #"""
    CREATE INDEX article_version_by_hash ON article_version(substr(contentHash, 1, 16))
    """#,
    #"""
    INSERT INTO "sync_state" ("key", "value") VALUES ('changes', 'all')
    """#,
    #"""
    INSERT INTO "article_counts" ("id", "total", "unread") VALUES (1, 0, 0)
    """#,
    #"""
    INSERT INTO "sqlite_sequence" ("name", "seq") VALUES ('feed_items', 0)
    """#,
    #"""
    INSERT INTO "article_fts" ("article_fts", rank) VALUES ('automerge', 16)
    """#,
    #"""
    INSERT INTO "article_fts" ("article_fts", rank) VALUES ('crisismerge', 64)
    """#,
    #"""
    INSERT INTO "article_fts" ("article_fts", rank) VALUES ('hashsize', 8388608)
    """#,
    #"""
    CREATE VIEW article_search AS
      SELECT a.id AS id, a.title AS title, COALESCE(a.byline, '') AS byline,
        COALESCE((SELECT leggio_text(v.document, v.text) FROM article_version v
          WHERE v.articleId = a.id AND v.deletedAt IS NULL
          ORDER BY v.createdAt DESC, v.rowid DESC LIMIT 1), '') AS text
      FROM article a WHERE a.deletedAt IS NULL
    """#,
    #"""
    CREATE TRIGGER annotationSearch_ai AFTER INSERT ON annotation BEGIN
      INSERT INTO annotationSearch(rowid, quote, note, name, tags)
      VALUES (new.id, new.quote, new.note, new.name, new.tags);
    END
    """#,
    #"""
    CREATE TRIGGER annotationSearch_ad AFTER DELETE ON annotation BEGIN
      INSERT INTO annotationSearch(annotationSearch, rowid, quote, note, name, tags)
      VALUES ('delete', old.id, old.quote, old.note, old.name, old.tags);
    END
    """#,
    #"""
    CREATE TRIGGER annotationSearch_au AFTER UPDATE OF quote, note, name, tags
    ON annotation BEGIN
      INSERT INTO annotationSearch(annotationSearch, rowid, quote, note, name, tags)
      VALUES ('delete', old.id, old.quote, old.note, old.name, old.tags);
      INSERT INTO annotationSearch(rowid, quote, note, name, tags)
      VALUES (new.id, new.quote, new.note, new.name, new.tags);
    END
    """#,
    #"""
    CREATE TRIGGER article_counts_insert AFTER INSERT ON article
    WHEN new.deletedAt IS NULL BEGIN
      UPDATE article_counts SET total = total + 1, unread = unread + (new.readAt IS NULL);
    END
    """#,
    #"""
    CREATE TRIGGER article_counts_update AFTER UPDATE OF deletedAt, readAt ON article
    WHEN (old.deletedAt IS NULL) != (new.deletedAt IS NULL)
      OR (old.readAt IS NULL) != (new.readAt IS NULL) BEGIN
      UPDATE article_counts SET
        total = total + (new.deletedAt IS NULL) - (old.deletedAt IS NULL),
        unread = unread + (new.deletedAt IS NULL AND new.readAt IS NULL)
          - (old.deletedAt IS NULL AND old.readAt IS NULL);
    END
    """#,
    #"""
    CREATE TRIGGER article_counts_delete AFTER DELETE ON article
    WHEN old.deletedAt IS NULL BEGIN
      UPDATE article_counts SET total = total - 1, unread = unread - (old.readAt IS NULL);
    END
    """#,
    #"""
    CREATE TRIGGER sync_dirty_article_insert AFTER INSERT ON article WHEN (SELECT value FROM sync_state WHERE key = 'changes') IS NOT 'all' BEGIN
      INSERT OR REPLACE INTO sync_dirty (kind, key) VALUES ('article', new.uuid);
    END
    """#,
    #"""
    CREATE TRIGGER sync_dirty_article_update AFTER UPDATE OF title, kicker, standfirst, byline, published, dateline, imageCredit, language, source, siteName, contentHash, updatedAt, deletedAt ON article WHEN (SELECT value FROM sync_state WHERE key = 'changes') IS NOT 'all' BEGIN
      INSERT OR REPLACE INTO sync_dirty (kind, key) VALUES ('article', new.uuid);
    END
    """#,
    #"""
    CREATE TRIGGER sync_dirty_annotation_insert AFTER INSERT ON annotation WHEN (SELECT value FROM sync_state WHERE key = 'changes') IS NOT 'all' BEGIN
      INSERT OR REPLACE INTO sync_dirty (kind, key) VALUES ('annotation', new.uuid);
    END
    """#,
    #"""
    CREATE TRIGGER sync_dirty_annotation_update AFTER UPDATE ON annotation WHEN (SELECT value FROM sync_state WHERE key = 'changes') IS NOT 'all' BEGIN
      INSERT OR REPLACE INTO sync_dirty (kind, key) VALUES ('annotation', new.uuid);
    END
    """#,
    #"""
    CREATE TRIGGER sync_dirty_reading_position_insert AFTER INSERT ON reading_position WHEN (SELECT value FROM sync_state WHERE key = 'changes') IS NOT 'all' BEGIN
      INSERT OR REPLACE INTO sync_dirty (kind, key) VALUES ('position', new.articleUUID || ' ' || new.device);
    END
    """#,
    #"""
    CREATE TRIGGER sync_dirty_reading_position_update AFTER UPDATE ON reading_position WHEN (SELECT value FROM sync_state WHERE key = 'changes') IS NOT 'all' BEGIN
      INSERT OR REPLACE INTO sync_dirty (kind, key) VALUES ('position', new.articleUUID || ' ' || new.device);
    END
    """#,
    #"""
    CREATE TRIGGER sync_dirty_feeds_insert AFTER INSERT ON feeds WHEN (SELECT value FROM sync_state WHERE key = 'changes') IS NOT 'all' BEGIN
      INSERT OR REPLACE INTO sync_dirty (kind, key) VALUES ('feed', new.url);
    END
    """#,
    #"""
    CREATE TRIGGER sync_dirty_feeds_update AFTER UPDATE OF url, title, tags, full, deletedAt ON feeds WHEN (SELECT value FROM sync_state WHERE key = 'changes') IS NOT 'all' BEGIN
      INSERT OR REPLACE INTO sync_dirty (kind, key) VALUES ('feed', new.url);
    END
    """#,
    #"""
    CREATE TRIGGER sync_dirty_article_image_insert AFTER INSERT ON article_image WHEN (SELECT value FROM sync_state WHERE key = 'changes') IS NOT 'all' BEGIN
      INSERT OR REPLACE INTO sync_dirty (kind, key) VALUES ('article', new.articleUUID);
    END
    """#,
    #"""
    CREATE TRIGGER feed_items_keep_before_article_update
    BEFORE UPDATE OF title, source, published ON article
    WHEN old.title IS NOT new.title OR old.source IS NOT new.source
      OR old.published IS NOT new.published BEGIN
      UPDATE feed_items SET
      link = CASE WHEN repeats & 2 THEN old.source ELSE link END,
      title = CASE WHEN repeats & 1 THEN old.title ELSE title END,
      published = CASE WHEN repeats & 4 THEN old.published ELSE published END,
      repeats = 0
    WHERE articleID = old.id AND repeats != 0;
    END
    """#,
    #"""
    CREATE TRIGGER feed_items_keep_before_article_delete BEFORE DELETE ON article BEGIN
      UPDATE feed_items SET
      link = CASE WHEN repeats & 2 THEN old.source ELSE link END,
      title = CASE WHEN repeats & 1 THEN old.title ELSE title END,
      published = CASE WHEN repeats & 4 THEN old.published ELSE published END,
      repeats = 0
    WHERE articleID = old.id AND repeats != 0;
    END
    """#,
    #"""
    CREATE TRIGGER article_global_identity AFTER INSERT ON article
    WHEN new.globalIdentity IS NULL AND new.identity NOT LIKE 'https://%' BEGIN
      UPDATE article SET globalIdentity = 'sha256:' || new.contentHash WHERE id = new.id;
    END
    """#,
    #"""
    CREATE TRIGGER sync_dirty_article_tag_insert AFTER INSERT ON article_tag WHEN (SELECT value FROM sync_state WHERE key = 'changes') IS NOT 'all' BEGIN
      INSERT OR REPLACE INTO sync_dirty (kind, key) VALUES ('tag', CAST(new.rowid AS TEXT));
    END
    """#,
    #"""
    CREATE TRIGGER sync_dirty_article_tag_update AFTER UPDATE ON article_tag WHEN (SELECT value FROM sync_state WHERE key = 'changes') IS NOT 'all' BEGIN
      INSERT OR REPLACE INTO sync_dirty (kind, key) VALUES ('tag', CAST(new.rowid AS TEXT));
    END
    """#,
    #"""
    CREATE TRIGGER sync_dirty_article_version_insert AFTER INSERT ON article_version WHEN (SELECT value FROM sync_state WHERE key = 'changes') IS NOT 'all' BEGIN
      INSERT OR REPLACE INTO sync_dirty (kind, key) VALUES ('article', (SELECT uuid FROM article WHERE id = new.articleId));
    END
    """#,
    #"""
    CREATE TRIGGER sync_dirty_article_version_update AFTER UPDATE ON article_version WHEN (SELECT value FROM sync_state WHERE key = 'changes') IS NOT 'all' BEGIN
      INSERT OR REPLACE INTO sync_dirty (kind, key) VALUES ('article', (SELECT uuid FROM article WHERE id = new.articleId));
    END
    """#,
    #"""
    CREATE TRIGGER article_search_insert AFTER INSERT ON article WHEN NOT EXISTS (SELECT 1 FROM article_search_batch) BEGIN INSERT INTO article_fts (rowid, title, byline, text) SELECT s.id, s.title, s.byline, s.text FROM article_search s WHERE s.id = new.id AND NOT EXISTS (SELECT 1 FROM article_fts_docsize d WHERE d.id = new.id); END
    """#,
    #"""
    CREATE TRIGGER article_search_before_update BEFORE UPDATE OF title, byline, deletedAt ON article BEGIN INSERT INTO article_fts (article_fts, rowid, title, byline, text) SELECT 'delete', s.id, s.title, s.byline, s.text FROM article_search s WHERE s.id = old.id AND EXISTS (SELECT 1 FROM article_fts_docsize d WHERE d.id = old.id); END
    """#,
    #"""
    CREATE TRIGGER article_search_after_update AFTER UPDATE OF title, byline, deletedAt ON article BEGIN INSERT INTO article_fts (rowid, title, byline, text) SELECT s.id, s.title, s.byline, s.text FROM article_search s WHERE s.id = new.id AND NOT EXISTS (SELECT 1 FROM article_fts_docsize d WHERE d.id = new.id); END
    """#,
    #"""
    CREATE TRIGGER article_search_delete BEFORE DELETE ON article BEGIN INSERT INTO article_fts (article_fts, rowid, title, byline, text) SELECT 'delete', s.id, s.title, s.byline, s.text FROM article_search s WHERE s.id = old.id AND EXISTS (SELECT 1 FROM article_fts_docsize d WHERE d.id = old.id); END
    """#,
    #"""
    CREATE TRIGGER article_search_before_version BEFORE INSERT ON article_version WHEN NOT EXISTS (SELECT 1 FROM article_search_batch) BEGIN INSERT INTO article_fts (article_fts, rowid, title, byline, text) SELECT 'delete', s.id, s.title, s.byline, s.text FROM article_search s WHERE s.id = new.articleId AND EXISTS (SELECT 1 FROM article_fts_docsize d WHERE d.id = new.articleId); END
    """#,
    #"""
    CREATE TRIGGER article_search_after_version AFTER INSERT ON article_version WHEN NOT EXISTS (SELECT 1 FROM article_search_batch) BEGIN INSERT INTO article_fts (rowid, title, byline, text) SELECT s.id, s.title, s.byline, s.text FROM article_search s WHERE s.id = new.articleId AND NOT EXISTS (SELECT 1 FROM article_fts_docsize d WHERE d.id = new.articleId); END
    """#,
    #"""
    CREATE TRIGGER article_search_before_version_update BEFORE UPDATE OF articleId, document, text, createdAt, deletedAt ON article_version BEGIN INSERT INTO article_fts (article_fts, rowid, title, byline, text) SELECT 'delete', s.id, s.title, s.byline, s.text FROM article_search s WHERE s.id = old.articleId AND EXISTS (SELECT 1 FROM article_fts_docsize d WHERE d.id = old.articleId); END
    """#,
    #"""
    CREATE TRIGGER article_search_after_version_update AFTER UPDATE OF articleId, document, text, createdAt, deletedAt ON article_version BEGIN INSERT INTO article_fts (rowid, title, byline, text) SELECT s.id, s.title, s.byline, s.text FROM article_search s WHERE s.id = new.articleId AND NOT EXISTS (SELECT 1 FROM article_fts_docsize d WHERE d.id = new.articleId); END
    """#,
    #"""
    CREATE TRIGGER article_search_before_version_delete BEFORE DELETE ON article_version BEGIN INSERT INTO article_fts (article_fts, rowid, title, byline, text) SELECT 'delete', s.id, s.title, s.byline, s.text FROM article_search s WHERE s.id = old.articleId AND EXISTS (SELECT 1 FROM article_fts_docsize d WHERE d.id = old.articleId); END
    """#,
    #"""
    CREATE TRIGGER article_search_after_version_delete AFTER DELETE ON article_version BEGIN INSERT INTO article_fts (rowid, title, byline, text) SELECT s.id, s.title, s.byline, s.text FROM article_search s WHERE s.id = old.articleId AND NOT EXISTS (SELECT 1 FROM article_fts_docsize d WHERE d.id = old.articleId); END
    """#,
  ]
}
