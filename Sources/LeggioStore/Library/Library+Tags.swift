import Foundation
import GRDB
import LeggioModel

extension Library {
  /// Adds `tags` to article `id` (tags it already has are kept as they are).
  public func tag(id: Int64, _ tags: [String]) throws {
    let tags = try tags.map(Self.cleanTag)
    try writer.write { db in
      let uuid = try Self.liveUUID(db, id: id)
      try Self.link(db, articleUUID: uuid, tags: tags, now: Date())
    }
  }

  /// Removes `tags` from article `id` (the links are tombstoned).
  public func untag(id: Int64, _ tags: [String]) throws {
    let tags = try tags.map(Self.cleanTag)
    try writer.write { db in
      _ = try Self.liveUUID(db, id: id)
      for tag in tags {
        try db.execute(
          sql: """
            UPDATE article_tag SET deletedAt = ?, updatedAt = ?
            WHERE articleId = ? AND tag = ? COLLATE NOCASE AND deletedAt IS NULL
            """, arguments: [Date(), Date(), id, tag])
      }
    }
  }

  /// Links tags to an article, bringing back a tombstoned link rather than making a new one.
  static func link(_ db: Database, articleUUID: String, tags: [String], now: Date) throws {
    for tag in tags {
      if let existing = try Row.fetchOne(
        db,
        sql: """
          SELECT id, deletedAt FROM article_tag
          WHERE articleId = \(TagLinkArticleIDs.articleID) AND tag = ? COLLATE NOCASE
          ORDER BY deletedAt IS NOT NULL LIMIT 1
          """, arguments: [articleUUID, tag])
      {
        if existing["deletedAt"] as Date? != nil {
          try db.execute(
            sql: "UPDATE article_tag SET deletedAt = NULL, updatedAt = ? WHERE id = ?",
            arguments: [now, existing["id"] as Int64])
        }
        continue
      }
      try db.execute(
        sql: ArticleSQL.insertTag, arguments: [articleUUID, tag, now, now])
    }
  }

  /// The UUID of the live article `id`, or `LibraryError.noSuchArticle`.
  static func liveUUID(_ db: Database, id: Int64) throws -> String {
    guard
      let uuid = try String.fetchOne(
        db, sql: "SELECT uuid FROM article WHERE id = ? AND deletedAt IS NULL", arguments: [id])
    else { throw LibraryError.noSuchArticle(id: id) }
    return uuid
  }

  /// A tag as stored: control characters dropped, white space collapsed and trimmed.
  package static func cleanTag(_ tag: String) throws -> String {
    // Controls become spaces (they separated words); what else `TerminalSafety` refuses,
    // invisible characters among them, goes, so tags that look alike are one tag.
    let spaced = String(
      String.UnicodeScalarView(
        tag.precomposedStringWithCanonicalMapping.unicodeScalars.map {
          $0.properties.generalCategory == .control ? " " : $0
        }))
    let visible = TerminalSafety.removingUnsafe(spaced)
    var cleaned = visible.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    guard !cleaned.isEmpty else { throw LibraryError.invalidTag(tag) }
    if cleaned.count > maximumTagLength {
      cleaned = String(cleaned.prefix(maximumTagLength)).trimmingCharacters(in: .whitespaces)
    }
    return cleaned
  }

  /// Characters a tag keeps: a tag names, it does not hold text.
  package static let maximumTagLength = 100
}
