import LeggioModel
import LeggioStore
import Testing

@testable import LeggioTUI

@Suite struct SearchTests {
  static func cityArticle() -> StoredArticle {
    var paragraphs = (1...60).map { "Filler paragraph \($0)." }
    paragraphs[2] = "Perché la città è bella."
    paragraphs[40] = "La CITTA di notte, e poi la Città."
    return Fixtures.simple(id: 3, title: "Città", paragraphs: paragraphs)
  }

  @Test func foldingIgnoresCaseAndDiacritics() {
    let canonical = CanonicalText(Self.cityArticle().document)
    let search = ArticleSearch(canonical)
    let matches = search.matches(of: "citta")
    #expect(matches.count == 3)
    #expect(matches.map { canonical.substring($0) } == ["città", "CITTA", "Città"])
    #expect(search.matches(of: "PERCHE LA").map { canonical.substring($0) } == ["Perché la"])
    #expect(search.matches(of: "nowhere").isEmpty)
  }

  @Test func decomposedAccentsMatchToo() {
    let document = Document(blocks: [Block(.paragraph, text: "Un caffe\u{301} e un caffè.")])
    let canonical = CanonicalText(document)
    let matches = ArticleSearch(canonical).matches(of: "CAFFÉ")
    #expect(matches.map { canonical.substring($0) } == ["caffe\u{301}", "caffè"])
  }

  @Test func slashSearchJumpsToTheMatchAndMarksItsCells() throws {
    let app = makeApp(try makeLibrary([Self.cityArticle()]), width: 40, height: 10)
    app.press("<Enter>/")
    app.type("citta")
    #expect(app.render().rows[9] == "/citta▏")
    app.press("<Enter>")
    let reader = try #require(app.state.reader)
    let grid = app.render()
    let row = try #require(grid.rows.firstIndex { $0.contains("Perché la città è bella.") })
    #expect(overlaid(grid, row: row, .searchMatch) == "città")
    #expect(grid.rows[9].hasPrefix(" match 1/3"))
    #expect(reader.paged.pageIndex(containing: reader.matches[0].lowerBound) == reader.pageIndex)
  }

  @Test func nAndCapitalNMoveBetweenMatchesAcrossPages() throws {
    let app = makeApp(try makeLibrary([Self.cityArticle()]), width: 40, height: 10)
    app.press("<Enter>/")
    app.type("citta")
    app.press("<Enter>n")
    let grid = app.render()
    let row = try #require(grid.rows.firstIndex { $0.contains("La CITTA di notte") })
    #expect(overlaid(grid, row: row, .searchMatch) == "CITTACittà")
    #expect(app.state.reader!.pageIndex > 0)
    #expect(grid.rows[9].hasPrefix(" match 2/3"))
    app.press("n")
    #expect(app.render().rows[9].hasPrefix(" match 3/3"))
    app.press("n")
    #expect(app.render().rows[9].hasPrefix(" match 1/3 (wrapped)"))
    #expect(app.state.reader!.pageIndex == 0)
    app.press("N")
    #expect(app.render().rows[9].hasPrefix(" match 3/3 (wrapped)"))
  }

  @Test func searchWithoutMatchSaysNotFoundAndStays() throws {
    let app = makeApp(try makeLibrary([Self.cityArticle()]), width: 40, height: 10)
    app.press("<Enter><Space>/")
    app.type("zebra")
    app.press("<Enter>")
    let grid = app.render()
    #expect(grid.rows[9].hasPrefix(" Not found: zebra"))
    #expect(Set(grid.roles(9).prefix(10)) == [.error])
    #expect(app.state.reader?.pageIndex == 1)
  }

  @Test func escapeCancelsTheSearchPrompt() throws {
    let app = makeApp(try makeLibrary([Self.cityArticle()]), width: 40, height: 10)
    app.press("<Enter>/ab<BS><Esc>")
    #expect(app.state.prompt == nil)
    #expect(app.state.reader?.searchQuery == nil)
  }
}
