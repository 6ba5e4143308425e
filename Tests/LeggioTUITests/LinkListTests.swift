import LeggioStore
import Testing

@testable import LeggioTUI

@Suite struct LinkListTests {
  static func linked() -> StoredArticle {
    Fixtures.simple(
      id: 4, title: "Links", paragraphs: ["Read these."],
      links: [
        ("the report", "https://example.org/report"), (" and ", ""),
        ("the \u{1B}]8;;evil\u{07}map", "https://example.org/map\u{1B}[2J"),
      ])
  }

  @Test func enterListsTheArticlesLinks() throws {
    let app = makeApp(try makeLibrary([Self.linked()]), width: 60, height: 10)
    app.press("<Enter><Enter>")
    assertScreen(
      app.render(),
      [
        " Links",
        "",
        " Read these.",
        "   ┌─ Links (2) · Enter show · s save · o browser ──────┐",
        " th│ 1. the report — https://example.org/report         │",
        "   │ 2. the ␛]8;;evil␇map — https://example.org/map␛[2J │",
        "   └────────────────────────────────────────────────────┘",
        "",
        "",
        " Links                                       page 1/1  100%",
      ])
    app.press("j<Enter>")
    #expect(app.render().rows[9].hasPrefix(" [2] https://example.org/map␛[2J"))
    app.press("q")
    #expect(app.state.modal == nil)
    #expect(app.state.reader != nil)
  }

  @Test func aNumberThenEnterShowsThatLink() throws {
    let app = makeApp(try makeLibrary([Self.linked()]), width: 60, height: 10)
    app.press("<Enter>1<Enter>")
    #expect(app.state.modal == nil)
    #expect(app.render().rows[9].hasPrefix(" [1] https://example.org/report"))
  }

  @Test func anArticleWithoutLinksSaysSo() throws {
    let app = makeApp(try makeLibrary([ReaderScreenTests.numbered(3)]), width: 60, height: 10)
    app.press("<Enter><Enter>")
    #expect(app.render().rows[9].hasPrefix(" This article has no links"))
  }
}
