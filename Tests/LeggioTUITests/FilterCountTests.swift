import Foundation
import LeggioModel
import LeggioStore
import LeggioTestSupport
import Testing

@testable import LeggioTUI

/// While a filter is typed only whether more than `LibraryState.typingCountCap` rows
/// match is read (counting every match of one letter in a million articles took most of
/// each key's time); the header says so, and closing the filter counts them exactly.
@Suite struct FilterCountTests {
  @Test func aCountReadOnlyUpToTheCapShowsAPlusUntilTheFilterCloses() throws {
    let library = try LargeListTests.library()
    let app = makeApp(library, width: 100, height: 24)
    app.press("/")
    app.type("l")
    let exact = try library.count(ArticleQuery(search: "l"))
    #expect(exact > LibraryState.typingCountCap)
    app.send(.countAtLeast(app.state.library.query, LibraryState.typingCountCap))
    #expect(app.state.library.matching == LibraryState.typingCountCap)
    #expect(!app.state.library.matchingIsExact)
    #expect(app.render().rows[0].contains("· \(LibraryState.typingCountCap)+ shown"))
    app.press("<Enter>")
    #expect(app.state.library.matching == exact)
    #expect(app.state.library.matchingIsExact)
    #expect(app.render().rows[0].contains("· \(exact) shown"))
  }

  @Test func anExactCountWhileTypingNeedsNoSecondCount() throws {
    let library = try LargeListTests.library()
    let app = makeApp(library)
    app.press("/")
    app.type("lampo")
    #expect(app.state.library.matchingIsExact)
    #expect(app.state.library.matching == (try library.count(ArticleQuery(search: "lampo"))))
    var state = app.state
    #expect(update(&state, .event(.key(.enter))) == [])
  }
}
