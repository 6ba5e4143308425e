import Foundation
import GRDB

@testable import LeggioStore
import LeggioTestSupport

/// A real SQLite database with a minimal articles table (the library's is not here) and
/// the annotation migrations, as the library's migrator will run them.
enum AnnotationTestDatabase {
  static func migrator() -> DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("test-articles") { db in
      try db.create(table: "article") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("uuid", .text).notNull().unique()
        t.column("title", .text).notNull()
      }
    }
    AnnotationMigrations.register(in: &migrator)
    return migrator
  }

  /// An in-memory database with the articles `uuids`.
  static func queue(articles uuids: [String] = ["article-a", "article-b"]) throws -> DatabaseQueue {
    let queue = try DatabaseQueue()
    try migrator().migrate(queue)
    try addArticles(uuids, to: queue)
    return queue
  }

  /// A pool on `path` (WAL, a generous busy timeout, as the library opens it), migrated.
  static func pool(at path: String) throws -> DatabasePool {
    var configuration = Configuration()
    configuration.busyMode = .timeout(30)
    let pool = try DatabasePool(path: path, configuration: configuration)
    try migrator().migrate(pool)
    return pool
  }

  static func addArticles(_ uuids: [String], to writer: any DatabaseWriter) throws {
    try writer.write { db in
      for uuid in uuids {
        try db.execute(
          sql: "INSERT OR IGNORE INTO article (uuid, title) VALUES (?, ?)",
          arguments: [uuid, "Title of \(uuid)"])
      }
    }
  }

  /// A fresh temporary directory for database files.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("leggio-annotations-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// A highlight of `quote` (its first occurrence) in `text`.
  static func highlight(
    _ quote: String, in text: String, article: String, hash: String = "v1", note: String = "",
    color: Int = 1, createdAt: Date = Date()
  ) throws -> Annotation {
    guard let range = AnnotationFixtures.range(of: quote, in: text) else {
      throw AnnotationError.quoteNotFound(quote, occurrence: 1)
    }
    return Annotation(
      articleUUID: article, kind: note.isEmpty ? .highlight : .note,
      anchor: try TextAnchor.make(in: text, range: range, textHash: hash), note: note,
      color: try AnnotationColor.checked(color), createdAt: createdAt)
  }
}
