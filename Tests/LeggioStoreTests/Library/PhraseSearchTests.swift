import Foundation
import GRDB
import LeggioModel
import Testing

@testable import LeggioStore
import LeggioTestSupport

/// The library's search index keeps no positions (`SearchIndex+Columns`); phrases still
/// find exactly the articles that hold them, as the index with positions found.
@Suite struct PhraseSearchTests {
  /// Articles whose words overlap, so that holding all of a phrase's words is not
  /// holding the phrase.
  static let articles: [(String, String)] = [
    ("Quel ramo", "Quel ramo del lago di Como, che volge a mezzogiorno."),
    ("Garda", "Como non è sul lago; di Garda si parla altrove."),
    ("Maiuscole", "IL LAGO DI COMO IN INVERNO."),
    ("Accenti", "Non è più forte di prima."),
    ("Rovescio", "Forte, mai più: di prima non si parla."),
    ("L'inchiesta della procura", "Se ne occupa la procura di Lecco."),
    ("Inchiesta", "L'inchiesta, della quale nessuno sa nulla."),
    ("Como", "Il lago di Comodoro è un altro."),
  ]

  func makeLibrary() throws -> Library {
    let library = try Library.inMemory()
    for (n, article) in Self.articles.enumerated() {
      try library.add(
        imported(article.0, [article.1], source: "https://example.org/\(n)"))
    }
    return library
  }

  func titles(_ library: Library, _ query: String) throws -> Set<String> {
    Set(try library.search(query).map(\.title))
  }

  @Test func aPhraseFindsOnlyTheArticlesHoldingItInAnyCase() throws {
    let library = try makeLibrary()
    #expect(try titles(library, "\"lago di Como\"") == ["Quel ramo", "Maiuscole"])
    // Without quotes, all the words, the last as a prefix.
    #expect(try titles(library, "lago di Como") == ["Quel ramo", "Garda", "Maiuscole", "Como"])
    // Accents folded, the words in order.
    #expect(try titles(library, "\"piu forte\"") == ["Accenti"])
    // An apostrophe cuts words as the tokenizer does; the title is searched too.
    #expect(
      try titles(library, "\"l'inchiesta della\"") == ["L'inchiesta della procura", "Inchiesta"])
    #expect(try titles(library, "\"inchiesta della procura\"") == ["L'inchiesta della procura"])
  }

  @Test func aPhraseBeingTypedMatchesItsLastWordAsAPrefix() throws {
    let library = try makeLibrary()
    #expect(try titles(library, "\"lago di Co") == ["Quel ramo", "Maiuscole", "Como"])
    #expect(try titles(library, "\"lago di Como\"") == ["Quel ramo", "Maiuscole"])
  }

  @Test func aPhraseSearchStopsAtItsLimitInRankOrder() throws {
    let library = try makeLibrary()
    let all = try library.search("\"lago di\"")
    #expect(all.count == 4)
    #expect(all.map(\.score) == all.map(\.score).sorted())
    let first = try library.search("\"lago di\"", limit: 2)
    #expect(first.map(\.id) == all.prefix(2).map(\.id))
  }

  @Test func listsAndCountsFilteredByAPhraseCheckTheText() throws {
    let library = try makeLibrary()
    let query = ArticleQuery(search: "\"lago di Como\" inverno")
    #expect(try library.count(query) == 1)
    #expect(try library.summaries(query, offset: 0, limit: 10).map(\.title) == ["Maiuscole"])
    #expect(try library.count(ArticleQuery(search: "\"di prima\"")) == 2)
    #expect(try library.count(ArticleQuery(search: "\"forte di prima\"")) == 1)
    #expect(try library.count(ArticleQuery(search: "\"forte di prima\"", unreadOnly: true)) == 1)
  }

  /// The same queries over a library of generated sentences find the same articles as
  /// the index with positions did, asked directly.
  @Test func everyQueryFindsWhatTheIndexWithPositionsFound() throws {
    let library = try Library.inMemory()
    let words = ["lago", "Como", "più", "PIU", "di", "ramo", "l'altro", "città"]
    var generator = SystemRandomNumberGenerator()
    for n in 0..<150 {
      let sentence = (0..<8).map { _ in words.randomElement(using: &generator)! }
        .joined(separator: " ")
      try library.add(imported("Voce \(n)", [sentence], source: "https://example.org/\(n)"))
    }
    let queries = [
      "\"lago di\"", "\"di Como\" ramo", "\"più lago\"", "\"l'altro città\"", "\"ramo di lag",
      "\"Como Como\"", "citta \"piu di\"", "\"di\"", "lago Como",
    ]
    let searched = try queries.map { query in
      (
        Set(try library.search(query, limit: 1000).map(\.id)),
        Set(try library.summaries(ArticleQuery(search: query), offset: 0, limit: 1000).map(\.id)),
        try library.count(ArticleQuery(search: query))
      )
    }
    try library.writer.write { db in
      try db.execute(sql: "DROP TABLE article_fts")
      try db.execute(sql: SearchIndex.tableWithPositions + SearchIndex.indexAll)
    }
    for (query, found) in zip(queries, searched) {
      let match = try #require(FTSQuery.match(query, prefixLast: true))
      let expected = Set(
        try library.writer.read {
          try Int64.fetchAll(
            $0, sql: "SELECT rowid FROM article_fts WHERE article_fts MATCH ?", arguments: [match])
        })
      #expect(found.0 == expected, "\(query)")
      #expect(found.1 == expected, "\(query)")
      #expect(found.2 == expected.count, "\(query)")
    }
  }

  @Test func theIndexKeepsNeitherPositionsNorColumnsAndIsReadForEveryQuery() throws {
    let library = try makeLibrary()
    let sql = try library.writer.read {
      try String.fetchOne($0, sql: "SELECT sql FROM sqlite_master WHERE name = 'article_fts'")
    }
    #expect(sql?.contains("detail = none") == true)
    let plan = try library.writer.read { db in
      try Row.fetchAll(
        db,
        sql: """
          EXPLAIN QUERY PLAN SELECT a.id FROM article_fts JOIN article a ON a.id = article_fts.rowid
          WHERE article_fts MATCH ? AND a.deletedAt IS NULL
          ORDER BY \(SearchRank.score), a.id DESC
          """, arguments: ["\"lago\" \"di\"", "\"lago\" \"di\""]
      ).map { $0["detail"] as String }.joined(separator: "; ")
    }
    #expect(plan.contains("VIRTUAL TABLE INDEX"))
    #expect(plan.contains("INTEGER PRIMARY KEY"))
  }
}
