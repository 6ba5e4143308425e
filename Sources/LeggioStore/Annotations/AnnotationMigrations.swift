import GRDB

/// The annotation tables. The library's single migrator calls `register(in:)` after its
/// own migrations; the names are prefixed so they never clash with the library's.
///
/// Articles are referenced by their UUID text, without a foreign key: an annotation is
/// never deleted with its text, and a synced annotation may arrive before its article.
/// Dates are integer milliseconds since 1970 (exact round trips, cheap ordering).
public enum AnnotationMigrations {
  public static func register(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("annotations-1-tables") { db in
      try db.create(table: "annotation") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("uuid", .text).notNull().unique()
        t.column("articleUUID", .text).notNull()
        t.column("kind", .text).notNull()
          .check { ["bookmark", "highlight", "note"].contains($0) }
        t.column("startOffset", .integer).notNull()
        t.column("endOffset", .integer).notNull()
        t.column("quote", .text).notNull()
        t.column("prefix", .text).notNull().defaults(to: "")
        t.column("suffix", .text).notNull().defaults(to: "")
        t.column("textHash", .text).notNull()
        t.column("note", .text).notNull().defaults(to: "")
        t.column("color", .integer).check { $0 == nil || (1...5).contains($0) }
        t.column("name", .text)
        t.column("tags", .jsonText).notNull().defaults(to: "[]")
        t.column("orphaned", .boolean).notNull().defaults(to: false)
        t.column("createdAt", .integer).notNull()
        t.column("updatedAt", .integer).notNull()
        t.column("deletedAt", .integer)
      }
      try db.create(
        index: "annotation_on_articleUUID_startOffset", on: "annotation",
        columns: ["articleUUID", "startOffset"])
      try db.create(index: "annotation_on_createdAt", on: "annotation", columns: ["createdAt"])
      try createSearchIndex(db)
    }
  }

  /// Full-text search over quotes, notes, names and tags, diacritics folded (`piu` finds
  /// `più`), kept in step with the table by triggers.
  private static func createSearchIndex(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE VIRTUAL TABLE annotationSearch USING fts5(
          quote, note, name, tags,
          content='annotation', content_rowid='id',
          tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER annotationSearch_ai AFTER INSERT ON annotation BEGIN
          INSERT INTO annotationSearch(rowid, quote, note, name, tags)
          VALUES (new.id, new.quote, new.note, new.name, new.tags);
        END;
        CREATE TRIGGER annotationSearch_ad AFTER DELETE ON annotation BEGIN
          INSERT INTO annotationSearch(annotationSearch, rowid, quote, note, name, tags)
          VALUES ('delete', old.id, old.quote, old.note, old.name, old.tags);
        END;
        CREATE TRIGGER annotationSearch_au AFTER UPDATE OF quote, note, name, tags
        ON annotation BEGIN
          INSERT INTO annotationSearch(annotationSearch, rowid, quote, note, name, tags)
          VALUES ('delete', old.id, old.quote, old.note, old.name, old.tags);
          INSERT INTO annotationSearch(rowid, quote, note, name, tags)
          VALUES (new.id, new.quote, new.note, new.name, new.tags);
        END;
        """)
  }
}
