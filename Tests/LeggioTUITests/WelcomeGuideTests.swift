import Testing

@testable import LeggioTUI

@Suite struct WelcomeGuideTests {
  @Test func emptyLibraryWelcomesWithTheGuide() throws {
    let app = makeApp(try makeLibrary(importing: []), width: 90, height: 8)
    assertScreen(
      app.render(),
      [
        " Leggio · your library is empty: add articles with `leggio add FILE` · the guide:",
        "   Welcome to Leggio                       Leggio guide                  2026-11-22    0%",
        "   Reading: the keys                       Leggio guide                  2026-11-22    0%",
        "   Highlights, notes and the notebook      Leggio guide                  2026-11-22    0%",
        "   Themes and configuration                Leggio guide                  2026-11-22    0%",
        "   The command line                        Leggio guide                  2026-11-22    0%",
        "",
        " Enter read  / filter  s sort  T tag  u unread  F feeds  ? help  q quit               1/5",
      ])
  }

  @Test func guidePagesOpenLikeArticlesAndNothingIsSaved() throws {
    let store = try makeLibrary(importing: [])
    let app = makeApp(store, width: 80, height: 24)
    app.press("j<Enter>")
    let reader = try #require(app.state.reader)
    #expect(reader.isGuide)
    #expect(reader.article.metadata.title == "Reading: the keys")
    #expect(reader.canonical.text.contains("the next page"))
    let grid = app.render()
    #expect(grid.rows[23].hasPrefix(" Reading: the keys"))
    app.press("<Space>q")
    #expect(app.state.reader == nil)
    #expect(try store.counts().total == 0)
    #expect(app.render().rows[2].contains("Reading: the keys"))
  }

  @Test func everyGuidePageIsBuiltIn() {
    let guide = Guide.articles()
    #expect(
      guide.map(\.summary.title) == [
        "Welcome to Leggio", "Reading: the keys", "Highlights, notes and the notebook",
        "Themes and configuration", "The command line",
      ])
    #expect(guide.allSatisfy { !$0.document.isEmpty && $0.summary.id < 0 })
    #expect(guide[0].document.blocks.contains { $0.plainText.contains("leggio add") })
  }
}

@Suite struct StartupProblemTests {
  @Test func problemsFoundAtStartShowTheFirstAndCountTheRest() throws {
    let app = makeApp(try makeLibrary(importing: []), width: 100, height: 8)
    app.showProblems(["config.toml line 2: unknown key \"thme\"", "there is no theme named \"x\""])
    let status = app.render().rows[7]
    #expect(status.hasPrefix(" config.toml line 2: unknown key \"thme\" (and 1 more: see stderr)"))
    #expect(Set(app.render().roles(7)).contains(.error))
    app.press("j")
    #expect(!app.render().rows[7].contains("config.toml"))
  }
}
