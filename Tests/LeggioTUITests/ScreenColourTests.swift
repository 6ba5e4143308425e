import Testing

@testable import LeggioTUI

/// The grid's roles meet a theme's colours.
@Suite struct ScreenColourTests {
  static let theme = Theme(
    name: "test",
    styles: [
      .text: ResolvedStyle(foreground: .rgb(220, 220, 210), background: .rgb(30, 30, 30)),
      .title: ResolvedStyle(foreground: .rgb(255, 200, 100), bold: true),
      .statusBar: ResolvedStyle(foreground: .rgb(0, 0, 0), background: .rgb(180, 180, 255)),
      .selectedRow: ResolvedStyle(foreground: .indexed(15), background: .indexed(24)),
      .searchMatch: ResolvedStyle(foreground: .rgb(0, 0, 0), background: .rgb(255, 230, 0)),
    ])

  @Test func statusBarAndSelectedRowTakeTheThemesColours() throws {
    let app = makeApp(try makeLibrary([try Fixtures.referenceArticle()]), width: 80, height: 10)
    let grid = app.render()
    #expect(Self.theme.resolve(grid[40, 9].style).background == .rgb(180, 180, 255))
    #expect(Self.theme.resolve(grid[70, 1].style).background == .indexed(24))
    #expect(
      Self.theme.resolve(grid[70, 1].style).background.degraded(to: .none) == .terminalDefault)
  }

  @Test func searchMatchesAndTitleTakeTheirColours() throws {
    let app = makeApp(try makeLibrary([SearchTests.cityArticle()]), width: 40, height: 10)
    app.press("<Enter>")
    var grid = app.render()
    // The page has a margin of one cell (the reader settings' default).
    let titleStyle = Self.theme.resolve(grid[1, 0].style)
    #expect(titleStyle.foreground == .rgb(255, 200, 100) && titleStyle.bold)
    app.press("/")
    app.type("bella")
    app.press("<Enter>")
    grid = app.render()
    let row = try #require(grid.rows.firstIndex { $0.contains("bella") })
    let column = try #require(
      (0..<grid.width).first { grid[$0, row].style.overlay == .searchMatch })
    #expect(Self.theme.resolve(grid[column, row].style).background == .rgb(255, 230, 0))
    #expect(Self.theme.resolve(grid[column - 1, row].style).background != .rgb(255, 230, 0))
  }
}
