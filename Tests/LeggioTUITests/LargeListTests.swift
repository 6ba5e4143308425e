import Foundation
import LeggioModel
import LeggioStore
import LeggioTestSupport
import Testing

@testable import LeggioTUI

/// The list over a large library reads only what is on screen: the last screen from the
/// end, the kept counts, and one query for keys typed into the filter together. What it
/// shows must be what reading it from the start showed.
@Suite struct LargeListTests {
  /// 230 articles with a word each in common with others, some starred, some read.
  static func library() throws -> Library {
    let library = try Library.inMemory()
    let words = ["lago", "lavoro", "monte", "mare", "lampo"]
    _ = try library.addFeedArticles(
      (0..<230).map { n in
        imported(
          "Notizia \(n) \(words[n % 5])", ["Il \(words[(n / 5) % 5]) di oggi, numero \(n)."],
          source: "https://e.org/\(n)")
      })
    try library.saveReadingPosition(articleID: 7, offset: 0, progress: 0.5)
    return library
  }

  /// The rows on screen, as text.
  func screenRows(_ app: Application) -> [String] {
    app.render().rows
  }

  @Test func theLastScreenReadFromTheEndShowsWhatScrollingDownShows() throws {
    let library = try Self.library()
    let jumped = makeApp(library, width: 80, height: 24)
    jumped.press("<End>")
    let scrolled = makeApp(library, width: 80, height: 24)
    for _ in 0..<229 { scrolled.press("j") }
    #expect(jumped.state.library.selected == 229)
    #expect(screenRows(jumped) == screenRows(scrolled))
    #expect(jumped.state.library.selectedRow?.title == scrolled.state.library.selectedRow?.title)
  }

  @Test func keysTypedTogetherFilterAsKeysTypedOneByOne() throws {
    let library = try Self.library()
    let together = makeApp(library)
    together.press("/")
    together.send(typed: "la".map { .key(.character($0)) })
    together.send(typed: "vo".map { .key(.character($0)) } + [.key(.enter), .key(.character("j"))])
    let oneByOne = makeApp(library)
    oneByOne.press("/")
    oneByOne.type("lavo")
    oneByOne.press("<Enter>j")
    #expect(together.state.library.query.search == "lavo")
    #expect(together.state.prompt == nil)
    #expect(together.state.library.matching == oneByOne.state.library.matching)
    #expect(together.state.library.matching == (try library.count(ArticleQuery(search: "lavo"))))
    #expect(together.state.library.matching > 0)
    #expect(together.state.library.selected == 1)
    #expect(screenRows(together) == screenRows(oneByOne))
  }

  @Test func theHeaderCountsComeFromTheKeptCounts() throws {
    let library = try Self.library()
    let app = makeApp(library)
    #expect(app.state.library.counts == LibraryCounts(total: 230, unread: 229))
    #expect(app.state.library.matching == 230)
    app.press("u")
    #expect(app.state.library.matching == 229)
  }
}
