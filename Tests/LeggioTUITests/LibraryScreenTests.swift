import LeggioStore
import Testing

@testable import LeggioTUI

@Suite struct LibraryScreenTests {
  static func threeArticles() throws -> Library {
    try makeStore([
      try Fixtures.referenceArticle(id: 1),
      Fixtures.simple(
        id: 2, title: "Il lago di Lugano d'inverno", kicker: "Ticino",
        byline: "Anna Bernasconi", published: "2024-01-10", added: "2024-01-11", unread: false,
        progress: 0.42, tags: ["ticino"]),
      Fixtures.simple(
        id: 3, title: "東京の朝 — a morning in Tokyo", byline: "Kenji", published: "2024-03-02",
        added: "2024-03-03", tags: ["travel"]),
    ])
  }

  @Test func listShowsOneRowPerArticleWithCountsAndKeys() throws {
    let app = makeApp(try Self.threeArticles(), width: 100, height: 8)
    assertScreen(
      app.render(),
      [
        " Leggio · 3 articles · 2 unread · 3 shown                                             by date added",
        " ● 東京の朝 — a morning in Tokyo                                  Kenji            2024-03-02    0%",
        "   Il lago di Lugano d'inverno                   Ticino           Anna Bernasconi  2024-01-10   42%",
        " ● Quell'amicizia tra Putin e Kim Jong-un che …  Relazioni stra…  Red. Online      2023-08-16    0%",
        "",
        "",
        "",
        " Enter read  / filter  s sort  T tag  u unread  F feeds  ? help  q quit                         1/3",
      ])
  }

  @Test func selectedRowIsHighlightedAndMovesWithJ() throws {
    let app = makeApp(try Self.threeArticles(), width: 60, height: 8)
    #expect(Set(app.render().roles(1)) == [.selectedRow])
    app.press("j")
    let grid = app.render()
    #expect(Set(grid.roles(2)) == [.selectedRow])
    #expect(grid.roles(1).contains(.listRow) && grid.roles(1).contains(.unreadMark))
    #expect(grid.rows[7].hasSuffix("2/3"))
  }

  @Test func narrowScreenDropsBylineThenSourceThenDate() throws {
    let app = makeApp(try Self.threeArticles(), width: 44, height: 6)
    assertScreen(
      app.render(),
      [
        " Leggio · 3 articles · 2 unread · 3 shown",
        " ● 東京の朝 — a morning in Tokyo         0%",
        "   Il lago di Lugano d'inverno          42%",
        " ● Quell'amicizia tra Putin e Kim Jo…    0%",
        "",
        " Enter read  / filter  s sort  T tag    1/3",
      ])
  }

  @Test func sortCyclesThroughPublishedTitleAndProgress() throws {
    let app = makeApp(try Self.threeArticles(), width: 100, height: 8)
    func titles() -> [String] {
      app.render().rows[1...3].map { String($0.dropFirst(3).prefix(8)) }
    }
    app.press("s")
    #expect(app.render().rows[0].hasSuffix("by date published"))
    #expect(titles() == ["東京の朝 — a", "Il lago ", "Quell'am"])
    app.press("s")
    #expect(app.render().rows[0].hasSuffix("by title"))
    #expect(titles() == ["Il lago ", "Quell'am", "東京の朝 — a"])
    app.press("s")
    #expect(app.render().rows[0].hasSuffix("by progress"))
    #expect(titles().last == "Il lago ")
    app.press("s")
    #expect(app.render().rows[0].hasSuffix("by date added"))
  }

  @Test func slashFiltersAsYouTypeAndEscapeClears() throws {
    let app = makeApp(try Self.threeArticles(), width: 80, height: 7)
    app.press("/")
    app.type("pyongya")
    var grid = app.render()
    #expect(grid.rows[0].contains("1 shown"))
    #expect(grid.rows[0].hasSuffix("“pyongya”"))
    #expect(grid.rows[1].contains("Quell'amicizia"))
    #expect(grid.rows[6] == "Filter: pyongya▏")
    app.press("<Esc>")
    grid = app.render()
    #expect(grid.rows[0].contains("3 shown"))
    #expect(grid.rows[6].hasSuffix("1/3"))
  }

  @Test func filterWithNoMatchSaysSo() throws {
    let app = makeApp(try Self.threeArticles(), width: 60, height: 7)
    app.press("/")
    app.type("zzzz<Enter>")
    #expect(app.render().rows[3] == "                     No article matches")
  }

