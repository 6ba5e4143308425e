import Foundation
import GRDB

/// Bookmarks, highlights and notes in the library's SQLite database. Every write is one
/// `BEGIN IMMEDIATE` transaction, so two Leggio processes on one library queue up
/// behind SQLite's lock (with the pool's busy timeout) instead of failing or losing
/// each other's changes. Reads are in `AnnotationStore+Queries.swift`.
public final class AnnotationStore: Sendable {
  public let writer: any DatabaseWriter
  /// Where articles live, to check that an annotation's article exists.
  public let articles: ArticleTable

  /// The library's articles table: its name and its UUID column.
  public struct ArticleTable: Sendable, Hashable {
    public var name: String
    public var uuidColumn: String
    public init(name: String = "article", uuidColumn: String = "uuid") {
      self.name = name
      self.uuidColumn = uuidColumn
    }
  }

  /// `writer` is the library's database (a `DatabasePool` on its file, or a queue in
  /// tests) with `AnnotationMigrations` applied.
  public init(_ writer: any DatabaseWriter, articles: ArticleTable = ArticleTable()) {
    self.writer = writer
    self.articles = articles
  }

  /// Saves a new annotation and returns it with its local `id`.
  @discardableResult
  public func add(_ annotation: Annotation) throws -> Annotation {
    try transaction { db in
      try self.requireArticle(annotation.articleUUID, db)
      guard try Annotation.filter(Annotation.Columns.uuid == annotation.uuid).isEmpty(db) else {
        throw AnnotationError.alreadyExists(annotation.uuid)
      }
      var saved = annotation
      saved.id = nil
      try saved.insert(db)
      return saved
    }
  }

  /// Replaces the note. A highlight given a note becomes a note; a note whose text is
  /// removed becomes a highlight again; a bookmark stays a bookmark.
  @discardableResult
  public func editNote(_ uuid: String, note: String, now: Date = Date()) throws -> Annotation {
    try update(uuid, now: now) { annotation in
      annotation.note = note
      switch (annotation.kind, note.isEmpty) {
      case (.highlight, false): annotation.kind = .note
      case (.note, true): annotation.kind = .highlight
      default: break
      }
    }
  }

  @discardableResult
  public func recolor(_ uuid: String, to color: AnnotationColor, now: Date = Date()) throws
    -> Annotation
  {
    try update(uuid, now: now) { $0.color = color }
  }

  @discardableResult
  public func rename(_ uuid: String, to name: String?, now: Date = Date()) throws -> Annotation {
    try update(uuid, now: now) { $0.name = name?.isEmpty == true ? nil : name }
  }

  @discardableResult
  public func setTags(_ uuid: String, _ tags: [String], now: Date = Date()) throws -> Annotation {
    try update(uuid, now: now) { annotation in
      var seen = Set<String>()
      annotation.tags = tags.map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty && seen.insert($0).inserted }
    }
  }

  /// Deletes an annotation by leaving a tombstone; `undoDelete` brings it back.
  @discardableResult
  public func delete(_ uuid: String, now: Date = Date()) throws -> Annotation {
    try update(uuid, now: now) { $0.deletedAt = now }
  }

  /// Brings back a deleted annotation.
  @discardableResult
  public func undoDelete(_ uuid: String, now: Date = Date()) throws -> Annotation {
    try update(uuid, now: now) { $0.deletedAt = nil }
  }

  /// Reads, changes and writes one annotation in one transaction.
  private func update(_ uuid: String, now: Date, _ change: (inout Annotation) -> Void)
    throws -> Annotation
  {
    try transaction { db in
      guard var annotation = try Annotation.filter(Annotation.Columns.uuid == uuid).fetchOne(db)
      else { throw AnnotationError.notFound(uuid) }
      change(&annotation)
      annotation.updatedAt = now.roundedToMilliseconds
      try annotation.update(db)
      return annotation
    }
  }

  /// Runs `body` in an immediate transaction: it takes the write lock at once, so a
  /// second process waits for it rather than failing halfway.
  func transaction<T>(_ body: (Database) throws -> T) throws -> T {
    try writer.writeWithoutTransaction { db in
      var result: T?
      try db.inTransaction(.immediate) {
        result = try body(db)
        return .commit
      }
      return result!
    }
  }

  func requireArticle(_ uuid: String, _ db: Database) throws {
    let sql =
      "SELECT 1 FROM \(articles.name.quotedDatabaseIdentifier) "
      + "WHERE \(articles.uuidColumn.quotedDatabaseIdentifier) = ?"
    guard try Bool.fetchOne(db, sql: sql, arguments: [uuid]) != nil else {
      throw AnnotationError.unknownArticle(uuid)
    }
  }
}
