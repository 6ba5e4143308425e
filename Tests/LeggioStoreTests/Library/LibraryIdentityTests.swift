import Foundation
import Testing

@testable import LeggioModel
@testable import LeggioStore
import LeggioTestSupport

@Suite struct LibraryIdentityTests {
  @Test func aNewArticleIsAddedWithItsMetadataAndText() throws {
    // Given an empty library
    let library = try Library.inMemory()
    // When an article is added
    let outcome = try library.add(
      imported("Putin e Kim", ["Prima «frase».", "Seconda più lunga."], source: "/tmp/a.txt"),
      tags: ["esteri"])
    // Then it is there with its text, words and tags
    guard case .added(let id) = outcome else { Issue.record("got \(outcome)"); return }
    let stored = try #require(try library.article(id: id))
    #expect(stored.metadata.title == "Putin e Kim")
    #expect(stored.document.blocks.map(\.plainText) == ["Prima «frase».", "Seconda più lunga."])
    #expect(stored.summary.words == 5)
    #expect(stored.summary.tags == ["esteri"])
    #expect(stored.summary.isUnread)
    #expect(UUID(uuidString: stored.summary.uuid) != nil)
  }

  @Test func reimportingTheSameSourceAndContentIsUnchanged() throws {
    let library = try Library.inMemory()
    let article = imported("Titolo", ["Testo."], source: "/notes/a.txt")
    let first = try library.add(article)
    let second = try library.add(article)
    #expect(second == .unchanged(first.id))
    #expect(try library.count(ArticleQuery()) == 1)
    #expect(try library.versions(of: first.id).count == 1)
  }

  @Test func changedContentFromTheSameSourceBecomesANewVersion() throws {
    // Given an article imported from a file
    let library = try Library.inMemory()
    let first = try library.add(imported("Titolo", ["Vecchio testo."], source: "/notes/a.txt"))
    // When the file changes and is imported again
    let second = try library.add(imported("Titolo", ["Nuovo testo."], source: "/notes/a.txt"))
    // Then it is the same article with two versions, the newest shown
    #expect(second == .updated(first.id))
    let versions = try library.versions(of: first.id)
    #expect(versions.count == 2)
    #expect(versions[0].contentHash == SHA256.hex("Vecchio testo."))
    #expect(versions[1].contentHash == SHA256.hex("Nuovo testo."))
    #expect(try library.article(id: first.id)?.document.blocks.first?.plainText == "Nuovo testo.")
    #expect(try library.count(ArticleQuery()) == 1)
  }

  @Test func changedMetadataAloneUpdatesTheArticleWithoutANewVersion() throws {
    let library = try Library.inMemory()
    let first = try library.add(imported("Vecchio titolo", ["Testo."], source: "/a.txt"))
    let second = try library.add(imported("Nuovo titolo", ["Testo."], source: "/a.txt"))
    #expect(second == .updated(first.id))
    #expect(try library.versions(of: first.id).count == 1)
    #expect(try library.article(id: first.id)?.metadata.title == "Nuovo titolo")
  }

  @Test func theSameContentFromAnotherPathIsUnchanged() throws {
    let library = try Library.inMemory()
    let first = try library.add(imported("Copia", ["Lo stesso testo."], source: "/a/one.txt"))
    let second = try library.add(imported("Copia", ["Lo stesso testo."], source: "/b/two.txt"))
    #expect(second == .unchanged(first.id))
    #expect(try library.count(ArticleQuery()) == 1)
  }

  @Test func theSameTextWithAnotherTitleBylineAndTagsIsAnArticleOfItsOwn() throws {
    let library = try Library.inMemory()
    let first = try library.add(
      imported("Copia", ["Lo stesso testo."], source: "/a/one.txt", byline: "Anna Rossi"))
    let second = try library.add(
      imported(
        "Un altro titolo", ["Lo stesso testo."], source: "/b/two.txt", byline: "Marco Bianchi"),
      tags: ["altro"])
    #expect(second == .added(first.id + 1))
    #expect(try library.count(ArticleQuery()) == 2)
    let stored = try #require(try library.article(id: second.id))
    #expect(stored.metadata.title == "Un altro titolo")
    #expect(stored.metadata.byline == "Marco Bianchi")
    #expect(stored.summary.tags == ["altro"])
    #expect(try library.article(id: first.id)?.summary.tags == [])
  }

  @Test func theSameContentFromStandardInputAfterAFileIsUnchanged() throws {
    let library = try Library.inMemory()
    let first = try library.add(imported("Nota", ["Lo stesso testo."], source: "/a/nota.txt"))
    #expect(try library.add(imported("Nota", ["Lo stesso testo."])) == .unchanged(first.id))
    #expect(try library.count(ArticleQuery()) == 1)
  }

  @Test func sourcesAreComparedInNormalForm() throws {
    let library = try Library.inMemory()
    let first = try library.add(imported("Uno", ["Primo."], source: "/a/b/../nota.txt"))
    #expect(
      try library.add(imported("Uno", ["Secondo."], source: "/a/nota.txt")) == .updated(first.id))
    let page = try library.add(imported("Due", ["Terzo."], source: "HTTPS://Example.com:443"))
    #expect(
      try library.add(imported("Due", ["Quarto."], source: "https://example.com/?fbclid=x"))
        == .updated(page.id))
    #expect(
      try library.add(imported("Tre", ["Quinto."], source: "https://example.com/?page=2"))
        == .added(page.id + 1))
  }

  @Test func anArticleWithoutSourceIsKnownByItsContent() throws {
    let library = try Library.inMemory()
    let first = try library.add(imported("Da stdin", ["Testo letto da stdin."]))
    #expect(
      try library.add(imported("Da stdin", ["Testo letto da stdin."])) == .unchanged(first.id))
    #expect(try library.add(imported("Da stdin", ["Altro testo."])) != .unchanged(first.id))
    #expect(try library.count(ArticleQuery()) == 2)
  }

  @Test func urlsNamingTheSamePageAreOneArticle() throws {
    let library = try Library.inMemory()
    let first = try library.add(
      imported("Pagina", ["Uno."], source: "http://Example.com/news/1?utm_source=feed#top"))
    let second = try library.add(
      imported("Pagina", ["Due."], source: "https://example.com/news/1"))
    #expect(second == .updated(first.id))
  }

  @Test func anArticleWithNoTextIsRejectedAndNothingIsStored() throws {
    let library = try Library.inMemory()
    #expect(throws: LibraryError.self) {
      try library.add(imported("Vuoto", ["  ", "\n"], source: "/empty.txt"))
    }
    #expect(try library.counts() == LibraryCounts(total: 0, unread: 0))
    #expect(try library.integrityProblems().isEmpty)
  }

  @Test func tagsAreAddedOnceAndRemovedAsTombstones() throws {
    let library = try Library.inMemory()
    let id = try library.add(imported("Titolo", ["Testo."])).id
    try library.tag(id: id, ["Esteri", "esteri", " russia\u{1B}[31m "])
    #expect(try library.article(id: id)?.summary.tags == ["Esteri", "russia [31m"])
    try library.untag(id: id, ["ESTERI"])
    #expect(try library.article(id: id)?.summary.tags == ["russia [31m"])
    try library.tag(id: id, ["esteri"])
    #expect(try library.allTags() == ["Esteri", "russia [31m"])
    #expect(throws: LibraryError.noSuchArticle(id: 999)) { try library.tag(id: 999, ["x"]) }
  }
}
