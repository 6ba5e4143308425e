import Foundation
import GRDB
import LeggioModel
import LeggioTestSupport
import Testing

@testable import LeggioStore

/// A library that added a book closes without folding its log into the file
/// (`beginDurableWrite`): it reopens with every article, the book readable and found, and
/// the next close of a library that added no book folds the log in.
@Suite struct DeferredCheckpointTests {
  static func walSize(_ path: String) -> Int {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path + "-wal")
    return (attributes?[.size] as? Int) ?? 0
  }

  @Test func aLibraryClosedAfterABookReopensWithEveryArticle() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("library.sqlite").path
    let book = SearchIndexNewRowTests.book(
      "Zibaldone", word: "pensieri", byline: "Leopardi", source: "/b/z.epub")
    var bookID: Int64 = 0
    var shortID: Int64 = 0
    do {
      let library = try Library(path: path, deviceID: "a")
      shortID = try library.add(imported("Breve", ["Un testo corto sul lago."])).id
      #expect(library.checkpointsOnClose.withLock { $0 })
      bookID = try library.add(book).id
      #expect(!library.checkpointsOnClose.withLock { $0 })
    }
    // Closed: the log is still there, with the book in it.
    #expect(Self.walSize(path) > 1_000_000)

    do {
      let library = try Library(path: path, deviceID: "a")
      #expect(try library.count(ArticleQuery()) == 2)
      #expect(try library.article(id: shortID)?.metadata.title == "Breve")
      let stored = try #require(try library.article(id: bookID))
      #expect(stored.document == book.document)
      #expect(try library.search("pensieri").map(\.id) == [bookID])
      let check = try library.writer.read { db in
        try String.fetchOne(db, sql: "PRAGMA quick_check")
      }
      #expect(check == "ok")
      try library.writer.write { db in
        try db.execute(
          sql: "INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 1)")
      }
    }
    // This close added no book: the log is folded in and emptied.
    #expect(Self.walSize(path) == 0)
    let again = try Library(path: path, deviceID: "a")
    #expect(try again.count(ArticleQuery()) == 2)
    #expect(try again.search("pensieri").map(\.id) == [bookID])
  }
}
