import Foundation
import LeggioStore
import LeggioLayout
import LeggioTUI
import Testing

/// Selecting a passage in the reader by word, sentence and paragraph, across pages.
@Suite struct SelectionTests {
  /// Paragraphs of two sentences each: "Beta 1 says hi. Then gamma 1 ends." ...
  static func story(_ count: Int = 30) -> StoredArticle {
    let names = ["alpha", "beta", "gamma", "delta", "omega"]
    return Fixtures.simple(
      id: 1, title: "Story",
      paragraphs: (1...count).map { n in
        "\(names[n % 5].capitalized) \(n) says hi. Then \(names[(n + 1) % 5]) \(n) ends."
      })
  }

  static func selected(_ app: Application) throws -> String {
    let reader = try #require(app.state.reader)
    let selection = try #require(reader.selection)
    return reader.canonical.substring(selection)
  }

  /// The text of the cells on screen carrying `overlay`, row by row.
  static func marked(_ grid: CellGrid, _ overlay: UIRole) -> [String] {
    (0..<grid.height).compactMap { row in
      let text = String(
        (0..<grid.width).filter {
          grid[$0, row].style.overlay == overlay && grid[$0, row].width > 0
        }
        .map { grid[$0, row].character })
      return text.isEmpty ? nil : text
    }
  }

  @Test func vSelectsTheFirstWordThenWordsSentencesAndParagraphs() throws {
    let app = makeApp(try makeLibrary([Self.story()]), width: 40, height: 10)
    app.press("<Enter>v")
    #expect(try Self.selected(app) == "Beta")
    #expect(app.state.screen == .selection)
    app.press("w")
    #expect(try Self.selected(app) == "Beta 1")
    app.press("w")
    #expect(try Self.selected(app) == "Beta 1 says")
    app.press(")")
    #expect(try Self.selected(app) == "Beta 1 says hi.")
    app.press(")")
    #expect(try Self.selected(app) == "Beta 1 says hi. Then gamma 1 ends.")
    app.press("(")
    #expect(try Self.selected(app) == "Beta 1 says hi.")
    app.press("}")
    #expect(try Self.selected(app) == "Beta 1 says hi. Then gamma 1 ends.")
    app.press("}")
    #expect(try Self.selected(app).hasSuffix("Gamma 2 says hi. Then delta 2 ends."))
    app.press("{b")
    #expect(try Self.selected(app) == "Beta 1 says hi. Then gamma 1")
    #expect(Self.marked(app.render(), .selection).joined(separator: " ").hasPrefix("Beta 1"))
    app.press("<Esc>")
    #expect(app.state.reader?.selection == nil)
    #expect(app.state.screen == .reader)
    #expect(Self.marked(app.render(), .selection).isEmpty)
  }

  @Test func selectionRunsAcrossAPageBreakAndThePageFollowsItsEnd() throws {
    let app = makeApp(try makeLibrary([Self.story()]), width: 40, height: 10)
    app.press("<Enter><Space>v")
    let reader = try #require(app.state.reader)
    let firstPage = try #require(reader.page)
    let start = try #require(reader.selection?.lowerBound)
    #expect(start >= firstPage.source.lowerBound)
    // Extend paragraph by paragraph until the end leaves the page.
    var presses = 0
    while app.state.reader?.pageIndex == 1 && presses < 20 {
      app.press("}")
      presses += 1
    }
    let after = try #require(app.state.reader)
    #expect(after.pageIndex == 2)
    let selection = try #require(after.selection)
    #expect(selection.lowerBound == start)
    #expect(after.page?.source.contains(selection.upperBound - 1) == true)
    // The part on this page is drawn selected from the top.
    let marked = Self.marked(app.render(), .selection)
    #expect(!marked.isEmpty)
    #expect(app.render().rows[0].contains(marked[0]))
    // Shrinking back over the break returns to the page where the end now is.
    app.press("{")
    #expect(app.state.reader?.pageIndex == 1)
    #expect(try Self.selected(app).hasPrefix(reader.canonical.substring(start..<start + 4)))
  }

  @Test func aSearchMatchStartsTheSelection() throws {
    let app = makeApp(try makeLibrary([Self.story()]), width: 40, height: 10)
    app.press("<Enter>/")
    app.type("delta 7 ends")
    app.press("<Enter>v")
    #expect(try Self.selected(app) == "delta 7 ends")
    app.press("(")
    #expect(try Self.selected(app) == "delta", "never back over the first word")
  }
}
