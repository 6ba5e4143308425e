import Foundation
import GRDB
import LeggioModel
import Testing

@testable import LeggioStore
import LeggioTestSupport

/// Documents are stored compressed (issue 17) and read back the same, old TEXT ones too.
@Suite struct StoredDocumentTests {
  @Test func aCompressedDocumentReadsBackByteForByteAndIsSmaller() throws {
    let paragraph =
      "Quel ramo del lago di Como, che volge a mezzogiorno, tra due catene non interrotte di monti. "
    let json = DocumentJSON.encode(
      Document(blocks: (0..<8).map { Block(.paragraph, text: paragraph + "\($0) è così") }))
    let stored = StoredDocument.compress(json)
    #expect(stored.count < json.utf8.count / 2)
    #expect(try StoredDocument.json(from: stored.databaseValue) == json)
    #expect(try StoredDocument.json(from: json.databaseValue) == json, "TEXT is read as it is")
    #expect(try StoredDocument.json(from: StoredDocument.compress("").databaseValue) == "")
    #expect(try StoredDocument.json(from: Data([1, 2, 3, 4, 5, 6]).databaseValue) == nil)
  }

  @Test func anArticleIsStoredCompressedAndReadsAsItWasAdded() throws {
    let library = try Library.inMemory()
    let article = imported("Titolo", ["Primo paragrafo, con più parole.", "Secondo."])
    let id = try library.add(article).id
    let type = try library.writer.read { db in
      try String.fetchOne(db, sql: "SELECT typeof(document) FROM article_version")
    }
    #expect(type == "blob")
    #expect(try library.article(id: id)?.document == article.document)
    // The same text again is unchanged: the stored document compares equal.
    #expect(try library.add(article) == .unchanged(id))
  }

  @Test func aVersionStoredAsTextBeforeIsStillRead() throws {
    let library = try Library.inMemory()
    let article = imported("Titolo", ["Un testo salvato prima."])
    let id = try library.add(article).id
    try library.writer.write { db in
      try db.execute(
        sql: "UPDATE article_version SET document = ?",
        arguments: [DocumentJSON.encode(article.document)])
    }
    #expect(try library.article(id: id)?.document == article.document)
    #expect(try library.add(article) == .unchanged(id))
  }
}
