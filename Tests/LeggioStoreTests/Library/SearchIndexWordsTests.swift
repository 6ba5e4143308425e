import Foundation
import GRDB
import LeggioModel
import Synchronization
import Testing

@testable import LeggioStore
import LeggioTestSupport

/// The search index keeps which articles hold a word, not in which column (issue 17): a
/// library whose index kept columns is given the smaller one in place, and every search
/// finds what it found, ranked the title first.
@Suite struct SearchIndexWordsTests {
  /// A library whose index keeps columns, as search-v5 made it, with articles indexed and
  /// feed articles still waiting for the index.
  func makeLibraryWithColumns(at path: String) throws -> (titled: Int64, all: [Int64]) {
    let library = try Library(path: path, deviceID: "test")
    var ids: [Int64] = []
    for n in 1...30 {
      ids.append(
        try library.add(
          imported(
            n == 7 ? "Il lago di Como" : "Cronaca \(n)",
            ["Quel ramo del lago di Como, parola\(n).", "Renzo e Lucia."],
            source: "https://example.org/\(n)", byline: "Autore \(n % 4)")
        ).id)
    }
    ids += try library.addFeedArticles(
      (1...5).map {
        imported("Dal feed \($0)", ["Il lago e la nebbia."], source: "https://e.org/f\($0)")
      })
    try library.writer.write { db in
      try db.execute(sql: "DROP TABLE article_fts")
      try db.execute(
        sql: """
          CREATE VIRTUAL TABLE article_fts USING fts5(
            title, byline, text, content = 'article_search', content_rowid = 'id',
            tokenize = '\(SearchIndex.tokenizer)', detail = column
          );
          \(SearchIndex.tuning)
          INSERT INTO article_fts (rowid, title, byline, text)
            SELECT s.id, s.title, s.byline, s.text FROM article_search s
            WHERE s.id NOT IN (SELECT id FROM search_pending);
          """)
      try db.execute(
        sql: "DELETE FROM grdb_migrations WHERE identifier = ?",
        arguments: [SearchIndex.wordsMigrationName])
    }
    return (ids[6], ids)
  }

  @Test func aLibraryWhoseIndexKeptColumnsIsGivenTheOneWithoutAndFindsEveryArticle() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("library.sqlite").path
    let made = try makeLibraryWithColumns(at: path)

    let steps = Mutex<[String]>([])
    let library = try Library(path: path, deviceID: "test") { step, _, _ in
      steps.withLock { $0.append(step) }
    }
    let sql = try library.writer.read {
      try String.fetchOne($0, sql: "SELECT sql FROM sqlite_master WHERE name = 'article_fts'")
    }
    #expect(sql?.contains("detail = none") == true)
    #expect(steps.withLock { $0.contains("Indexing articles for search") })
    #expect(try library.writer.read { try SearchIndex.pendingCount($0) } == 0)
    #expect(Set(try library.search("lago", limit: 100).map(\.id)) == Set(made.all))
    // The title still weighs most, though the index no longer knows the columns.
    #expect(try library.search("lago como", limit: 100).first?.id == made.titled)
    #expect(try library.search("\"autore 3\"", limit: 100).count == 7)
    #expect(try library.search("nebb").count == 5)
    try library.writer.write { db in
      try db.execute(
        sql: "INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 1)")
    }
    #expect(try library.integrityProblems().isEmpty)
  }
}
