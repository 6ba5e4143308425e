import Testing

@testable import LeggioTUI

@Suite struct ResizeTests {
  @Test func tooSmallTerminalShowsANoticeInsteadOfTheReader() throws {
    let app = makeApp(try makeLibrary([ReaderScreenTests.numbered(100)]), width: 60, height: 20)
    app.press("<Enter>")
    app.send(.resize(width: 19, height: 5))
    assertScreen(
      app.render(),
      [
        "",
        "     Too small",
        "    for Leggio",
        "    (20x6 min)",
        "",
      ])
    #expect(Set(app.render().roles(1).filter { $0 != .background }) == [.notice])
  }

  @Test func firstPageStaysOnTheTitleBlockWhenTheWindowShrinks() throws {
    let library = try makeLibrary(importing: ["samples/cdt-putin-kim.txt"])
    let app = makeApp(library, width: 200, height: 60)
    app.press("<Enter>")
    app.send(.resize(width: 30, height: 10))
    #expect(app.state.reader?.pageIndex == 0)
    #expect(app.render().rows.joined().contains("Relazioni strategiche"))
  }

  @Test func keysWaitWhileTooSmallAndTheReaderComesBack() throws {
    let app = makeApp(try makeLibrary([ReaderScreenTests.numbered(100)]), width: 60, height: 20)
    app.press("<Enter>4G")
    let anchor = try #require(app.state.reader?.anchor)
    app.send(.resize(width: 10, height: 3))
    app.press("jjjq")
    #expect(app.state.reader != nil)
    app.send(.resize(width: 60, height: 20))
    #expect(app.state.reader?.pageIndex == 3)
    #expect(app.state.reader?.anchor == anchor)
    #expect(app.render().rows[19].contains("page 4/"))
  }

  @Test func zeroSizedTerminalDoesNotCrash() throws {
    let app = makeApp(try makeLibrary([ReaderScreenTests.numbered(3)]), width: 0, height: 0)
    app.press("<Enter>j")
    #expect(app.render().rows.isEmpty)
    app.send(.resize(width: 1, height: 1))
    #expect(app.render().rows == ["…"])
  }

  @Test func resizeKeepsTheFirstCharacterOnScreen() throws {
    let app = makeApp(try makeLibrary([ReaderScreenTests.numbered(400)]), width: 100, height: 30)
    app.press("<Enter>6G")
    let anchor = try #require(app.state.reader?.anchor)
    for (width, height) in [(60, 20), (100, 30), (30, 8), (100, 30)] {
      app.send(.resize(width: width, height: height))
      let reader = try #require(app.state.reader)
      let page = try #require(reader.page)
      #expect(page.source.lowerBound <= anchor && anchor < max(page.source.upperBound, anchor + 1))
      #expect(reader.anchor == anchor, "the anchor survives \(width)x\(height)")
    }
    #expect(app.state.reader?.pageIndex == 5)
  }

  @Test func libraryKeepsTheSelectionVisibleWhenShrunk() throws {
    let app = makeApp(try makeStore(Fixtures.many(100)), width: 60, height: 30)
    app.press(String(repeating: "j", count: 80))
    app.send(.resize(width: 60, height: 8))
    let rows = app.render().rows
    #expect(rows[6].contains("Article 20 "))
    #expect(rows[7].hasSuffix("81/100"))
  }
}
