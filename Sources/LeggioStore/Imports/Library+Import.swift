import Foundation
import GRDB
import LeggioModel

extension Library {
  /// Imports the entries of another service's export, each on its own: one that fails
  /// is reported in its result and the others are still imported. Results are in the
  /// order of `entries`.
  ///
  /// Entries are deduplicated by normalised URL within the list and against the library.
  /// An entry with text becomes an article through `add`; one with only an address
  /// becomes a pending article (title, URL, tags, no text) queued for `fetchPending`;
  /// those are all stored in one transaction (see `importAddressOnly`).
  /// An article already here gains the entry's tags, starred and archived state, saved
  /// date, folder and highlights; nothing is ever taken away, so importing the same
  /// export twice changes nothing the second time.
  public func importEntries(_ entries: [ImportEntry]) -> [Result<ImportOutcome, any Error>] {
    var results = [Result<ImportOutcome, any Error>?](repeating: nil, count: entries.count)
    var firstOfKey: [String: Int] = [:]
    var merged: [Int: ImportEntry] = [:]
    var duplicates: [(index: Int, first: Int)] = []
    for (index, entry) in entries.enumerated() {
      guard let key = SourceIdentity.key(for: entry.url), entry.url.contains("://") else {
        results[index] = .failure(ImportEntryError.noAddress(entry.url))
        continue
      }
      let scheme = entry.url.prefix { $0 != ":" }.lowercased()
      guard entry.article != nil || scheme == "http" || scheme == "https" else {
        results[index] = .failure(ImportEntryError.notFetchable(entry.url))
        continue
      }
      if let first = firstOfKey[key] {
        merged[first]?.absorb(entry)
        duplicates.append((index, first))
      } else {
        firstOfKey[key] = index
        merged[index] = entry
      }
    }
    var addressOnly: [AddressOnlyEntry] = []
    for (key, index) in firstOfKey.sorted(by: { $0.value < $1.value }) {
      let entry = merged[index]!
      if entry.article != nil {
        do {
          results[index] = .success(try importWithText(entry))
        } catch LibraryError.emptyArticle {
          // The export's copy holds no text: the page will be fetched instead.
          merged[index]!.article = nil
          addressOnly.append(AddressOnlyEntry(index: index, entry: merged[index]!, key: key))
        } catch {
          results[index] = .failure(error)
        }
      } else {
        addressOnly.append(AddressOnlyEntry(index: index, entry: entry, key: key))
      }
    }
    for (item, result) in zip(addressOnly, importAddressOnly(addressOnly)) {
      results[item.index] = result
    }
    for (index, first) in duplicates {
      results[index] = results[first].map { result in
        result.map { outcome in
          if case .alreadyThere(let id) = outcome { return .alreadyThere(id) }
          return .merged(outcome.id)
        }
      }
    }
    return results.map { $0 ?? .failure(ImportEntryError.noAddress("")) }
  }

  /// An entry with text: stored by `add` (a new version if the library had other text,
  /// the text of a pending article), then its state and highlights.
  func importWithText(_ entry: ImportEntry) throws -> ImportOutcome {
    var article = entry.article!
    article.metadata.source = entry.url
    if let title = entry.title { article.metadata.title = title }
    article.metadata.byline = article.metadata.byline ?? entry.byline
    article.metadata.published = article.metadata.published ?? entry.published
    let outcome = try add(article, tags: entry.tags.compactMap { try? Self.cleanTag($0) })
    let changed = try writer.write { db -> Bool in
      guard
        let uuid = try String.fetchOne(
          db, sql: "SELECT uuid FROM article WHERE id = ?", arguments: [outcome.id])
      else { return false }
      try db.execute(sql: "DELETE FROM fetch_queue WHERE articleUUID = ?", arguments: [uuid])
      let stateChanged = try Self.applyState(db, uuid: uuid, entry, tagsLinked: true)
      let placed = try Self.addHighlights(db, uuid: uuid, entry.highlights)
      return stateChanged || placed > 0
    }
    switch outcome {
    case .added(let id): return .added(id)
    case .updated(let id): return .merged(id)
    case .unchanged(let id): return changed ? .merged(id) : .alreadyThere(id)
    }
  }

