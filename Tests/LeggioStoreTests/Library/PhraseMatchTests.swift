import Foundation
import GRDB
import LeggioTestSupport
import Testing

@testable import LeggioStore

/// `leggio_phrase` (`PhraseCheck`, in C): an article holds a query's phrases exactly when
/// an FTS5 index with positions, with the library's tokenizer, finds them in it.
@Suite struct PhraseMatchTests {
  /// Words that the tokenizer cuts, folds or joins in every way it can: case, accents
  /// precomposed and combining, apostrophes straight and curly, dashes and quotes between
  /// words, letters of other scripts, numbers, marks alone, symbols that cut words.
  static let words = [
    "il", "IL", "Il", "che", "CHE", "ché", "chè", "Ché", "e\u{301}", "è", "È", "E", "non", "più",
    "PIU", "piu", "l'altro", "l’altro", "L'ALTRO", "altro", "città", "CITTA", "citta\u{300}",
    "—", "«", "»", "...", ",", "naïve", "NAIVE", "Straße", "strasse", "ǅemal", "ǆemal", "Ⅻ", "x²",
    "3,5", "东京", "Ἀθῆναι", "αθηναι", "Москва", "москва", "\u{E000}", "\u{301}", "a\u{301}b",
    "🙂", "ﬁne", "fine", "\u{A0}", "·", "مرحبا", "℃", "½",
  ]

  /// A database with `leggio_phrase` and an index with positions over `texts`.
  func makeDatabase(_ texts: [(String, String, String)]) throws -> DatabaseQueue {
    let database = try DatabaseQueue()
    try database.write { db in
      try PhraseCheck.register(db)
      try db.execute(
        sql: """
          CREATE VIRTUAL TABLE truth USING fts5(
            title, byline, text, tokenize = '\(SearchIndex.tokenizer)')
          """)
      for (title, byline, text) in texts {
        try db.execute(
          sql: "INSERT INTO truth (title, byline, text) VALUES (?, ?, ?)",
          arguments: [title, byline, text])
      }
    }
    return database
  }

  /// The rows of `truth` matching `query`: as its index with positions finds them, and
  /// as the index without positions would (all the words) kept by `leggio_phrase`.
  func found(_ database: DatabaseQueue, _ query: String) throws -> (Set<Int64>, Set<Int64>) {
    let words = try #require(FTSQuery(query, prefixLast: true))
    return try database.read { db in
      let truth = try Int64.fetchSet(
        db, sql: "SELECT rowid FROM truth WHERE truth MATCH ?", arguments: [words.match])
      let checked = try Int64.fetchSet(
        db,
        sql: """
          SELECT rowid FROM truth WHERE truth MATCH ?
            AND leggio_phrase(?, title, byline, NULL, text)
          """, arguments: [words.indexMatch, words.match])
      return (truth, checked)
    }
  }

  @Test func phrasesMatchAsAnIndexWithPositionsFindsThemInEveryScript() throws {
    var generator = SplitMix64(seed: 17)
    let separators = [" ", " ", " ", ", ", "\n", "'", "-", "\u{A0}", ""]
    func sentence(_ count: Int) -> String {
      (0..<count).map { _ in
        Self.words.randomElement(using: &generator)!
          + separators.randomElement(using: &generator)!
      }.joined()
    }
    let texts = (0..<300).map { _ in (sentence(3), sentence(2), sentence(25)) }
    let database = try makeDatabase(texts)
    var queries = [
      "\"il che\"", "\"che non\"", "\"e che\"", "\"l'altro citta\"", "\"piu e\"", "\"naive fine\"",
      "\"strasse il\"", "\"αθηναι москва\"", "\"ché il\" \"non più\"", "\"il ch", "\"che e\" IL",
      "\"dzemal che\"", "\"東京 il\"",
    ]
    // Phrases of two and three words as they come, and the same being typed (a prefix).
    for _ in 0..<150 {
      let count = Int.random(in: 2...3, using: &generator)
      let phrase = (0..<count).map { _ in Self.words.randomElement(using: &generator)! }
        .joined(separator: " ")
      queries.append("\"\(phrase)\"")
      queries.append("\"\(phrase.dropLast())")
    }
    var matched = 0
    for query in queries where FTSQuery(query, prefixLast: true) != nil {
      let (truth, checked) = try found(database, query)
      #expect(checked == truth, "\(query)")
      matched += truth.isEmpty ? 0 : 1
    }
    // The queries are not all of phrases that occur nowhere.
    #expect(matched > 50)
  }

  @Test func aTokenLongerThanFTS5KeepsIsComparedByItsFirstBytes() throws {
    let long = String(repeating: "a", count: 40_000)
    let database = try makeDatabase([
      ("", "", "il \(long)b che"), ("", "", "il \(long)c che"), ("", "", "il \(long)"),
    ])
    for query in ["\"il \(long)x\"", "\"il \(long)b che\"", "\"\(long) che\""] {
      let (truth, checked) = try found(database, query)
      #expect(checked == truth)
    }
  }

  /// `leggio_phrase` on a stored document, with the same text given in the column.
  func check(_ match: String, document: DatabaseValueConvertible?, text: String) throws -> Bool {
    let database = try makeDatabase([])
    return try database.read {
      try Bool.fetchOne(
        $0, sql: "SELECT leggio_phrase(?, '', '', ?, ?)", arguments: [match, document, text])
    } ?? false
  }

  @Test func theTextInsideAStoredDocumentIsReadAndTheColumnOtherwise() throws {
    let text = "Quel ramo del lago di Como, che volge a mezzogiorno."
    let stored = StoredDocument.compress("{}", text: text)
    #expect(try check("\"lago di como\"", document: stored, text: "") == true)
    #expect(try check("\"di lago\"", document: stored, text: "") == false)
    // The text in the document, not the column, once the document holds it.
    #expect(try check("\"lago di como\"", document: stored, text: "altro di como") == true)
    #expect(try check("\"altro di\"", document: stored, text: "altro di como") == false)
    // JSON alone (stored before), JSON as text, or a document that does not inflate:
    // the column's text, as `leggio_text` reads it.
    for document in [
      StoredDocument.compress("{}") as DatabaseValueConvertible, "{}", Data([9, 0]),
      Data([200, 0, 0, 0, 1, 2, 3]),
    ] {
      #expect(try check("\"lago di como\"", document: document, text: text) == true)
      #expect(try check("\"altro di\"", document: document, text: text) == false)
    }
    var damaged = stored
    damaged[damaged.count / 2] ^= 0xFF
    #expect(try check("\"lago di como\"", document: damaged, text: text) == true)
  }

  @Test func aLargeDocumentIsReadInChunksWithCharactersAcrossTheirEdges() throws {
    // Over a megabyte, read by zlib 16 KB at a time: two-byte characters fall across
    // the chunks' edges, and the phrase sits at the very end.
    var text = String(repeating: "città è là, però ", count: 70_000)
    text += "il che"
    let stored = StoredDocument.compress(String(repeating: "{}", count: 10), text: text)
    #expect(try check("\"il che\"", document: stored, text: "") == true)
    #expect(try check("\"pero citta e la\"", document: stored, text: "") == true)
    #expect(try check("\"citta il\"", document: stored, text: "") == false)
    #expect(try check("\"la pero che\"", document: stored, text: "") == false)
  }
}
