import Foundation
import GRDB
import LeggioModel

/// What a `Library` knows of its compression dictionary: not looked for yet, the one it
/// found (nil: the library has none yet), or none because training failed, not to be
/// tried again before the library's versions reach a rowid (`DocumentDictionaryFailure`).
enum DocumentDictionaryState {
  case unknown
  case known(DocumentDictionary?)
  case untrainable(retryFrom: Int64)
}

extension Library {
  /// The dictionary new documents are compressed with (`DocumentDictionary`), nil while
  /// the library has none or libzstd is missing: they are then compressed with zlib.
  func compressionDictionary() -> DocumentDictionary? {
    switch documentDictionary.withLock({ $0 }) {
    case .known(let dictionary): return dictionary
    case .untrainable: return nil
    case .unknown: break
    }
    guard DocumentDictionary.isAvailable else { return nil }
    let found = (try? writer.read(DocumentDictionary.newest)) ?? nil
    documentDictionary.withLock { $0 = .known(found) }
    return found
  }

  /// After a write batch (a feed's items, an added article, a sync): a library without a
  /// dictionary that now holds `DocumentDictionary.minimumDocuments` documents gets one,
  /// trained on a sample of them, and compresses every later document with it. Training
  /// runs outside any transaction (about half a second); a dictionary another process
  /// stored meanwhile is taken instead. A library that cannot have one (no libzstd,
  /// read-only, an error) keeps zlib, as before. A training that fails on the library's
  /// documents is remembered in the library (`DocumentDictionaryFailure`): it is not
  /// tried again, after each batch or by the next process, before the library has
  /// doubled.
  func trainDocumentDictionaryIfDue() {
    guard !isReadOnly, DocumentDictionary.isAvailable, compressionDictionary() == nil else {
      return
    }
    do {
      let state = try writer.read { db in
        (
          dictionary: try DocumentDictionary.newest(db),
          lastVersion: try DocumentDictionaryFailure.lastVersion(db),
          retryFrom: try DocumentDictionaryFailure.retryFrom(db)
        )
      }
      // One another process (or this one's other `Library`) trained since it was looked for.
      if let stored = state.dictionary {
        documentDictionary.withLock { $0 = .known(stored) }
        return
      }
      if let retryFrom = state.retryFrom, state.lastVersion < retryFrom {
        documentDictionary.withLock { $0 = .untrainable(retryFrom: retryFrom) }
        return
      }
      guard let samples = try writer.read(Self.dictionarySamples) else { return }
      guard let bytes = DocumentDictionary.train(samples: samples.bytes, sizes: samples.sizes),
        let trained = DocumentDictionary(bytes: bytes)
      else {
        let retryFrom = try writer.write { db in
          try DocumentDictionaryFailure.record(db, lastVersion: state.lastVersion)
        }
        documentDictionary.withLock { $0 = .untrainable(retryFrom: retryFrom) }
        return
      }
      let adopted = try writer.write { db -> DocumentDictionary? in
        if let stored = try DocumentDictionary.newest(db) { return stored }
        try DocumentDictionaryFailure.clear(db)
        try db.execute(
          sql: "INSERT OR IGNORE INTO document_dictionary (id, bytes, createdAt) VALUES (?, ?, ?)",
          arguments: [Int64(trained.id), trained.bytes, DatabaseDate.value(Date())])
        return trained
      }
      documentDictionary.withLock { $0 = .known(adopted) }
    } catch {
      // A dictionary only makes documents smaller: without one they stay zlib's.
    }
  }

