import Foundation
import GRDB
import LeggioModel

/// What an import from the mirror changed.
package struct SyncImportReport: Hashable, Sendable {
  /// Records that changed this library (new, or newer than ours).
  package var applied = 0
  /// Records this library already had as new or newer.
  package var unchanged = 0
  /// One sentence per record that could not be imported (a body not there yet).
  package var skipped: [String] = []

  package init() {}
}

/// Records read from the mirror, to import in one transaction.
package struct SyncIncoming: Sendable {
  package var articles: [SyncArticle] = []
  package var tags: [SyncTag] = []
  package var annotations: [SyncAnnotation] = []
  package var positions: [SyncPosition] = []
  package var feeds: [SyncFeed] = []

  package init() {}
}

extension Library {
  /// Brings records from the mirror into the library: per record the newer
  /// (`updatedAt`, `device`) wins, an article's text versions are united, and another
  /// device's reading position is kept beside ours (never moving ours). Importing the same
  /// records twice changes nothing. `body` reads a body file by its hash.
  ///
  /// The triggers mark what this import writes as changed; those marks are dropped at the
  /// end (the mirror has the records already), except for articles that still hold
  /// something the mirror lacks.
  /// `picture` reads a picture's file by its hash.
  package func importSync(
    _ incoming: SyncIncoming, body: (String) -> Data?, picture: (String) -> Data? = { _ in nil }
  ) throws -> SyncImportReport {
    try writer.write { db in
      let mark = try Int64.fetchOne(db, sql: "SELECT MAX(rowid) FROM sync_dirty") ?? 0
      var report = SyncImportReport()
      var stillNewer: [String] = []
      for feed in incoming.feeds { try Self.importFeed(db, feed, &report) }
      for article in incoming.articles {
        if let uuid = try Self.importArticle(db, article, body: body, &report) {
          stillNewer.append(uuid)
        }
        if let uuid = try Self.importImages(db, article, picture: picture, &report) {
          stillNewer.append(uuid)
        }
      }
      for tag in incoming.tags { try Self.importTag(db, tag, &report) }
      var touched: Set<String> = []
      for annotation in incoming.annotations {
        if let uuid = try Self.importAnnotation(db, annotation, &report) { touched.insert(uuid) }
      }
      for uuid in touched { try Self.reanchorOnCurrentText(db, articleUUID: uuid) }
      for position in incoming.positions {
        try Self.importPosition(db, position, ownDevice: deviceID, &report)
      }
      try db.execute(sql: "DELETE FROM sync_dirty WHERE rowid > ?", arguments: [mark])
      for uuid in stillNewer {
        try db.execute(
          sql: "INSERT OR REPLACE INTO sync_dirty (kind, key) VALUES (?, ?)",
          arguments: [SyncRecordKind.article.rawValue, uuid])
      }
      return report
    }
  }

  /// Stars and archives article `id` as `record` says (an older record says nothing).
  private static func setFlags(_ db: Database, _ record: SyncArticle, id: Int64) throws {
    guard record.starred != nil || record.archived != nil else { return }
    try db.execute(
      sql: """
        UPDATE article SET starred = COALESCE(?, starred), archived = COALESCE(?, archived)
        WHERE id = ?
        """, arguments: [record.starred, record.archived, id])
  }

  /// True when `a` (time, device) is newer than `b`.
  package static func isNewer(_ a: (Int64, String), than b: (Int64, String)) -> Bool {
    a.0 != b.0 ? a.0 > b.0 : a.1 > b.1
  }

  private static func metadata(_ record: SyncArticle) -> ArticleMetadata {
    ArticleMetadata(
      title: record.title, kicker: record.kicker, standfirst: record.standfirst,
      byline: record.byline, published: record.published.map(SyncTime.date),
      dateline: record.dateline, imageCredit: record.imageCredit, language: record.language,
      source: record.source, siteName: record.siteName)
  }