  @Test func tagPickerListsTagsAndFilters() throws {
    let app = makeApp(try Self.threeArticles(), width: 40, height: 10)
    app.press("T")
    assertScreen(
      app.render(),
      [
        " 3 articles · 2 unread · 3 shown",
        " ● 東京の朝 — a morning in Tokyo     0%",
        "   Il lago┌─ Filter by tag ─┐o      42%",
        " ● Quell'a│ All articles    │ Ki…    0%",
        "          │ ticino          │",
        "          │ travel          │",
        "          └─────────────────┘",
        "",
        "",
        " Enter read  / filter  s sort       1/3",
      ])
    #expect(app.render()[12, 3].style.role == .selectedRow)
    app.press("j<Enter>")
    let grid = app.render()
    #expect(grid.rows[0].contains("1 shown"))
    #expect(grid.rows[1].contains("Il lago di Lugano"))
    #expect(grid.rows[2] == "")
  }

  @Test func unreadOnlyHidesWhatWasRead() throws {
    let app = makeApp(try Self.threeArticles(), width: 100, height: 7)
    app.press("u")
    let grid = app.render()
    #expect(grid.rows[0].contains("2 shown"))
    #expect(grid.rows[0].hasSuffix("by date added · unread only"))
    #expect(!grid.rows.contains { $0.contains("Lugano") })
  }

  @Test func removeAsksFirstThenMovesToTheBin() throws {
    let store = try Self.threeArticles()
    let app = makeApp(store, width: 80, height: 7)
    app.press("D")
    #expect(app.render().rows[6] == " Move “東京の朝 — a morning in Tokyo” to the bin? y/n")
    app.press("n")
    #expect(try store.counts().total == 3)
    app.press("Dy")
    let grid = app.render()
    #expect(try store.counts().total == 2)
    #expect(grid.rows[0].contains("2 articles"))
    #expect(grid.rows[6].hasPrefix(" Moved to the bin"))
  }

  @Test func tenThousandArticlesFetchOnlyTheVisibleWindows() throws {
    let store = try makeStore(Fixtures.many(10_000))
    let app = makeApp(store, width: 80, height: 24)
    #expect(app.render().rows[1].contains("Article 10000"))
    app.press("G")
    let grid = app.render()
    #expect(grid.rows[22].contains("Article 1 "))
    #expect(grid.rows[23].hasSuffix("10000/10000"))
    // Only the windows on screen were read: the first and the last.
    let windows = app.state.library.windows
    #expect(windows.count <= 3)
    #expect(windows.values.allSatisfy { $0.count <= LibraryState.windowSize })
  }

  @Test func controlCharactersInTitlesNeverReachTheScreen() throws {
    let store = try makeStore([
      Fixtures.simple(
        id: 1, title: "Evil\u{1B}[2J\u{07}title\nsecond line\u{202E}kcab", byline: "By\u{9B}31m")
    ])
    let grid = makeApp(store, width: 80, height: 6).render()
    #expect(grid.rows[1].hasPrefix(" ● Evil␛[2J␇title second line\u{FFFD}kcab"))
    for cell in grid.cells {
      #expect(
        !cell.character.unicodeScalars.contains {
          $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
        })
    }
  }
}

@Suite struct ImportedRowTests {
  /// A library with a starred article read to the end and a pending one from an export.
  static func library() throws -> Library {
    let library = try makeStore([
      Fixtures.simple(
        id: 1, title: "A favourite", added: "2024-01-01", unread: false, progress: 1)
    ])
    try library.setStarred(ids: [1], true)
    _ = library.importEntries([
      ImportEntry(entry: "line 2", url: "https://example.com/saved", title: "Saved in Pocket")
    ])
    return library
  }

  @Test func starredAndPendingArticlesAreMarkedInTheList() throws {
    let grid = makeApp(try Self.library(), width: 60, height: 6).render()
    #expect(grid.rows[1].hasPrefix(" ● Saved in Pocket "))
    #expect(grid.rows[1].hasSuffix("  wait"))
    #expect(grid.rows[2].hasPrefix("★  A favourite "))
    #expect(grid.rows[2].hasSuffix("2024-01-01  100%"))
  }

  @Test func starKeyShowsOnlyStarredArticles() throws {
    let app = makeApp(try Self.library(), width: 100, height: 6)
    app.press("*")
    let grid = app.render()
    #expect(grid.rows[1].contains("A favourite"))
    #expect(!grid.rows.joined().contains("Saved in Pocket"))
    #expect(grid.rows[0].contains("starred"))
    app.press("<Esc>")
    #expect(app.render().rows.joined().contains("Saved in Pocket"))
  }
}
