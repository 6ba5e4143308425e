import LeggioStore
import LeggioLayout
import Testing

@testable import LeggioTUI

@Suite struct ReaderScreenTests {
  /// An article of `count` numbered paragraphs, long enough for many pages.
  static func numbered(_ count: Int, id: Int64 = 7) -> StoredArticle {
    Fixtures.simple(
      id: id, title: "Numbered", paragraphs: (1...count).map { "Paragraph \($0) of the story." })
  }

  @Test func referenceArticleFirstPageShowsTitleBlockAndStatus() throws {
    let app = makeApp(try makeLibrary([try Fixtures.referenceArticle()]), width: 80, height: 24)
    app.press("<Enter>")
    let grid = app.render()
    // The whole screen, row by row, is ReferenceArticleScreenTests' to check.
    // The title block comes first, in the title's role.
    let titleRow = try #require(
      grid.rows.firstIndex { $0.contains("Quell'amicizia tra Putin e Kim Jong-un") })
    #expect(titleRow < 6)
    #expect(grid.roles(titleRow).contains(.title))
    #expect(Set(grid.roles(23)) == [.statusBar])
  }

  @Test func nextAndPreviousPageKeysTurnPages() throws {
    let app = makeApp(try makeLibrary([Self.numbered(200)]), width: 40, height: 10)
    app.press("<Enter>")
    for key in ["<Space>", "<PgDn>", "l", "<Right>", "j"] {
      let before = try #require(app.state.reader?.pageIndex)
      app.press(key)
      #expect(app.state.reader?.pageIndex == before + 1, "\(key)")
    }
    for key in ["b", "<PgUp>", "h", "<Left>", "k"] {
      let before = try #require(app.state.reader?.pageIndex)
      app.press(key)
      #expect(app.state.reader?.pageIndex == before - 1, "\(key)")
    }
    #expect(app.state.reader?.pageIndex == 0)
  }

  @Test func pageTurnShowsTheNextPagesLines() throws {
    let app = makeApp(try makeLibrary([Self.numbered(200)]), width: 40, height: 10)
    app.press("<Enter><Space>")
    let reader = try #require(app.state.reader)
    let page = try #require(reader.paged.page(at: 1))
    let grid = app.render()
    #expect(grid.rows[0] == page.lines[0].plainText)
    #expect(grid.rows[9].contains("page 2/"))
    #expect(page.source.lowerBound > 0)
    #expect(reader.anchor == page.source.lowerBound)
  }

  @Test func gAndCapitalGGoToFirstLastAndNumberedPage() throws {
    let app = makeApp(try makeLibrary([Self.numbered(200)]), width: 40, height: 10)
    app.press("<Enter>G")
    let last = try #require(app.state.reader).pageCount.value - 1
    #expect(app.state.reader?.pageIndex == last)
    app.press("g")
    #expect(app.state.reader?.pageIndex == 0)
    app.press("12")
    #expect(app.render().rows[9].contains("12  page 1/"))
    app.press("G")
    #expect(app.state.reader?.pageIndex == 11)
    app.press("999G")
    #expect(app.state.reader?.pageIndex == last)
  }

  @Test func mouseWheelTurnsPages() throws {
    let app = makeApp(try makeLibrary([Self.numbered(200)]), width: 40, height: 10)
    app.press("<Enter>")
    app.send(.wheel(up: false))
    app.send(.wheel(up: false))
    app.send(.wheel(up: true))
    #expect(app.state.reader?.pageIndex == 1)
  }

  @Test func readingPositionIsSavedOnLeavingAndRestoredAtAnotherSize() throws {
    let store = try makeLibrary([Self.numbered(300)])
    let app = makeApp(store, width: 60, height: 20)
    app.press("<Enter>5G")
    let anchor = try #require(app.state.reader?.anchor)
    app.press("q")
    #expect(app.state.reader == nil)
    #expect(store.readingOffset(of: 1) == anchor)
    #expect(app.render().rows[1].contains("Numbered"))
    #expect(!app.render().rows[1].contains("●"))
    let again = makeApp(store, width: 100, height: 30)
    again.press("<Enter>")
    let page = try #require(again.state.reader?.page)
    #expect(page.source.contains(anchor) || page.source.lowerBound == anchor)
  }

  @Test func quittingFromTheReaderSavesThePosition() throws {
    let store = try makeLibrary([Self.numbered(300)])
    let app = makeApp(store, width: 60, height: 20)
    app.press("<Enter>3G<C-c>")
    #expect(app.state.shouldQuit)
    #expect(store.readingOffset(of: 1) == app.state.reader?.anchor)
    #expect((store.readingOffset(of: 1) ?? 0) > 0)
  }

  @Test func helpShowsTheReadersKeysAndAnyKeyCloses() throws {
    let app = makeApp(try makeLibrary([Self.numbered(50)]), width: 80, height: 24)
    app.press("<Enter>?")
    let rows = app.render().rows
    #expect(rows.contains { $0.contains("┌─ Keys: reader ─") })
    #expect(rows.contains { $0.contains("│ Space PgDn l → j ↓ Ctrl-F  next page ") })
    #expect(rows.contains { $0.contains("Any key closes this help.") })
    app.press("x")
    #expect(app.state.modal == nil)
    #expect(app.state.reader?.pageIndex == 0)
  }

  @Test func tCyclesThemesLive() throws {
    let app = Application(
      library: try makeLibrary([Self.numbered(5)]), width: 60, height: 10,
      themeNames: ["dark", "sepia", "nord"])
    app.start()
    app.press("t")
    #expect(app.state.themeIndex == 1)
    #expect(app.render().rows[9].hasPrefix(" Theme: sepia"))
    app.press("<Enter>tt")
    #expect(app.state.themeIndex == 0)
  }

  @Test func escapeGoesBackToTheList() throws {
    let app = makeApp(try makeLibrary([Self.numbered(5)]), width: 60, height: 10)
    app.press("<Enter><Esc>")
    #expect(app.state.reader == nil)
    #expect(!app.state.shouldQuit)
  }
}