  /// Imports one article record; returns its local UUID when this library still holds
  /// something newer than the record (so it is exported again).
  private static func importArticle(
    _ db: Database, _ record: SyncArticle, body: (String) -> Data?,
    _ report: inout SyncImportReport
  ) throws -> String? {
    let metadata = metadata(record)
    let columns = ArticleColumns(metadata)
    // The record's versions with their texts; a missing body skips the article.
    var versions: [(SyncArticle.Version, String, String)] = []
    let uuid = try localArticleUUID(db, identity: record.identity)
    let known = Set(
      try String.fetchAll(
        db,
        sql:
          "SELECT contentHash FROM article_version WHERE articleId = \(VersionArticleIDs.articleID)",
        arguments: [uuid ?? ""]))
    for version in record.versions where !known.contains(version.textHash) {
      guard let data = body(version.body),
        let document = try? JSONDecoder().decode(Document.self, from: data)
      else {
        report.skipped.append("\(record.title): the text \(version.body) has not arrived")
        return nil
      }
      versions.append(
        (version, String(decoding: data, as: UTF8.self), CanonicalText(document).text))
    }
    let updatedAt = SyncTime.date(record.updatedAt)
    let deletedAt: Date? = record.deleted ? updatedAt : nil
    guard let uuid else {
      guard let last = versions.last else {
        report.skipped.append("\(record.title): it has no text")
        return nil
      }
      let articleUUID = UUIDv7.string(at: SyncTime.date(record.createdAt))
      let taken =
        try Bool.fetchOne(
          db, sql: "SELECT EXISTS (SELECT 1 FROM article WHERE identity = ?)",
          arguments: [record.identity]) ?? false
      let identity = taken ? "sync:" + record.identity : record.identity
      var arguments: StatementArguments = [
        articleUUID, identity, DerivedGlobalIdentity.stored(record.identity, identity: identity),
      ]
      _ = arguments.append(contentsOf: columns.arguments)
      _ = arguments.append(contentsOf: [
        last.0.textHash, TextStatistics.wordCount(last.2), SyncTime.date(record.createdAt),
        updatedAt, deletedAt,
      ])
      try db.execute(
        sql: """
          INSERT INTO article (uuid, identity, globalIdentity,
            \(ArticleColumns.names.joined(separator: ", ")), contentHash, words, createdAt,
            updatedAt, deletedAt)
          VALUES (?, ?, ?, \(ArticleColumns.names.map { _ in "?" }.joined(separator: ", ")),
            ?, ?, ?, ?, ?)
          """, arguments: arguments)
      let id = db.lastInsertedRowID
      try setFlags(db, record, id: id)
      try insertVersions(db, versions, articleUUID: articleUUID, body: body)
      report.applied += 1
      return nil
    }
    guard
      let row = try Row.fetchOne(db, sql: "SELECT * FROM article WHERE uuid = ?", arguments: [uuid])
    else { return nil }
    let id: Int64 = row["id"]
    let localUpdated = SyncTime.milliseconds(row["updatedAt"])
    try insertVersions(db, versions, articleUUID: uuid, body: body)
    let current = try Row.fetchOne(
      db,
      sql: """
        SELECT contentHash, leggio_text(document, text) AS text FROM article_version
          WHERE articleId = \(VersionArticleIDs.articleID) AND deletedAt IS NULL
        ORDER BY createdAt DESC, rowid DESC LIMIT 1
        """, arguments: [uuid])
    let currentHash: String = current?["contentHash"] ?? row["contentHash"]
    let currentText: String = current?["text"] ?? ""
    let recordIsNewer = record.updatedAt > localUpdated
    let textChanged = currentHash != (row["contentHash"] as String)
    if recordIsNewer || textChanged {
      let liveMetadata = recordIsNewer ? metadata : nil
      if let liveMetadata {
        var arguments = ArticleColumns(liveMetadata).arguments
        _ = arguments.append(contentsOf: [updatedAt, deletedAt, id])
        try db.execute(
          sql: "UPDATE article SET \(ArticleColumns.assignments), updatedAt = ?, deletedAt = ? "
            + "WHERE id = ?", arguments: arguments)
        try setFlags(db, record, id: id)
      }
      if textChanged {
        try db.execute(
          sql: "UPDATE article SET contentHash = ?, words = ? WHERE id = ?",
          arguments: [currentHash, TextStatistics.wordCount(currentText), id])
        try reanchorOnCurrentText(db, articleUUID: uuid)
      }
      // The search index follows by itself (`SearchIndex`'s triggers).
      report.applied += 1
    } else if versions.isEmpty {
      report.unchanged += 1
    } else {
      report.applied += 1
    }
    // Ours is newer, or holds a version the record lacks: the mirror must hear of it.
    let recordHashes = Set(record.versions.map(\.textHash))
    let localHashes = try String.fetchAll(
      db,
      sql:
        "SELECT contentHash FROM article_version WHERE articleId = \(VersionArticleIDs.articleID) "
        + "AND deletedAt IS NULL",
      arguments: [uuid])
    if localUpdated > record.updatedAt
      || localHashes.contains(where: { !recordHashes.contains($0) })
    {
      return uuid
    }
    return nil
  }

