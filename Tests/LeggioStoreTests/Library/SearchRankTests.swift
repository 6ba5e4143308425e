import Foundation
import GRDB
import LeggioModel
import Testing

@testable import LeggioStore
import LeggioTestSupport

/// `leggio_rank` (`SearchRank`): results ranked from what the index without positions
/// holds, never by reading the articles' texts again as FTS5's bm25 does on such an index.
@Suite struct SearchRankTests {
  /// `library` with the index's view made to fail on reading the text of the articles
  /// `poisoned` selects (an SQL condition on `id` and `title`): a query that reads one
  /// of those texts throws. The index itself is left as it was built.
  func poisonTexts(_ library: Library, where poisoned: String) throws {
    try library.writer.write { db in
      let real = SearchIndex.view.replacingOccurrences(
        of: "CREATE VIEW article_search AS", with: "CREATE VIEW article_search_real AS")
      try db.execute(sql: "DROP VIEW article_search")
      try db.execute(sql: real)
      // abs() of the smallest integer is an error ("integer overflow") when evaluated.
      try db.execute(
        sql: """
          CREATE VIEW article_search AS SELECT id, title, byline,
            CASE WHEN \(poisoned) THEN abs(-9223372036854775808) ELSE text END AS text
          FROM article_search_real
          """)
    }
  }

  /// `library` with the documents of the articles `poisoned` selects (an SQL condition
  /// on `article`) made to fail when read: the phrase check (`PhraseCheck`) reads a
  /// version's document, not the index's view.
  func poisonDocuments(_ library: Library, where poisoned: String) throws {
    try library.writer.write { db in
      try db.execute(sql: "ALTER TABLE article_version RENAME TO article_version_real")
      try db.execute(
        sql: """
          CREATE VIEW article_version AS SELECT rowid AS rowid, uuid, articleId,
            CASE WHEN articleId IN (SELECT id FROM article WHERE \(poisoned))
              THEN abs(-9223372036854775808) ELSE document END AS document,
            text, createdAt, deletedAt
          FROM article_version_real
          """)
    }
  }

  func ranked(_ library: Library, _ match: String, by score: String) throws -> [Int64] {
    try library.writer.read {
      try Int64.fetchAll(
        $0,
        sql: """
          SELECT article_fts.rowid FROM article_fts JOIN article a ON a.id = article_fts.rowid
          WHERE article_fts MATCH ? ORDER BY \(score), article_fts.rowid DESC
          """, arguments: score.contains("?") ? [match, match] : [match])
    }
  }

  @Test func rankingReadsNoTextWhereBm25WouldReadEveryMatch() throws {
    let library = try Library.inMemory()
    for n in 0..<20 {
      try library.add(
        imported(
          n % 4 == 0 ? "Il lago \(n)" : "Cronaca \(n)",
          [String(repeating: "Il lago di Como è calmo. ", count: 1 + n % 5)],
          source: "https://example.org/\(n)"))
    }
    let before = try ranked(library, "\"lago\" \"como\"", by: SearchRank.score)
    try poisonTexts(library, where: "1")
    let after = try ranked(library, "\"lago\" \"como\"", by: SearchRank.score)
    #expect(after == before)
    #expect(after.count == 20)
    // The title weighs most: the articles with the word in it come first.
    let titled = try library.writer.read {
      try Set(Int64.fetchAll($0, sql: "SELECT id FROM article WHERE title LIKE 'Il lago%'"))
    }
    #expect(Set(after.prefix(titled.count)) == titled)
    // FTS5's bm25 counts occurrences: on this index it reads every matching text.
    #expect(throws: DatabaseError.self) {
      try ranked(library, "\"lago\" \"como\"", by: "bm25(article_fts, 10.0, 3.0, 1.0)")
    }
  }

  @Test func theRankIsTheSameOnAnIndexWithPositions() throws {
    let library = try Library.inMemory()
    let words = ["lago", "Como", "più", "ramo", "città", "monte", "nebbia"]
    var generator = SystemRandomNumberGenerator()
    for n in 0..<60 {
      let text = (0..<(5 + n % 30)).map { _ in words.randomElement(using: &generator)! }
      try library.add(
        imported(
          "Voce \(words[n % words.count])", [text.joined(separator: " ")],
          source: "https://example.org/\(n)"))
    }
    let queries = ["\"lago\"", "\"como\" \"ramo\"", "\"citt\"*", "\"voce\" \"nebbia\""]
    let scores = { (match: String) in
      try library.writer.read {
        try Row.fetchAll(
          $0,
          sql: """
            SELECT article_fts.rowid, \(SearchRank.score) FROM article_fts
            JOIN article a ON a.id = article_fts.rowid WHERE article_fts MATCH ?
            ORDER BY article_fts.rowid
            """, arguments: [match, match]
        ).map { "\($0[0] as Int64) \(String(format: "%.9f", $0[1] as Double))" }
      }
    }
    let withColumns = try queries.map(scores)
    try library.writer.write { db in
      try db.execute(sql: "DROP TABLE article_fts")
      try db.execute(sql: SearchIndex.tableWithPositions + SearchIndex.indexAll)
    }
    #expect(try queries.map(scores) == withColumns)
    #expect(withColumns.allSatisfy { !$0.isEmpty })
  }

  @Test func aTitleWeighsTheSameWhateverItsCaseAccentsAndPunctuation() throws {
    let library = try Library.inMemory()
    // The rank cuts titles into words as the index does: the same words weigh the same.
    let titles = ["CITTA' di Como", "Città di Como", "Cronaca di Como", "Città-di_Como!"]
    var ids: [Int64] = []
    for (n, title) in titles.enumerated() {
      ids.append(
        try library.add(
          imported(title, ["Una città sul lago, e la nebbia."], source: "https://example.org/\(n)")
        ).id)
    }
    let scores = try library.writer.read { db in
      try Dictionary(
        uniqueKeysWithValues: Row.fetchAll(
          db,
          sql: """
            SELECT article_fts.rowid, \(SearchRank.score) FROM article_fts
            JOIN article a ON a.id = article_fts.rowid WHERE article_fts MATCH ?
            """, arguments: ["\"citta\"", "\"citta\""]
        ).map { ($0[0] as Int64, $0[1] as Double) })
    }
    #expect(scores.count == 4)
    #expect(scores[ids[0]] == scores[ids[1]])
    #expect(scores[ids[3]] == scores[ids[1]])
    #expect(scores[ids[1]]! < scores[ids[2]]!)
  }

  @Test func aPhraseSearchReadsOnlyTheTextsOfItsFirstCandidates() throws {
    let library = try Library.inMemory()
    // Twenty articles with the words in the title, ranked first, holding the phrase;
    // thirty after them holding its words apart. Candidates are read 16 at first.
    for n in 0..<20 {
      try library.add(
        imported("Lago di Como \(n)", ["Sul lago di Como."], source: "https://example.org/t\(n)"))
    }
    for n in 0..<30 {
      try library.add(
        imported(
          "Cronaca \(n)", ["Il lago è lontano, di Como si parla."],
          source: "https://example.org/c\(n)"))
    }
    try poisonDocuments(library, where: "title LIKE 'Cronaca%'")
    let hits = try library.search("\"lago di como\"", limit: 5)
    #expect(hits.count == 5)
    #expect(hits.allSatisfy { $0.title.hasPrefix("Lago di Como") })
    #expect(hits.map(\.score) == hits.map(\.score).sorted())
    // Asked for more than hold the phrase, it reads every candidate's text.
    #expect(throws: DatabaseError.self) { try library.search("\"lago di como\"", limit: 21) }
  }
}
