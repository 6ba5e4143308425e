import Foundation
import Testing

@testable import LeggioModel
@testable import LeggioStore
import LeggioTestSupport

@Suite struct LibraryOriginalPageTests {
  private func page(_ paragraphs: [String], html: String) -> ImportedArticle {
    var article = imported(
      "Il vertice", paragraphs, source: "https://example.org/esteri/vertice.html")
    article.originalHTML = Data(html.utf8)
    return article
  }

  @Test func aWebPageKeepsItsOriginalHTMLWithEachTextVersion() throws {
    // Given a library holding a page
    let library = try Library.inMemory()
    let first = "<html><body><p>Prima stesura.</p><nav>menu</nav></body></html>"
    let id = try library.add(page(["Prima stesura."], html: first)).id
    #expect(try library.originalHTML(of: id) == Data(first.utf8))
    // When the page is saved again with other text
    let second = "<html><body><p>Seconda stesura.</p></body></html>"
    #expect(try library.add(page(["Seconda stesura."], html: second)) == .updated(id))
    // Then the current version's page is the new one
    #expect(try library.versions(of: id).count == 2)
    #expect(try library.originalHTML(of: id) == Data(second.utf8))
    // And the same text behind a changed page (new ads) keeps the page it was read from
    let third = "<html><body><p>Seconda stesura.</p><aside>altro</aside></body></html>"
    #expect(try library.add(page(["Seconda stesura."], html: third)) == .unchanged(id))
    #expect(try library.originalHTML(of: id) == Data(second.utf8))
  }

  @Test func textArticlesHaveNoOriginalPage() throws {
    let library = try Library.inMemory()
    let id = try library.add(imported("Nota", ["Solo testo."])).id
    #expect(try library.originalHTML(of: id) == nil)
    #expect(throws: LibraryError.self) { try library.originalHTML(of: id + 1) }
  }

}
