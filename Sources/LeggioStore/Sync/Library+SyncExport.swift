import Foundation
import GRDB
import LeggioModel

extension Library {
  /// The records changed since the last export (all of them the first time), with the
  /// bodies of their versions. Nothing is marked exported until `markExported`.
  package func syncChanges() throws -> SyncChanges {
    // Before the first export every record counts (`SyncChangeTracking`); from here on
    // the triggers record what changes while the files are written.
    let everything = try writer.write { db -> Bool in
      guard try SyncChangeTracking.allChanged(db) else { return false }
      try SyncChangeTracking.startFullExport(db)
      return true
    }
    return try writer.read { db in
      var changes = SyncChanges()
      changes.watermark = try Int64.fetchOne(db, sql: "SELECT MAX(rowid) FROM sync_dirty") ?? 0
      let rows =
        try everything
        ? SyncChangeTracking.everyRecord(db)
        : Row.fetchAll(
          db, sql: "SELECT kind, key FROM sync_dirty WHERE rowid <= ?",
          arguments: [changes.watermark]
        ).map { ($0[0], $0[1]) }
      var keys: [SyncRecordKind: [String]] = [:]
      for (kind, key) in rows {
        guard let kind = SyncRecordKind(rawValue: kind) else { continue }
        keys[kind, default: []].append(key)
      }
      for uuid in keys[.article] ?? [] {
        if let article = try Self.syncArticle(db, uuid: uuid, device: deviceID, into: &changes) {
          changes.articles.append(article)
        }
      }
      for key in keys[.tag] ?? [] {
        if let id = Int64(key), let tag = try Self.syncTag(db, id: id, device: deviceID) {
          changes.tags.append(tag)
        }
      }
      for uuid in keys[.annotation] ?? [] {
        if let annotation = try Self.syncAnnotation(db, uuid: uuid, device: deviceID) {
          changes.annotations.append(annotation)
        }
      }
      for key in keys[.position] ?? [] {
        let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2,
          let position = try Self.syncPosition(db, articleUUID: parts[0], device: parts[1])
        else { continue }
        changes.positions.append(position)
      }
      for url in keys[.feed] ?? [] {
        if let feed = try Self.syncFeed(db, url: url, device: deviceID) {
          changes.feeds.append(feed)
        }
      }
      return changes
    }
  }

  /// Forgets the changes `syncChanges` returned with `watermark`: they are in the mirror.
  /// A record changed again since then keeps its newer row.
  package func markExported(through watermark: Int64) throws {
    try writer.write { db in
      try db.execute(sql: "DELETE FROM sync_dirty WHERE rowid <= ?", arguments: [watermark])
      try SyncChangeTracking.finishFullExport(db)
    }
  }

  /// How many records wait to be exported.
  package func pendingSyncChanges() throws -> Int {
    try writer.read { db in
      if try SyncChangeTracking.allChanged(db) {
        return try SyncChangeTracking.everyRecordCount(db)
      }
      return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sync_dirty") ?? 0
    }
  }

  /// A value this library keeps for sync (last sync, last imported commit...).
  package func syncState(_ key: String) throws -> String? {
    try writer.read { db in
      try String.fetchOne(db, sql: "SELECT value FROM sync_state WHERE key = ?", arguments: [key])
    }
  }

  package func setSyncState(_ key: String, _ value: String) throws {
    try writer.write { db in
      try db.execute(
        sql: "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)",
        arguments: [key, value])
    }
  }

  /// Names this device (`leggio sync` gives its host name); the name travels with its
  /// reading positions.
  package func nameDevice(_ name: String) throws {
    try writer.write { db in
      try db.execute(
        sql: """
          INSERT INTO sync_device (device, name) VALUES (?, ?)
          ON CONFLICT (device) DO UPDATE SET name = excluded.name WHERE name != excluded.name
          """, arguments: [deviceID, name])
    }
  }

  package func clearSyncState(_ key: String) throws {
    try writer.write { db in
      try db.execute(sql: "DELETE FROM sync_state WHERE key = ?", arguments: [key])
    }
  }

  static func milliseconds(_ date: Date?) -> Int64? { date.map(SyncTime.milliseconds) }

