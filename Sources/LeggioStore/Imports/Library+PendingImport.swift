import Foundation
import GRDB
import LeggioModel

/// One entry with only an address, its identity key, and where it is in the export.
struct AddressOnlyEntry {
  var index: Int
  var entry: ImportEntry
  var key: String
}

extension Library {
  /// Stores the entries that have only an address, all in one write transaction: the
  /// addresses already in the library are found with one query, the new articles are
  /// inserted with statements prepared once. If any entry fails, the transaction is
  /// rolled back and the batch stored again with each entry in its own savepoint, so
  /// that one alone is reported and the others are still imported. Results in the order
  /// of `items`.
  func importAddressOnly(_ items: [AddressOnlyEntry]) -> [Result<ImportOutcome, any Error>] {
    guard !items.isEmpty else { return [] }
    do {
      let outcomes = try writer.writeWithoutTransaction { db in
        // Each statement that fires triggers keeps the pages it changes in a statement
        // journal, a temporary file once past 64 KiB (four of our 16 KiB pages): 10,000
        // rows made half a million small writes to it. In memory it costs nothing.
        try db.execute(sql: "PRAGMA temp_store = MEMORY")
        var outcomes: [ImportOutcome] = []
        try db.inTransaction {
          // A 10,000-row export writes a few MB: keep them in memory until the commit.
          try db.execute(sql: "PRAGMA cache_size = -32768")
          var batch = AddressOnlyBatch(db)
          outcomes = try batch.store(items)
          return .commit
        }
        return outcomes
      }
      return outcomes.map { .success($0) }
    } catch {
      // Some entry failed and the whole batch was rolled back: store each on its own.
    }
    do {
      return try writer.write { db in
        items.map { item in
          Result {
            var outcome: ImportOutcome?
            try db.inSavepoint {
              var batch = AddressOnlyBatch(db)
              outcome = try batch.store([item]).first
              return .commit
            }
            return outcome!
          }
        }
      }
    } catch {
      return items.map { _ in .failure(error) }
    }
  }
}

/// The statements of one batch of address-only entries, prepared once for the batch.
struct AddressOnlyBatch {
  let db: Database
  let now = Date()
  let stamp: DatabaseValue
  /// Cleaned tags by their spelling in the export: exports repeat a few tags thousands
  /// of times.
  private var cleanedTags: [String: String?] = [:]

  init(_ db: Database) {
    self.db = db
    stamp = DatabaseDate.value(now)
  }

  /// What the library already has at an address.
  struct Existing {
    var id: Int64
    var uuid: String
    var isRemoved: Bool
    var isStarred: Bool
    var isArchived: Bool
    var hasSavedAt: Bool
    var hasFolder: Bool
    /// Its live tags, ASCII case folded as SQLite's NOCASE folds them.
    var tags: Set<String>
  }

  /// Stores `items`: merged into the articles already at their addresses, else added as
  /// new pending articles. The new ones are written by one statement per table over a
  /// JSON array of them: SQLite keeps a journal of the pages a statement changes (and
  /// makes the full-text index flush its terms) for every statement that fires triggers,
  /// which row by row was nine 16 KiB pages copied per article.
  mutating func store(_ items: [AddressOnlyEntry]) throws -> [ImportOutcome] {
    let existing = try find(Set(items.map(\.key)))
    var outcomes = [ImportOutcome?](repeating: nil, count: items.count)
    // The new articles and their tags as JSON arrays of rows, written by hand: Foundation's
    // encoder took a tenth of a 10,000-row import.
    var articles = JSONRows()
    var tags = JSONRows()
    var highlighted: [(position: Int, uuid: String, highlights: [ImportHighlight])] = []
    var positions: [Int] = []
    for (position, item) in items.enumerated() {
      let entry = item.entry
      let cleanTags = cleaned(entry.tags)
      if let found = existing[item.key] {
        outcomes[position] = try merge(entry, tags: cleanTags, into: found)
        continue
      }
      let uuid = UUIDv7.string(at: now)
      let title = entry.title.flatMap { $0.isEmpty ? nil : $0 } ?? entry.url
      let savedAt = Self.text(entry.savedAt)
      articles.append([
        uuid, item.key, title, ArticleColumns.sortKey(title), entry.byline,
        Self.text(entry.published), entry.url, entry.isStarred ? "1" : "0",
        entry.isArchived ? "1" : "0", savedAt, entry.folder,
        entry.isArchived ? (savedAt ?? Self.text(now)) : nil,
      ])
      positions.append(position)
      var linked = Set<String>()
      for tag in cleanTags where linked.insert(Self.nocase(tag)).inserted {
        tags.append([uuid, tag])
      }
      if !entry.highlights.isEmpty { highlighted.append((position, uuid, entry.highlights)) }
    }
    guard !positions.isEmpty else { return outcomes.map { $0! } }
    let list = articles.text
    try db.execute(
      sql: """
        INSERT INTO article (uuid, identity, title, sortTitle, byline, published, source,
          contentHash, words, createdAt, updatedAt, starred, archived, savedAt, folder, readAt)
        SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6,
          '', 0, ?1, ?1, value->>7, value->>8, value->>9, value->>10, value->>11
        FROM json_each(?2) ORDER BY key
        """, arguments: [stamp, list])
    let ids = try Int64.fetchAll(
      db,
      sql: """
        SELECT a.id FROM json_each(?) j JOIN article a ON a.uuid = j.value->>0
        ORDER BY j.key
        """, arguments: [list])
    guard ids.count == positions.count else { throw LibraryError.noSuchArticles(ids: ids) }
    try db.execute(
      sql: """
        INSERT INTO fetch_queue (articleUUID, url, createdAt)
        SELECT value->>0, value->>6, ?1 FROM json_each(?2) ORDER BY key
        """, arguments: [stamp, list])
    if !tags.isEmpty {
      try db.execute(
        sql: """
          INSERT INTO article_tag (articleId, tag, createdAt, updatedAt)
          SELECT (SELECT id FROM article WHERE uuid = value->>0), value->>1, ?1, ?1
          FROM json_each(?2) ORDER BY key
          """,
        arguments: [stamp, tags.text])
    }
    for (position, id) in zip(positions, ids) { outcomes[position] = .pending(id) }
    for item in highlighted {
      _ = try Library.addHighlights(db, uuid: item.uuid, item.highlights)
    }
    return outcomes.map { $0! }
  }

