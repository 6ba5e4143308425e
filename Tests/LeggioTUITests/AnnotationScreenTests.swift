import Foundation
import LeggioTUI
import Testing

/// Highlights, notes and bookmarks made in the reader, written to the real library and
/// drawn in their colours; the article's marks list and the notebook.
@Suite struct AnnotationScreenTests {
  static func marked(_ grid: CellGrid, _ overlay: UIRole) -> String {
    SelectionTests.marked(grid, overlay).joined(separator: " ")
  }

  @Test func highlightIsSavedAndDrawnInTheChosenColour() throws {
    let library = try makeLibrary(importing: ["samples/cdt-putin-kim.txt"])
    let app = makeApp(library, width: 80, height: 24)
    app.press("<Enter>/")
    app.type("tenere Putin per mano")
    app.press("<Enter>vh")
    #expect(app.state.status?.text.hasPrefix("Highlighted in colour 1") == true)
    #expect(Self.marked(app.render(), .highlight1) == "tenere Putin per mano")
    app.press("2")
    let grid = app.render()
    #expect(Self.marked(grid, .highlight2) == "tenere Putin per mano")
    #expect(Self.marked(grid, .highlight1).isEmpty)
    let saved = try library.annotations.annotations()
    #expect(saved.count == 1)
    #expect(saved.first?.color?.rawValue == 2)
    #expect(saved.first?.anchor.quote == "tenere Putin per mano")
    // Drawn again from the library by a new application.
    let again = makeApp(library, width: 80, height: 24)
    again.press("<Enter>")
    #expect(Self.marked(again.render(), .highlight2) == "tenere Putin per mano")
  }

  @Test func noteFromThePromptCarriesAMarkAndShowsWhenTheSelectionReachesIt() throws {
    let library = try makeLibrary(importing: ["samples/cdt-putin-kim.txt"])
    let app = makeApp(library, width: 80, height: 24)
    app.press("<Enter>/")
    app.type("gonfie vele")
    app.press("<Enter>va")
    #expect(app.state.prompt != nil)
    app.type("una metafora")
    app.press("<Enter>")
    #expect(app.state.status?.text == "Note saved")
    let grid = app.render()
    // The mark follows the line where the passage ends.
    let row = try #require(grid.rows.firstIndex { $0.contains("vele.") })
    let markColumn = try #require((0..<grid.width).first { grid[$0, row].character == "✎" })
    #expect(grid[markColumn, row].style.overlay == .noteMark)
    #expect(Self.marked(grid, .highlight1) == "gonfie vele")
    #expect(try library.annotations.annotations().first?.note == "una metafora")
    // A selection moving onto the passage shows its note.
    app.press("/")
    app.type("sembra andare")
    app.press("<Enter>vww")
    #expect(app.state.status?.text == "✎ una metafora")
  }

  @Test func marksListJumpsRecoloursDeletesAndUndoes() throws {
    let library = try makeLibrary(importing: ["samples/cdt-putin-kim.txt"])
    let app = makeApp(library, width: 80, height: 24)
    app.press("<Enter>m")
    app.type("inizio")
    app.press("<Enter>")
    #expect(app.state.status?.text == "Bookmarked: inizio")
    app.press("G/")
    app.type("Pyongyang")
    app.press("<Enter>vh'")
    guard case .marks = app.state.modal else {
      Issue.record("the marks list did not open")
      return
    }
    let rows = app.render().rows.joined(separator: "\n")
    #expect(rows.contains("Bookmark: inizio"))
    #expect(rows.contains("“Pyongyang”"))
    app.press("G4")
    #expect(app.state.reader?.annotations.last?.color?.rawValue == 4)
    app.press("d")
    #expect(app.state.status?.text == "Deleted: u brings it back")
    #expect(try library.annotations.annotations().count == 1)
    app.press("u")
    #expect(try library.annotations.annotations().count == 2)
    app.press("g<Enter>")
    #expect(app.state.modal == nil)
    #expect(app.state.reader?.pageIndex == 0)
  }

  @Test func digitsRecolourOnlyRightAfterAHighlightThenCountPagesAgain() throws {
    let library = try makeLibrary(importing: ["samples/cdt-putin-kim.txt"])
    let app = makeApp(library, width: 80, height: 24)
    app.press("<Enter>vh3")
    #expect(try library.annotations.annotations().first?.color?.rawValue == 3)
    app.press("'a")
    app.type("nota")
    app.press("<Enter>")
    #expect(app.state.status?.text == "Note saved")
    // The list stays open after the edit; closed, digits count pages again.
    app.press("<Esc>2G")
    #expect(app.state.reader?.pageIndex == 1)
    #expect(try library.annotations.annotations().first?.color?.rawValue == 3)
  }

  @Test func notebookListsNewestFirstGroupedSearchesAndOpensAtThePassage() throws {
    let library = try makeLibrary(importing: [
      "samples/cdt-putin-kim.txt", "corpus/texts/i-promessi-sposi_pg45334_it.txt",
    ])
    let store = library.annotations
    let putin = try #require(
      try library.annotationArticle(uuid: library.articleUUID(reference: "1")!))
    let sposi = try #require(
      try library.annotationArticle(uuid: library.articleUUID(reference: "2")!))
    try store.annotate(
      putin, quote: "gonfie vele", color: try .checked(3), now: Date(timeIntervalSince1970: 1))
    try store.annotate(
      sposi, quote: "Quel ramo del lago di Como", note: "l'inizio",
      now: Date(timeIntervalSince1970: 2))
    try store.annotate(
      sposi, quote: "don Abbondio", tags: ["personaggi"], now: Date(timeIntervalSince1970: 3))
    let app = makeApp(library, width: 80, height: 12)
    app.press("N")
    #expect(app.state.screen == .notebook)
    let rows = app.render().rows
    let sposiTitle = try #require(rows.firstIndex { $0.contains("don Abbondio") })
    let noteRow = try #require(rows.firstIndex { $0.contains("Quel ramo del lago di Como") })
    let putinRow = try #require(rows.firstIndex { $0.contains("gonfie vele") })
    #expect(sposiTitle < noteRow && noteRow < putinRow)
    #expect(rows[noteRow].contains("— l'inizio"))
    app.press("T")
    #expect(app.state.notebook?.entries.map(\.annotation.anchor.quote) == ["don Abbondio"])
    #expect(app.render().rows[0].contains("#personaggi"))
    app.press("T")
    #expect(app.state.notebook?.entries.count == 3)
    app.press("3")
    #expect(app.state.notebook?.entries.map(\.annotation.anchor.quote) == ["gonfie vele"])
    app.press("3/")
    app.type("lago")
    #expect(
      app.state.notebook?.entries.map(\.annotation.anchor.quote) == ["Quel ramo del lago di Como"])
    app.press("<Enter><Enter>")
    let reader = try #require(app.state.reader)
    #expect(reader.article.metadata.title.localizedCaseInsensitiveContains("promessi"))
    let start = try #require(reader.annotations.first { $0.hasNote }?.anchor.start)
    #expect(reader.page?.source.contains(start) == true)
  }
}