  static func syncArticle(
    _ db: Database, uuid: String, device: String, into changes: inout SyncChanges
  ) throws -> SyncArticle? {
    guard
      let row = try Row.fetchOne(
        db,
        sql: "SELECT *, \(DerivedGlobalIdentity.column("article")) AS syncIdentity "
          + "FROM article WHERE uuid = ?", arguments: [uuid]),
      let identity: String = row["syncIdentity"]
    else { return nil }
    var versions: [SyncArticle.Version] = []
    let versionRows = try Row.fetchAll(
      db,
      sql: """
        SELECT v.document, v.contentHash, v.createdAt, o.html FROM article_version v
        LEFT JOIN article_original o ON o.versionUUID = v.uuid
        WHERE v.articleId = \(VersionArticleIDs.articleID) AND v.deletedAt IS NULL
          ORDER BY v.createdAt, v.rowid
        """, arguments: [uuid])
    for version in versionRows {
      let document = Data((try StoredDocument.json(from: version["document"], db: db) ?? "").utf8)
      let body = SHA256.hex(bytes: document)
      changes.bodies[body] = document
      var original: String?
      if let html = version["html"] as Data? {
        let hash = SHA256.hex(bytes: html)
        changes.bodies[hash] = html
        original = hash
      }
      versions.append(
        .init(
          body: body, textHash: version["contentHash"],
          createdAt: SyncTime.milliseconds(version["createdAt"]), original: original))
    }
    let images = try Self.syncImages(db, articleUUID: uuid)
    changes.pictures.formUnion(images.values)
    return SyncArticle(
      identity: identity, title: row["title"], kicker: row["kicker"],
      standfirst: row["standfirst"], byline: row["byline"],
      published: milliseconds(row["published"]), dateline: row["dateline"],
      imageCredit: row["imageCredit"], language: row["language"], source: row["source"],
      siteName: row["siteName"], versions: versions,
      createdAt: SyncTime.milliseconds(row["createdAt"]),
      updatedAt: SyncTime.milliseconds(row["updatedAt"]),
      deleted: row["deletedAt"] as Date? != nil, device: device, starred: row["starred"],
      archived: row["archived"], images: images.isEmpty ? nil : images)
  }

  static func syncTag(_ db: Database, id: Int64, device: String) throws -> SyncTag? {
    guard
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT t.*, \(DerivedGlobalIdentity.column("a")) AS syncIdentity FROM article_tag t
          JOIN article a ON a.id = t.articleId WHERE t.id = ?
          """, arguments: [id]),
      let identity: String = row["syncIdentity"]
    else { return nil }
    return SyncTag(
      article: identity, tag: row["tag"], createdAt: SyncTime.milliseconds(row["createdAt"]),
      updatedAt: SyncTime.milliseconds(row["updatedAt"]),
      deleted: row["deletedAt"] as Date? != nil, device: device)
  }

  static func syncAnnotation(_ db: Database, uuid: String, device: String) throws
    -> SyncAnnotation?
  {
    guard let annotation = try Annotation.filter(Annotation.Columns.uuid == uuid).fetchOne(db),
      let identity = try String.fetchOne(
        db,
        sql: "SELECT \(DerivedGlobalIdentity.column("article")) FROM article WHERE uuid = ?",
        arguments: [annotation.articleUUID])
    else { return nil }
    let anchor = annotation.anchor
    return SyncAnnotation(
      uuid: annotation.uuid, article: identity, kind: annotation.kind.rawValue,
      start: anchor.start, end: anchor.end, quote: anchor.quote, prefix: anchor.prefix,
      suffix: anchor.suffix, textHash: anchor.textHash, note: annotation.note,
      color: annotation.color?.rawValue, name: annotation.name, tags: annotation.tags,
      orphaned: annotation.isOrphaned, createdAt: SyncTime.milliseconds(annotation.createdAt),
      updatedAt: SyncTime.milliseconds(annotation.updatedAt),
      deleted: annotation.deletedAt != nil, device: device)
  }

  static func syncPosition(_ db: Database, articleUUID: String, device: String) throws
    -> SyncPosition?
  {
    guard
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT p."offset", p.progress, p.updatedAt,
            \(DerivedGlobalIdentity.column("a")) AS syncIdentity
          FROM reading_position p
          JOIN article a ON a.uuid = p.articleUUID WHERE p.articleUUID = ? AND p.device = ?
          """, arguments: [articleUUID, device]),
      let identity: String = row["syncIdentity"]
    else { return nil }
    return SyncPosition(
      article: identity, device: device, offset: row["offset"], progress: row["progress"],
      updatedAt: SyncTime.milliseconds(row["updatedAt"]),
      deviceName: try String.fetchOne(
        db, sql: "SELECT name FROM sync_device WHERE device = ?", arguments: [device]))
  }

  static func syncFeed(_ db: Database, url: String, device: String) throws -> SyncFeed? {
    guard let feed = try FeedRecord.filter(FeedRecord.Columns.url == url).fetchOne(db) else {
      return nil
    }
    return SyncFeed(
      url: feed.url, title: feed.title, siteURL: feed.siteURL, tags: feed.tags, full: feed.full,
      createdAt: SyncTime.milliseconds(feed.createdAt),
      updatedAt: SyncTime.milliseconds(feed.updatedAt), deleted: feed.deletedAt != nil,
      device: device)
  }
}