  private static func insertVersions(
    _ db: Database, _ versions: [(SyncArticle.Version, String, String)], articleUUID: String,
    body: (String) -> Data?
  ) throws {
    for (version, document, text) in versions {
      let created = SyncTime.date(version.createdAt)
      let versionUUID = UUIDv7.string(at: created)
      try db.execute(
        sql: """
          INSERT INTO article_version
            (uuid, articleId, document, text, contentHash, words, createdAt)
          VALUES (?, \(VersionArticleIDs.articleID), ?, ?, ?, ?, ?)
          """,
        arguments: [
          versionUUID, articleUUID, StoredDocument.compress(document, text: text), "",
          SHA256.hex(text),
          TextStatistics.wordCount(text), created,
        ])
      if let original = version.original, let html = body(original) {
        try OriginalPage.store(db, html: html, versionUUID: versionUUID, now: created)
      }
    }
  }

  static func reanchorOnCurrentText(_ db: Database, articleUUID: String) throws {
    guard
      let current = try Row.fetchOne(
        db,
        sql: """
          SELECT contentHash, leggio_text(document, text) AS text FROM article_version
          WHERE articleId = \(VersionArticleIDs.articleID) AND deletedAt IS NULL
          ORDER BY createdAt DESC, rowid DESC LIMIT 1
          """, arguments: [articleUUID])
    else { return }
    try AnnotationStore.reanchorAll(
      db, articleUUID: articleUUID, newText: current["text"], newHash: current["contentHash"])
  }

  private static func importTag(_ db: Database, _ record: SyncTag, _ report: inout SyncImportReport)
    throws
  {
    guard let articleUUID = try localArticleUUID(db, identity: record.article) else {
      report.skipped.append("tag \(record.tag): its article has not arrived")
      return
    }
    let updatedAt = SyncTime.date(record.updatedAt)
    let deletedAt: Date? = record.deleted ? updatedAt : nil
    if let row = try Row.fetchOne(
      db,
      sql: """
        SELECT id, updatedAt FROM article_tag
        WHERE articleId = \(TagLinkArticleIDs.articleID) AND tag = ? COLLATE NOCASE
        ORDER BY deletedAt IS NOT NULL LIMIT 1
        """, arguments: [articleUUID, record.tag])
    {
      guard record.updatedAt > SyncTime.milliseconds(row["updatedAt"]) else {
        report.unchanged += 1
        return
      }
      try db.execute(
        sql: "UPDATE article_tag SET updatedAt = ?, deletedAt = ? WHERE id = ?",
        arguments: [updatedAt, deletedAt, row["id"] as Int64])
    } else {
      try db.execute(
        sql: """
          INSERT INTO article_tag (articleId, tag, createdAt, updatedAt, deletedAt)
          VALUES (\(TagLinkArticleIDs.articleID), ?, ?, ?, ?)
          """,
        arguments: [
          articleUUID, record.tag, SyncTime.date(record.createdAt), updatedAt, deletedAt,
        ])
    }
    report.applied += 1
  }

