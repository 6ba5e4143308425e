import Foundation
import GRDB
import LeggioModel

extension Library {
  /// Stores an imported article in one transaction: the article, its text version, its
  /// tags and (by `SearchIndex`'s triggers) its full-text row, or nothing at all. A new
  /// long text (a book) is queued for the index instead (`SearchIndex.queueNewRow`).
  ///
  /// Identity is the normalised source (URL or absolute path), else the content hash.
  /// The same source with the same content is `.unchanged`; with other content it is
  /// `.updated` (a new version; old versions are kept). The same content from another
  /// source is `.unchanged` too (its tags join the article's) when its metadata is the same
  /// as well; with another title, byline, date or other metadata it is an article of its
  /// own. A web page's `originalHTML` is kept with the text
  /// version it produced (see `originalHTML(of:)`).
  /// `addedAt` is when the article joined the library (now, or the date an export gives).
  @discardableResult
  public func add(_ imported: ImportedArticle, tags: [String] = [], addedAt: Date = Date()) throws
    -> AddOutcome
  {
    try add(imported, tags: tags, addedAt: addedAt, prepared: nil)
  }

  /// `add`, with the digest of `imported.document` that `prepared` began
  /// (`PreparedDocument.begin`, on that same document).
  @discardableResult
  package func add(
    _ imported: ImportedArticle, tags: [String] = [], addedAt: Date = Date(),
    prepared: PreparedDocument?
  ) throws -> AddOutcome {
    assert(prepared.map { $0.document == imported.document } ?? true)
    let metadata = imported.metadata
    let text = prepared?.textDigest.text ?? CanonicalText(imported.document).text
    guard text.contains(where: { !$0.isWhitespace }) else {
      throw LibraryError.emptyArticle(source: metadata.source ?? metadata.title)
    }
    let tags = try (metadata.tags + tags).map(Self.cleanTag)
    // The library's dictionary, once it holds enough documents (`DocumentDictionary`).
    defer { trainDocumentDictionaryIfDue() }
    // A long text's JSON and compression go on on another thread (see `ArticleDigest`).
    let digest =
      prepared.map(ArticleDigest.init(prepared:))
      ?? ArticleDigest(
        document: imported.document, text: text, dictionary: compressionDictionary())
    let (hash, words) = (digest.hash, digest.words)
    let sourceKey = SourceIdentity.key(for: metadata.source)
    let identity = sourceKey ?? "sha256:" + hash
    let columns = ArticleColumns(metadata)
    // A book's commit is synced and its log left for a later close (`beginDurableWrite`).
    if digest.isConcurrent { try beginDurableWrite() }
    defer { if digest.isConcurrent { endDurableWrite() } }

    PhaseTrace.mark("store: write")
    defer { PhaseTrace.mark("store: written") }
    return try writer.write { db in
      let now = addedAt
      if let row = try Row.fetchOne(
        db, sql: "SELECT * FROM article WHERE identity = ?", arguments: [identity])
      {
        let id: Int64 = row["id"]
        let uuid: String = row["uuid"]
        let wasRemoved = row["deletedAt"] as Date? != nil
        let current = try Row.fetchOne(
          db,
          sql: """
            SELECT uuid, document FROM article_version WHERE articleId = ? AND deletedAt IS NULL
            ORDER BY createdAt DESC, rowid DESC LIMIT 1
            """, arguments: [id])
        let currentDocument = try current.flatMap {
          try StoredDocument.json(from: $0["document"], db: db)
        }
        let textChanged = row["contentHash"] != hash || currentDocument != digest.documentJSON
        let metadataChanged = !columns.matches(row)
        var versionUUID: String? = current?["uuid"]
        if textChanged {
          versionUUID = try Self.insertVersion(
            db, articleUUID: uuid, stored: digest.storedDocument, hash: hash, words: words,
            now: now)
          // Annotations follow the text to its new version, in this same transaction.
          try AnnotationStore.reanchorAll(db, articleUUID: uuid, newText: text, newHash: hash)
        }
        if let html = imported.originalHTML, let versionUUID {
          try OriginalPage.store(db, html: html, versionUUID: versionUUID, now: now)
        }
        if let contents = imported.contents, let versionUUID {
          try BookContentsRecord.store(db, contents: contents, versionUUID: versionUUID, now: now)
        }
        try Self.keepImages(db, imported.images, articleUUID: uuid, now: now)
        if textChanged || metadataChanged || wasRemoved {
          var arguments = columns.arguments
          _ = arguments.append(contentsOf: [hash, words, now, id])
          try db.execute(
            sql: "UPDATE article SET \(ArticleColumns.assignments), contentHash = ?, words = ?, "
              + "updatedAt = ?, deletedAt = NULL WHERE id = ?",
            arguments: arguments)
        }
        try Self.link(db, articleUUID: uuid, tags: tags, now: now)
        if wasRemoved { return .added(id) }
        return textChanged || metadataChanged ? .updated(id) : .unchanged(id)
      }
      // The same text from another source is the same article only when its metadata is
      // the same too; a different title, byline or date makes it an article of its own.
      let sameText = try Row.fetchAll(
        db,
        sql: "SELECT * FROM article WHERE \(NarrowIndexes.hashMatch("contentHash")) "
          + "AND deletedAt IS NULL",
        arguments: [hash])
      if let row = sameText.first(where: columns.matchesApartFromSource) {
        try Self.link(db, articleUUID: row["uuid"], tags: tags, now: now)
        return .unchanged(row["id"])
      }
      let uuid = UUIDv7.string(at: now)
      var arguments: StatementArguments = [uuid, identity]
      _ = arguments.append(contentsOf: columns.arguments)
      _ = arguments.append(contentsOf: [hash, words, now, now])
      // A long text (a book) is queued for the search index, which the next search or
      // the reader catches up on, as a feed update's articles are (`SearchIndex`).
      let queuesForSearch = digest.isConcurrent
      if queuesForSearch { try SearchIndex.deferRowIndexing(db) }
      try db.execute(sql: ArticleSQL.insertArticle, arguments: arguments)
      let id = db.lastInsertedRowID
      let versionUUID = try Self.insertVersion(
        db, articleUUID: uuid, stored: digest.storedDocument, hash: hash, words: words,
        now: now)
      if queuesForSearch { try SearchIndex.queueNewRow(id, db) }
      if let html = imported.originalHTML {
        try OriginalPage.store(db, html: html, versionUUID: versionUUID, now: now)
      }
      if let contents = imported.contents {
        try BookContentsRecord.store(db, contents: contents, versionUUID: versionUUID, now: now)
      }
      try Self.keepImages(db, imported.images, articleUUID: uuid, now: now)
      try Self.link(db, articleUUID: uuid, tags: tags, now: now)
      return .added(id)
    }
  }

