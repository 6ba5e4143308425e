import GRDB

@testable import LeggioStore

/// Every record of a library as text, read alike under the schemas before and after the
/// changes that store less (issue 17): a global identity as sync reads it
/// (`DerivedGlobalIdentity`), a tag link's or a version's article by its UUID
/// (`TagLinkArticleIDs`, `VersionArticleIDs`), a version's `updatedAt` where it is NULL.
enum StoredRecords {
  /// The rows of each table but `except`, sorted (some tables have no rowid).
  static func all(_ db: Database, except: Set<String>) throws -> [String: [String]] {
    let tables = try String.fetchAll(
      db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
    var records: [String: [String]] = [:]
    for table in tables where !except.contains(table) {
      records[table] = try rows(db, table: table)
    }
    return records
  }

  /// The rows of `table`, sorted.
  static func rows(_ db: Database, table: String, dropping: Set<String> = []) throws -> [String] {
    let columns = try String.fetchAll(
      db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table]
    ).filter { !dropping.contains($0) }.map { column in
      switch (table, column) {
      case ("article", "globalIdentity"): DerivedGlobalIdentity.column("article")
      case ("article_tag", "articleId"):
        "(SELECT uuid FROM article WHERE id = article_tag.articleId) AS articleUUID"
      case ("article_version", "articleId"):
        "(SELECT uuid FROM article WHERE id = article_version.articleId) AS articleUUID"
      case ("article_version", "updatedAt"): VersionArticleIDs.updatedAt("article_version")
      default: "\"\(column)\""
      }
    }
    return try Row.fetchAll(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM \(table)")
      .map(\.description).sorted()
  }
}
