import Foundation
import GRDB
import LeggioModel
import Testing

@testable import LeggioStore
import LeggioTestSupport

/// Documents compressed with zstd and a dictionary trained on the library's own documents
/// (issue 17), with real libzstd; every older form still reads.
@Suite struct DocumentDictionaryTests {
  static let words = [
    "lago", "Como", "ramo", "mezzogiorno", "catene", "monti", "seni", "golfi", "sporgere",
    "rientrare", "quelli", "ristringersi", "prendere", "corso", "figura", "fiume", "ponte",
    "congiungere", "rive", "città", "però", "perché", "così", "della", "nella", "sulla",
    "giorno", "strada", "ombra", "voce", "parola", "tempo", "mondo", "sera", "notte", "vento",
    "casa", "porta", "mano", "cuore", "occhi", "terra", "acqua", "fuoco", "cielo", "mare",
  ]

  /// `count` feed items of generated prose, each of a few sentences.
  static func items(_ count: Int, from start: Int = 0, seed: UInt64 = 7) -> [ImportedArticle] {
    var generator = SplitMix64(seed: seed &+ UInt64(start))
    return (start..<(start + count)).map { n in
      let paragraphs = (0..<4).map { _ in
        (0..<30).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ") + "."
      }
      return imported("Articolo \(n)", paragraphs, source: "https://example.org/\(n)")
    }
  }

  /// A library past `DocumentDictionary.minimumDocuments`, whose first batch was stored
  /// before it had a dictionary (zlib) and trained it.
  static func trainedLibrary() throws -> Library {
    let library = try Library.inMemory()
    _ = try library.addFeedArticles(items(DocumentDictionary.minimumDocuments))
    return library
  }

  static func documents(_ library: Library) throws -> [(rowid: Int64, stored: DatabaseValue)] {
    try library.writer.read { db in
      try Row.fetchAll(db, sql: "SELECT rowid, document FROM article_version ORDER BY rowid")
        .map { ($0[0], $0[1]) }
    }
  }

  static func isZstd(_ value: DatabaseValue) -> Bool {
    guard case .blob(let data) = value.storage else { return false }
    return StoredDocument.isZstd(data)
  }

  @Test func aLibraryPastAThousandDocumentsTrainsADictionaryAndStoresNewOnesWithIt() throws {
    let library = try Library.inMemory()
    _ = try library.addFeedArticles(Self.items(DocumentDictionary.minimumDocuments - 1))
    #expect(
      try library.writer.read {
        try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM document_dictionary")
      }
        == 0, "one document short: no dictionary yet")
    _ = try library.addFeedArticles(Self.items(1, from: 5000))
    let dictionaries = try library.writer.read {
      try Row.fetchAll($0, sql: "SELECT id, bytes FROM document_dictionary")
    }
    #expect(dictionaries.count == 1)
    #expect(((dictionaries.first?["bytes"] as Data?)?.count ?? 0) > 1000)
    #expect(try Self.documents(library).allSatisfy { !Self.isZstd($0.stored) })