  /// A date as the library stores it.
  static func text(_ date: Date?) -> String? {
    String.fromDatabaseValue(DatabaseDate.value(date))
  }

  /// The articles at `keys`, found with one query however many there are.
  func find(_ keys: Set<String>) throws -> [String: Existing] {
    let list = String(decoding: try JSONEncoder().encode(Array(keys)), as: UTF8.self)
    var found: [String: Existing] = [:]
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT identity, id, uuid, deletedAt IS NOT NULL, starred, archived,
          savedAt IS NOT NULL, folder IS NOT NULL
        FROM article WHERE identity IN (SELECT value FROM json_each(?))
        """, arguments: [list])
    while let row = try rows.next() {
      found[row[0]] = Existing(
        id: row[1], uuid: row[2], isRemoved: row[3], isStarred: row[4], isArchived: row[5],
        hasSavedAt: row[6], hasFolder: row[7], tags: [])
    }
    guard !found.isEmpty else { return found }
    var byUUID = Dictionary(uniqueKeysWithValues: found.map { ($0.value.uuid, $0.key) })
    let uuids = String(decoding: try JSONEncoder().encode(Array(byUUID.keys)), as: UTF8.self)
    let tags = try Row.fetchCursor(
      db,
      sql: """
        SELECT a.uuid, t.tag FROM article_tag t JOIN article a ON a.id = t.articleId
        WHERE t.deletedAt IS NULL AND a.uuid IN (SELECT value FROM json_each(?))
        """, arguments: [uuids])
    while let row = try tags.next() {
      if let key = byUUID[row[0]] { found[key]?.tags.insert(Self.nocase(row[1])) }
    }
    byUUID.removeAll()
    return found
  }

  /// Adds what `entry` says to an article already here; what it has already is not
  /// written again, so importing the same export twice writes nothing.
  func merge(_ entry: ImportEntry, tags: [String], into found: Existing) throws -> ImportOutcome {
    var changed = false
    if found.isRemoved {
      try db.execute(
        sql: "UPDATE article SET deletedAt = NULL, updatedAt = ? WHERE id = ?",
        arguments: [stamp, found.id])
      // Removing it took it out of the search index; `SearchIndex`'s triggers put it back.
      changed = true
    }
    let missing = tags.filter { !found.tags.contains(Self.nocase($0)) }
    if !missing.isEmpty {
      try Library.link(db, articleUUID: found.uuid, tags: missing, now: now)
      changed = true
    }
    let stateChanges =
      (entry.isStarred && !found.isStarred) || (entry.isArchived && !found.isArchived)
      || (entry.savedAt != nil && !found.hasSavedAt) || (entry.folder != nil && !found.hasFolder)
    if stateChanges {
      var state = entry
      state.tags = []
      changed = try Library.applyState(db, uuid: found.uuid, state, tagsLinked: true) || changed
    }
    changed = try Library.addHighlights(db, uuid: found.uuid, entry.highlights) > 0 || changed
    return changed ? .merged(found.id) : .alreadyThere(found.id)
  }

  /// The tags as stored, those that clean to nothing dropped.
  mutating func cleaned(_ tags: [String]) -> [String] {
    tags.compactMap { tag in
      if let known = cleanedTags[tag] { return known }
      let clean = try? Library.cleanTag(tag)
      cleanedTags.updateValue(clean, forKey: tag)
      return clean
    }
  }

  /// A tag folded as SQLite's NOCASE folds it: ASCII letters only.
  static func nocase(_ tag: String) -> String {
    String(
      decoding: tag.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
  }
}

/// A JSON array of rows of strings (or nulls), for SQLite's `json_each`.
struct JSONRows {
  private var bytes: [UInt8] = [UInt8(ascii: "[")]

  var isEmpty: Bool { bytes.count == 1 }

  mutating func append(_ row: [String?]) {
    if !isEmpty { bytes.append(UInt8(ascii: ",")) }
    bytes.append(UInt8(ascii: "["))
    for (index, value) in row.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      guard let value else {
        bytes += "null".utf8
        continue
      }
      bytes.append(UInt8(ascii: "\""))
      for byte in value.utf8 {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
          bytes += [UInt8(ascii: "\\"), byte]
        case 0..<0x20:
          let hex = Array("0123456789abcdef".utf8)
          bytes += [
            UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)],
            hex[Int(byte & 15)],
          ]
        default:
          bytes.append(byte)
        }
      }
      bytes.append(UInt8(ascii: "\""))
    }
    bytes.append(UInt8(ascii: "]"))
  }

  var text: String { String(decoding: bytes + [UInt8(ascii: "]")], as: UTF8.self) }
}
