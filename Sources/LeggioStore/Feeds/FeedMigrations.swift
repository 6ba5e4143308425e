import GRDB

/// The feeds' tables. The library owns the one migrator; it calls `register(in:)`.
///
/// `feed_items.articleID` names the library article an item became. It carries no
/// foreign key because the articles table is the library's; an article's read state
/// is the item's read state.
public enum FeedMigrations {
  public static func register(in migrator: inout DatabaseMigrator) {
    migrator.registerMigration("feeds-v1") { db in
      try db.create(table: "feeds") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("uuid", .text).notNull().unique()
        table.column("url", .text).notNull().unique()
        table.column("title", .text)
        table.column("siteURL", .text)
        table.column("tags", .text).notNull().defaults(to: "[]")
        table.column("full", .boolean).notNull().defaults(to: false)
        table.column("etag", .text)
        table.column("lastModified", .text)
        table.column("lastUpdated", .datetime)
        table.column("lastError", .text)
        table.column("createdAt", .datetime).notNull()
        table.column("updatedAt", .datetime).notNull()
        table.column("deletedAt", .datetime)
      }
      try db.create(table: "feed_items") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("uuid", .text).notNull().unique()
        table.belongsTo("feed", inTable: "feeds", onDelete: .cascade).notNull()
        // The guid/id, else the link: what makes an update never duplicate an item.
        table.column("identity", .text).notNull()
        table.column("link", .text)
        table.column("title", .text)
        table.column("published", .datetime)
        table.column("articleID", .integer).indexed()
        table.column("createdAt", .datetime).notNull()
        table.column("updatedAt", .datetime).notNull()
        table.uniqueKey(["feedId", "identity"])
      }
    }
  }
}