  /// Payloads of a random sample of the library's documents, laid end to end with their
  /// sizes; nil when it has a dictionary already or too few documents, none when fewer
  /// than half of those drawn read (training on them then fails, and is remembered). Each
  /// is cut to its first 16 KB: books would otherwise weigh more than all the rest, and
  /// training time grows with the bytes.
  private static func dictionarySamples(_ db: Database) throws -> (bytes: [UInt8], sizes: [Int])? {
    guard try DocumentDictionary.newest(db) == nil else { return nil }
    let count =
      try Int.fetchOne(
        db,
        sql: "SELECT COUNT(*) FROM (SELECT 1 FROM article_version LIMIT ?)",
        arguments: [DocumentDictionary.minimumDocuments]) ?? 0
    guard count >= DocumentDictionary.minimumDocuments else { return nil }
    let documents = try DatabaseValue.fetchCursor(
      db,
      sql: """
        SELECT document FROM article_version WHERE rowid IN
          (SELECT rowid FROM article_version ORDER BY random() LIMIT ?)
        """, arguments: [DocumentDictionary.sampleCount])
    var bytes: [UInt8] = []
    var sizes: [Int] = []
    let cut = 16 * 1024
    while let value = try documents.next() {
      let before = bytes.count
      switch value.storage {
      case .string(let json): bytes.append(contentsOf: json.utf8.prefix(cut))
      case .blob(let data):
        guard let payload = try? StoredDocument.payload(data) else { continue }
        bytes.append(contentsOf: payload.prefix(cut))
      default: continue
      }
      sizes.append(bytes.count - before)
    }
    return sizes.count >= DocumentDictionary.minimumDocuments / 2 ? (bytes, sizes) : ([], [])
  }

  /// Compresses every document not yet in the dictionary's form with it (`leggio vacuum`),
  /// training the dictionary first if the library is due one. Each document reads back
  /// byte for byte as before: its payload is inflated and compressed again as it is.
  /// Documents in JSON as TEXT, or whose payload is a book's, are left as they are.
  /// Returns how many were recompressed.
  func recompressDocuments() throws -> Int {
    trainDocumentDictionaryIfDue()
    guard let dictionary = compressionDictionary() else { return 0 }
    // Documents of an older dictionary are read with it.
    _ = try writer.read { DocumentDictionary.learnAll($0) }
    var last: Int64 = 0
    var recompressed = 0
    while true {
      let rows = try writer.read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT rowid, document FROM article_version WHERE rowid > ? ORDER BY rowid LIMIT 5000
            """, arguments: [last]
        ).map { (rowid: $0[0] as Int64, document: $0[1] as DatabaseValue) }
      }
      guard let end = rows.last else { break }
      last = end.rowid
      let pending = rows.compactMap { row -> (rowid: Int64, data: Data)? in
        guard case .blob(let data) = row.document.storage, !dictionary.madeThis(data) else {
          return nil
        }
        return (row.rowid, data)
      }
      let updates = ConcurrentSlices.map(pending, minimumSliceLength: 128) { slice in
        slice.compactMap { row -> (rowid: Int64, data: Data)? in
          // A document that does not read is left exactly as it is.
          guard let payload = try? StoredDocument.payload(row.data),
            let stored = StoredDocument.recompress(payload: payload, dictionary: dictionary)
          else { return nil }
          return (row.rowid, stored)
        }
      }.flatMap { $0 }
      guard !updates.isEmpty else { continue }
      try writer.write { db in
        try Self.withoutVersionTriggers(db) {
          let update = try db.makeStatement(
            sql: "UPDATE article_version SET document = ? WHERE rowid = ?")
          for row in updates { try update.execute(arguments: [row.data, row.rowid]) }
        }
      }
      recompressed += updates.count
    }
    return recompressed
  }

  /// Runs `body` with `article_version`'s triggers dropped, in the caller's transaction:
  /// a document compressed again is no change of its text, which neither the search
  /// index nor sync may see as one. They are put back as they were.
  static func withoutVersionTriggers(_ db: Database, _ body: () throws -> Void) throws {
    let saved = try Row.fetchAll(
      db,
      sql: """
        SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'article_version'
        """)
    for trigger in saved { try db.execute(sql: "DROP TRIGGER \(trigger["name"] as String)") }
    try body()
    for trigger in saved { try db.execute(sql: trigger["sql"] as String) }
  }
}