  /// Adds what `entry` says to the article: tags, starred, archived (which marks it
  /// read), saved date and folder. Takes nothing away. Whether anything changed.
  static func applyState(_ db: Database, uuid: String, _ entry: ImportEntry, tagsLinked: Bool)
    throws -> Bool
  {
    var changed = false
    if !tagsLinked, !entry.tags.isEmpty {
      let count = """
        SELECT COUNT(*) FROM article_tag
        WHERE articleId = \(TagLinkArticleIDs.articleID) AND deletedAt IS NULL
        """
      let before = try Int.fetchOne(db, sql: count, arguments: [uuid]) ?? 0
      try link(
        db, articleUUID: uuid, tags: entry.tags.compactMap { try? cleanTag($0) }, now: Date())
      changed = try Int.fetchOne(db, sql: count, arguments: [uuid]) ?? 0 != before
    }
    let savedAt = DatabaseDate.value(entry.savedAt)
    try db.execute(
      sql: """
        UPDATE article SET
          starred = starred OR ?1, archived = archived OR ?2,
          readAt = CASE WHEN ?2 AND readAt IS NULL THEN COALESCE(?3, ?5) ELSE readAt END,
          savedAt = COALESCE(savedAt, ?3), folder = COALESCE(folder, ?4)
        WHERE uuid = ?6 AND ((?1 AND NOT starred) OR (?2 AND NOT archived)
          OR (savedAt IS NULL AND ?3 IS NOT NULL) OR (folder IS NULL AND ?4 IS NOT NULL))
        """,
      arguments: [entry.isStarred, entry.isArchived, savedAt, entry.folder, Date(), uuid])
    return changed || db.changesCount > 0
  }

  /// Adds the highlights the article does not have yet (same quote and note, even
  /// deleted: a highlight deleted here stays deleted), each placed on its quote in the
  /// current text, or kept orphaned with its quote when the text has no such passage or
  /// is not fetched yet. How many were added.
  static func addHighlights(_ db: Database, uuid: String, _ highlights: [ImportHighlight])
    throws -> Int
  {
    guard !highlights.isEmpty else { return 0 }
    let current = try Row.fetchOne(
      db,
      sql: """
        SELECT leggio_text(v.document, v.text) AS text, a.contentHash FROM article a JOIN article_version v
          ON v.articleId = a.id AND v.contentHash = a.contentHash AND v.deletedAt IS NULL
        WHERE a.uuid = ? ORDER BY v.createdAt DESC, v.rowid DESC LIMIT 1
        """, arguments: [uuid])
    let reanchorer = current.map { Reanchorer(text: $0["text"] as String, textHash: $0[1]) }
    var added = 0
    for highlight in highlights {
      let quote = highlight.quote.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !quote.isEmpty else { continue }
      let known = try Bool.fetchOne(
        db,
        sql: "SELECT 1 FROM annotation WHERE articleUUID = ? AND quote = ? AND note = ?",
        arguments: [uuid, quote, highlight.note])
      if known == true { continue }
      let unplaced = TextAnchor(start: 0, end: 0, quote: quote, textHash: "")
      let placed = reanchorer.flatMap { $0.anchor(unplaced, at: $0.place(unplaced)) }
      let now = highlight.createdAt ?? Date()
      var annotation = Annotation(
        uuid: UUIDv7.string(), articleUUID: uuid, kind: highlight.note.isEmpty ? .highlight : .note,
        anchor: placed ?? unplaced, note: highlight.note, color: highlight.color ?? .first,
        isOrphaned: placed == nil, createdAt: now)
      try annotation.insert(db)
      added += 1
    }
    return added
  }
}

extension ImportEntry {
  /// Takes in a later entry for the same address: its tags, state and highlights, and
  /// its text and title when this one has none.
  mutating func absorb(_ other: ImportEntry) {
    var seen = Set(tags.map { $0.lowercased() })
    tags += other.tags.filter { seen.insert($0.lowercased()).inserted }
    isArchived = isArchived || other.isArchived
    isStarred = isStarred || other.isStarred
    title = title ?? other.title
    byline = byline ?? other.byline
    published = published ?? other.published
    savedAt = savedAt ?? other.savedAt
    folder = folder ?? other.folder
    article = article ?? other.article
    highlights += other.highlights.filter { !highlights.contains($0) }
  }
}

extension Library {
  /// The live articles titled `title` (case ignored) and, when both are known, by
  /// `byline`: where highlights that name their article only by title belong.
  public func articleIDs(titled title: String, byline: String?) throws -> [Int64] {
    try writer.read { db in
      let rows = try Row.fetchAll(
        db,
        sql: "SELECT id, byline FROM article WHERE title = ? COLLATE NOCASE AND deletedAt IS NULL",
        arguments: [title])
      return rows.filter { row in
        guard let byline, let stored = row["byline"] as String? else { return true }
        return stored.caseInsensitiveCompare(byline) == .orderedSame
      }.map { $0["id"] }
    }
  }

  /// Adds highlights to article `id` as an import does: placed on their quotes, those
  /// it already has skipped. How many were added.
  @discardableResult
  public func importHighlights(_ highlights: [ImportHighlight], toArticle id: Int64) throws -> Int {
    try writer.write { db in
      try Self.addHighlights(db, uuid: try Self.liveUUID(db, id: id), highlights)
    }
  }
}