    let batch = Self.items(20, from: 6000)
    let ids = try library.addFeedArticles(batch)
    let added = imported("A mano", ["Un articolo aggiunto a mano, dopo il dizionario."])
    let addedID = try library.add(added).id
    let newest = try Self.documents(library).suffix(21)
    #expect(newest.allSatisfy { Self.isZstd($0.stored) })
    for (id, article) in zip(ids, batch) {
      #expect(try library.article(id: id)?.document == article.document)
    }
    #expect(try library.article(id: addedID)?.document == added.document)
    // A zstd document is smaller than the zlib one of the same item.
    let json = DocumentJSON.encode(batch[0].document)
    let text = CanonicalText(batch[0].document).text
    let dictionary = try #require(library.compressionDictionary())
    #expect(
      StoredDocument.compress(json, text: text, dictionary: dictionary).count
        < StoredDocument.compress(json, text: text).count)
  }

  /// The rows of `document_dictionary` without bytes: failed trainings.
  static func failures(_ library: Library) throws -> [Int64] {
    try library.writer.read {
      try Int64.fetchAll($0, sql: "SELECT id FROM document_dictionary WHERE length(bytes) = 0")
    }
  }

  @Test func aTrainingThatFailsIsNotTriedAgainUntilTheLibraryHasDoubled() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("library.sqlite").path
    do {
      let library = try Library(path: path, deviceID: "a")
      _ = try library.addFeedArticles(Self.items(DocumentDictionary.minimumDocuments - 1))
      // Documents zstd cannot learn from: none of them reads.
      let readable = try Self.documents(library)
      try library.writer.write { db in
        try Library.withoutVersionTriggers(db) {
          try db.execute(sql: "UPDATE article_version SET document = x'00010203'")
        }
      }
      _ = try library.addFeedArticles(Self.items(1, from: 5000))
      #expect(library.compressionDictionary() == nil)
      #expect(try Self.failures(library) == [-2 * Int64(DocumentDictionary.minimumDocuments)])

      // Readable again, but the library has not grown: no new training.
      try library.writer.write { db in
        try Library.withoutVersionTriggers(db) {
          for (rowid, stored) in readable {
            try db.execute(
              sql: "UPDATE article_version SET document = ? WHERE rowid = ?",
              arguments: [stored, rowid])
          }
        }
      }
      _ = try library.addFeedArticles(Self.items(10, from: 6000))
      #expect(library.compressionDictionary() == nil)
    }
    // Nor by the next process.
    let library = try Library(path: path, deviceID: "a")
    _ = try library.addFeedArticles(Self.items(10, from: 7000))
    #expect(library.compressionDictionary() == nil)
    #expect(try Self.documents(library).allSatisfy { !Self.isZstd($0.stored) })

    // Twice as large: tried again, trained, and the failure forgotten.
    _ = try library.addFeedArticles(Self.items(DocumentDictionary.minimumDocuments, from: 8000))
    #expect(library.compressionDictionary() != nil)
    #expect(try Self.failures(library).isEmpty)
    let ids = try library.addFeedArticles(Self.items(5, from: 9500))
    #expect(try Self.documents(library).suffix(5).allSatisfy { Self.isZstd($0.stored) })
    #expect(try library.article(id: ids[0])?.document == Self.items(5, from: 9500)[0].document)
  }

  @Test func everyStoredFormReadsBackToTheSameTextAndJSON() throws {
    let library = try Self.trainedLibrary()
    let dictionary = try #require(library.compressionDictionary())
    let article = Self.items(1, from: 9000)[0]
    let json = DocumentJSON.encode(article.document)
    let text = CanonicalText(article.document).text
    let forms: [(DatabaseValue, String)] = [
      (json.databaseValue, text),
      (StoredDocument.compress(json).databaseValue, text),
      (StoredDocument.compress(json, text: text).databaseValue, ""),
      (StoredDocument.compress(json, text: text, dictionary: dictionary).databaseValue, ""),
      // JSON alone in a zstd frame: what vacuum makes of an old JSON-only BLOB.
      (
        StoredDocument.recompress(payload: Array(json.utf8), dictionary: dictionary)!
          .databaseValue, text
      ),
    ]
    #expect(Self.isZstd(forms[3].0) && Self.isZstd(forms[4].0))
    for (stored, column) in forms {
      #expect(try StoredDocument.json(from: stored) == json)
      #expect(try StoredDocument.document(from: stored) == article.document)
      let read = try library.writer.read {
        try String.fetchOne($0, sql: "SELECT leggio_text(?, ?)", arguments: [stored, column])
      }
      #expect(read == text)
    }
  }

  @Test func vacuumRecompressesAndKeepsEveryDocumentByteIdentical() throws {
    let library = try Self.trainedLibrary()
    // One more version stored as JSON alone (before issue 17's text inside) and one as TEXT.
    try library.writer.write { db in
      let rows = try Row.fetchAll(db, sql: "SELECT rowid, document FROM article_version LIMIT 2")
      let json = try #require(try StoredDocument.json(from: rows[0][1]))
      try db.execute(
        sql: "UPDATE article_version SET document = ?, text = ? WHERE rowid = ?",
        arguments: [StoredDocument.compress(json), "", rows[0][0] as Int64])
      let other = try #require(try StoredDocument.json(from: rows[1][1]))
      let otherText = try #require(try StoredDocument.text(from: rows[1][1]))
      try db.execute(
        sql: "UPDATE article_version SET document = ?, text = ? WHERE rowid = ?",
        arguments: [other, otherText, rows[1][0] as Int64])
    }
    func contents() throws -> [[String?]] {
      try library.writer.read { db in
        try Row.fetchAll(
          db,
          sql: "SELECT document, leggio_text(document, text) FROM article_version ORDER BY rowid"
        ).map { [try StoredDocument.json(from: $0[0]), $0[1]] }
      }
    }
    let before = try contents()
    let sizeBefore = try Self.documents(library).reduce(0) { $0 + ($1.stored.storage.blobSize) }
    let report = try library.vacuum(emptyingBin: false)
    #expect(report.recompressed == DocumentDictionary.minimumDocuments - 1)
    #expect(try contents() == before)
    let after = try Self.documents(library)
    #expect(after.filter { Self.isZstd($0.stored) }.count == after.count - 1, "TEXT stays TEXT")
    #expect(after.reduce(0) { $0 + $1.stored.storage.blobSize } < sizeBefore * 85 / 100)
    // A second vacuum finds nothing left to do.
    #expect(try library.vacuum(emptyingBin: false).recompressed == 0)
    // The search index still finds every article (its triggers saw no change).
    #expect(
      try library.search("Articolo", limit: 2000).count == DocumentDictionary.minimumDocuments)
  }

  @Test func aPhraseInsideAZstdDocumentIsFound() throws {
    let library = try Self.trainedLibrary()
    let article = imported(
      "Manzoni", ["Quel ramo del lago di Como, che volge a mezzogiorno, tra due catene."],
      source: "https://example.org/manzoni")
    let id = try library.addFeedArticles([article])[0]
    #expect(try Self.isZstd(Self.documents(library).last!.stored))
    #expect(try library.search("\"lago di Como\"").map(\.id) == [id])
    #expect(try library.search("\"Como di lago\"").isEmpty)
  }

  @Test func aDocumentNamingADictionaryTheLibraryLacksIsAnErrorNotACrash() throws {
    let library = try Library.inMemory()
    let id = try library.add(imported("Titolo", ["Un testo qualunque, di poche parole."])).id
    // The header of a zstd frame naming dictionary 0x0BADF00D, which no library has:
    // magic, a descriptor (single segment, a 4-byte dictionary id), the id, the size.
    var frame = Data([0x28, 0xB5, 0x2F, 0xFD, 0x23, 0x0D, 0xF0, 0xAD, 0x0B, 40])
    frame.append(contentsOf: [UInt8](repeating: 0, count: 12))
    let stored = Data([40, 0, 0, 0]) + frame
    // Past the search index's triggers, which would refuse it: they read the text too.
    try library.writer.write { db in
      try Library.withoutVersionTriggers(db) {
        try db.execute(sql: "UPDATE article_version SET document = ?", arguments: [stored])
      }
    }
    #expect(throws: DatabaseError.self, "a write that needs its text is refused") {
      try library.writer.write { db in
        try db.execute(sql: "UPDATE article_version SET createdAt = createdAt")
      }
    }
    #expect(
      throws: LibraryError.unreadableDocument(
        reason: "it is compressed with a dictionary the library does not have")
    ) {
      try library.article(id: id)
    }
    #expect(throws: DatabaseError.self) {
      try library.writer.read {
        try String.fetchOne($0, sql: "SELECT leggio_text(document, text) FROM article_version")
      }
    }
    #expect(throws: DatabaseError.self) {
      try library.writer.read {
        try Bool.fetchOne(
          $0,
          sql: "SELECT leggio_phrase('\"testo qualunque\"', '', '', document, text) "
            + "FROM article_version")
      }
    }
  }
}

extension DatabaseValue.Storage {
  fileprivate var blobSize: Int {
    switch self {
    case .blob(let data): data.count
    case .string(let string): string.utf8.count
    default: 0
    }
  }
}
