import Foundation
import Testing

@testable import LeggioStore
import LeggioTestSupport

@Suite struct LibrarySearchTests {
  @Test func wordsWithoutAccentsFindWordsWithThem() throws {
    let library = try Library.inMemory()
    let id = try library.add(imported("Città", ["Sempre più vicini, perché sì."])).id
    #expect(try library.search("piu").map(\.id) == [id])
    #expect(try library.search("PERCHE si").map(\.id) == [id])
    #expect(try library.search("citta").map(\.id) == [id])
  }

  @Test func theLastWordMatchesAsAPrefixForFilterAsYouType() throws {
    let library = try Library.inMemory()
    let id = try library.add(imported("Rapporti", ["La cooperazione bilaterale cresce."])).id
    #expect(try library.search("cooperaz").map(\.id) == [id])
    #expect(try library.search("cooperazione bilat").map(\.id) == [id])
    #expect(try library.search("coop bilat").isEmpty, "only the last word is a prefix")
    #expect(try library.search("coop xyz").isEmpty)
    let query = ArticleQuery(search: "bilat")
    #expect(try library.summaries(query, offset: 0, limit: 5).map(\.id) == [id])
  }

  @Test(arguments: [
    "\"", "AND", "OR NOT", "a:b", "(x", "*", "^start", "NEAR(a b)", "'; DROP TABLE article; --",
    "«»", "",
  ])
  func anyTextIsASafeQuery(_ text: String) throws {
    let library = try Library.inMemory()
    try library.add(imported("Titolo", ["Testo con AND e OR e NEAR dentro."]))
    _ = try library.search(text)
    _ = try library.count(ArticleQuery(search: text))
    #expect(try library.counts().total == 1)
  }

  @Test func quotedWordsMatchAsAPhrase() throws {
    let library = try Library.inMemory()
    let near = try library.add(imported("Uno", ["guerra in Ucraina"])).id
    try library.add(imported("Due", ["Ucraina: la guerra"]))
    #expect(try library.search("\"guerra in Ucraina\"").map(\.id) == [near])
  }

  @Test func aMatchInTheTitleRanksFirstAndTheSnippetMarksTheMatch() throws {
    let library = try Library.inMemory()
    let inText = try library.add(
      imported("Notizie", ["Lunga cronaca del giorno. La Corea ha risposto alle sanzioni."])
    ).id
    let inTitle = try library.add(imported("La Corea oggi", ["Cronaca breve."])).id
    let hits = try library.search("corea")
    #expect(hits.map(\.id) == [inTitle, inText])
    let hit = try #require(hits.last)
    let scalars = Array(hit.snippet.unicodeScalars)
    let marked = try #require(hit.matches.first)
    #expect(String(String.UnicodeScalarView(scalars[marked])) == "Corea")
    #expect(!hit.snippet.contains("\u{E000}"))
  }

  @Test func theIndexFollowsNewVersions() throws {
    let library = try Library.inMemory()
    let id = try library.add(imported("Titolo", ["Parla di mele."], source: "/a.txt")).id
    try library.add(imported("Titolo", ["Parla di pere."], source: "/a.txt"))
    #expect(try library.search("mele").isEmpty)
    #expect(try library.search("pere").map(\.id) == [id])
    #expect(try library.integrityProblems().isEmpty)
  }
}
