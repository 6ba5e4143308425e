import Foundation
import LeggioImport
import LeggioStore
import LeggioTestSupport
import Testing

@testable import LeggioTUI

/// Every book of the corpus, added to a library and opened in the reader, reads from its
/// first page to its last with every word of its spine, in order: the words are read by
/// an independent reader (`SpineOracle`: Python's zipfile and html.parser) and looked for
/// in the pages as the reader lays them out, page after page with the next-page key.
/// Inside a table whose cells wrap side by side, a row reads across its cells, so a
/// wrapped cell's words are only required to be on the pages (`cellsMayWrap`).
@Suite struct BookReadThroughTests {
  static var books: [URL] { SpineOracle.corpusBooks }

  @Test func theCorpusHoldsTenBooks() {
    #expect(Self.books.count == 10)
  }

  @Test(arguments: books)
  func everyWordOfTheSpineIsOnThePagesInOrder(_ url: URL) async throws {
    let library = try Library.inMemory()
    let outcome = try library.add(try ArticleImporter.importFile(at: url))
    #expect(outcome == .added(1))
    let app = makeApp(library, width: 120, height: 50)
    app.press("<Enter>")
    var pages: [String] = []
    while let reader = app.state.reader, let page = reader.page {
      // Long books: let the test process's 127.0.0.1 servers have a turn on the pool.
      await Task.yield()
      #expect(page.index == pages.count)
      // Each line in reading (logical) order: right-to-left runs are drawn reordered, so
      // runs that know their place in the text are put back in its order; lines that do
      // not (table rows, the title block) are taken as drawn.
      pages.append(
        page.lines.map { line in
          let placed = line.runs.filter { $0.source != nil }
          guard !placed.isEmpty else { return line.plainText }
          return placed.sorted { $0.source!.lowerBound < $1.source!.lowerBound }
            .map(\.text).joined()
        }.joined(separator: "\n"))
      app.press("<Space>")
      guard app.state.reader?.pageIndex != page.index else { break }
    }
    #expect(app.state.reader?.pageCount == .exact(pages.count))
    let chunks = try SpineOracle.chunks(of: url)
    #expect(!chunks.isEmpty)
    let missing = SqueezedText(pages.joined(separator: "\n")).missing(chunks, cellsMayWrap: true)
    let first = missing.first.map { String($0.prefix(40)) } ?? ""
    #expect(
      missing.isEmpty,
      "\(url.lastPathComponent): \(missing.count) of \(chunks.count) not on the pages in order, first: \(first)"
    )
  }
}