  /// Imports one annotation; returns its article's UUID when it changed.
  private static func importAnnotation(
    _ db: Database, _ record: SyncAnnotation, _ report: inout SyncImportReport
  ) throws -> String? {
    guard let articleUUID = try localArticleUUID(db, identity: record.article) else {
      report.skipped.append("annotation \(record.uuid): its article has not arrived")
      return nil
    }
    guard let kind = Annotation.Kind(rawValue: record.kind) else {
      report.skipped.append("annotation \(record.uuid): unknown kind \(record.kind)")
      return nil
    }
    var annotation = Annotation(
      uuid: record.uuid, articleUUID: articleUUID, kind: kind,
      anchor: TextAnchor(
        start: record.start, end: record.end, quote: record.quote, prefix: record.prefix,
        suffix: record.suffix, textHash: record.textHash),
      note: record.note, color: record.color.flatMap(AnnotationColor.init(rawValue:)),
      name: record.name, tags: record.tags, isOrphaned: record.orphaned,
      createdAt: SyncTime.date(record.createdAt), updatedAt: SyncTime.date(record.updatedAt),
      deletedAt: record.deleted ? SyncTime.date(record.updatedAt) : nil)
    if let existing = try Annotation.filter(Annotation.Columns.uuid == record.uuid).fetchOne(db) {
      guard record.updatedAt > SyncTime.milliseconds(existing.updatedAt) else {
        report.unchanged += 1
        return nil
      }
      annotation.id = existing.id
      try annotation.update(db)
    } else {
      try annotation.insert(db)
    }
    report.applied += 1
    return articleUUID
  }

  private static func importPosition(
    _ db: Database, _ record: SyncPosition, ownDevice: String, _ report: inout SyncImportReport
  ) throws {
    if let name = record.deviceName, !name.isEmpty, record.device != ownDevice {
      try db.execute(
        sql: """
          INSERT INTO sync_device (device, name) VALUES (?, ?)
          ON CONFLICT (device) DO UPDATE SET name = excluded.name WHERE name != excluded.name
          """, arguments: [record.device, name])
    }
    guard let articleUUID = try localArticleUUID(db, identity: record.article) else {
      report.skipped.append("a reading position: its article has not arrived")
      return
    }
    let existing = try Date.fetchOne(
      db, sql: "SELECT updatedAt FROM reading_position WHERE articleUUID = ? AND device = ?",
      arguments: [articleUUID, record.device])
    if let existing, SyncTime.milliseconds(existing) >= record.updatedAt {
      report.unchanged += 1
      return
    }
    let updatedAt = SyncTime.date(record.updatedAt)
    try db.execute(
      sql: """
        INSERT INTO reading_position (articleUUID, device, "offset", progress, updatedAt)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (articleUUID, device) DO UPDATE SET
          "offset" = excluded."offset", progress = excluded.progress,
          updatedAt = excluded.updatedAt
        """,
      arguments: [articleUUID, record.device, record.offset, record.progress, updatedAt])
    // Read anywhere is read; the list shows how far the newest reading went.
    try db.execute(
      sql: """
        UPDATE article SET readAt = MAX(COALESCE(readAt, ?), ?),
          progress = (SELECT progress FROM reading_position WHERE articleUUID = ?
                      ORDER BY updatedAt DESC LIMIT 1)
        WHERE uuid = ?
        """, arguments: [updatedAt, updatedAt, articleUUID, articleUUID])
    report.applied += 1
  }

  private static func importFeed(
    _ db: Database, _ record: SyncFeed, _ report: inout SyncImportReport
  )
    throws
  {
    let updatedAt = SyncTime.date(record.updatedAt)
    if var feed = try FeedRecord.filter(FeedRecord.Columns.url == record.url).fetchOne(db) {
      guard record.updatedAt > SyncTime.milliseconds(feed.updatedAt) else {
        report.unchanged += 1
        return
      }
      feed.title = record.title ?? feed.title
      feed.siteURL = record.siteURL ?? feed.siteURL
      feed.tags = record.tags
      feed.full = record.full
      feed.updatedAt = updatedAt
      feed.deletedAt = record.deleted ? updatedAt : nil
      try feed.update(db)
    } else {
      var feed = FeedRecord(
        url: record.url, tags: record.tags, full: record.full,
        now: SyncTime.date(record.createdAt))
      feed.title = record.title
      feed.siteURL = record.siteURL
      feed.updatedAt = updatedAt
      feed.deletedAt = record.deleted ? updatedAt : nil
      try feed.insert(db)
    }
    report.applied += 1
  }
}