  /// Inserts a text version (`stored`: its text and document JSON compressed, as
  /// `StoredDocument` makes them) and returns its UUID.
  @discardableResult
  static func insertVersion(
    _ db: Database, articleUUID: String, stored: Data, hash: String, words: Int, now: Date
  ) throws -> String {
    let uuid = UUIDv7.string(at: now)
    try db.execute(
      sql: ArticleSQL.insertVersion,
      arguments: [uuid, articleUUID, stored, "", hash, words, now])
    return uuid
  }

  /// A document as the library stores it: `JSONEncoder`'s sorted keys and unescaped
  /// slashes, written by `DocumentJSON` (the same bytes, several times faster).
  static func encode(_ document: Document) throws -> String {
    DocumentJSON.encode(document)
  }

  /// The same JSON as `JSONEncoder` writes it, for checking `DocumentJSON` against it.
  static func encodeWithFoundation(_ document: Document) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(document), as: UTF8.self)
  }

  /// A stored document: read by `DocumentJSONDecoder`, else by `JSONDecoder`.
  static func decode(_ json: String) throws -> Document {
    if let document = DocumentJSONDecoder.decode(json) { return document }
    return try JSONDecoder().decode(Document.self, from: Data(json.utf8))
  }
}

/// The metadata columns of the `article` table, in one place for inserts, updates and
/// comparisons.
struct ArticleColumns {
  static let names = [
    "title", "sortTitle", "kicker", "standfirst", "byline", "published", "dateline",
    "imageCredit", "language", "source", "siteName",
  ]
  static var assignments: String { names.map { "\($0) = ?" }.joined(separator: ", ") }

  let values: [DatabaseValue]

  init(_ metadata: ArticleMetadata) {
    values = [
      metadata.title.databaseValue, Self.sortKey(metadata.title).databaseValue,
      metadata.kicker.databaseValue, metadata.standfirst.databaseValue,
      metadata.byline.databaseValue, DatabaseDate.value(metadata.published),
      metadata.dateline.databaseValue, metadata.imageCredit.databaseValue,
      metadata.language.databaseValue, metadata.source.databaseValue,
      metadata.siteName.databaseValue,
    ]
  }

  var arguments: StatementArguments { StatementArguments(values) }

  /// Whether `row` already holds these values.
  func matches(_ row: Row) -> Bool {
    zip(Self.names, values).allSatisfy { name, value in row[name] as DatabaseValue == value }
  }

  /// Whether `row` holds these values, wherever each copy came from: the test for one
  /// text saved twice under two names.
  func matchesApartFromSource(_ row: Row) -> Bool {
    zip(Self.names, values).allSatisfy { name, value in
      name == "source" || row[name] as DatabaseValue == value
    }
  }

  /// The title folded for sorting: case and accents ignored, leading punctuation skipped.
  static func sortKey(_ title: String) -> String {
    let folded = latinFolded(title) ?? foldedByFoundation(title)
    // Most titles start with a letter or digit: nothing to skip.
    if let first = folded.utf8.first, first < 0x80,
      Character(Unicode.Scalar(first)).isLetter
        || Character(Unicode.Scalar(first)).isNumber
    {
      return folded
    }
    return String(folded.drop { !$0.isLetter && !$0.isNumber })
  }

  static func foldedByFoundation(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
  }

  /// Folding is the same scalar by scalar for text in ASCII, Latin-1 and Latin Extended
  /// (no combining marks there to merge), so such titles are folded from a table built
  /// once with Foundation, which is slow to call for every title of a large feed. Nil
  /// for any other text.
  static func latinFolded(_ text: String) -> String? {
    var folded: [UInt8] = []
    folded.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x41...0x5A: folded.append(UInt8(scalar.value + 0x20))
      case 0..<0x80: folded.append(UInt8(scalar.value))
      case 0x80..<0x250: folded += latinFolds[Int(scalar.value - 0x80)]
      default: return nil
      }
    }
    return String(decoding: folded, as: UTF8.self)
  }

  private static let latinFolds: [[UInt8]] = (0x80..<0x250).map {
    Array(foldedByFoundation(String(Unicode.Scalar($0)!)).utf8)
  }
}
