import Foundation
import GRDB
import LeggioModel
import LeggioTestSupport
import Testing

@testable import LeggioStore

/// A long text (a book) is queued for the search index when added
/// (`SearchIndex.queueNewRow`), not indexed by the triggers: the next search indexes it
/// with what the view shows, and every later change, removal and return goes through the
/// triggers as for any article.
@Suite struct SearchIndexNewRowTests {
  /// An article long enough to be digested on two threads and queued for the index.
  static func book(_ title: String, word: String, byline: String?, source: String)
    -> ImportedArticle
  {
    var paragraphs = (0..<6000).map {
      "Capitolo \($0): la nebbia sul lago e le vele bianche al vento di sera."
    }
    paragraphs.append("In fondo al libro una parola sola, \(word).")
    return imported(title, paragraphs, source: source, byline: byline)
  }

  /// The index passes the search index tests' check, and no batch is left open.
  func expectConsistent(_ library: Library) throws {
    try SearchIndexTests().expectConsistent(library)
    let openBatches = try library.writer.read { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article_search_batch")
    }
    #expect(openBatches == 0)
  }

  /// The articles waiting in `search_pending`.
  func pending(_ library: Library) throws -> [Int64] {
    try library.writer.read { try Int64.fetchAll($0, sql: "SELECT id FROM search_pending") }
  }

  @Test func aLongTextWaitsForTheIndexAndTheFirstSearchFindsIt() throws {
    let library = try Library.inMemory()
    let first = Self.book("Zibaldone", word: "pensieri", byline: "Leopardi", source: "/b/z.epub")
    #expect(CanonicalText(first.document).text.utf8.count >= ArticleDigest.concurrentLength)
    let id = try library.add(first).id
    #expect(try pending(library) == [id])
    let other = try library.add(imported("Breve", ["Un testo corto sul lago."])).id
    #expect(try pending(library) == [id])
    #expect(try library.search("pensieri").map(\.id) == [id])
    #expect(try library.search("leopardi").map(\.id) == [id])
    #expect(try library.search("zibaldone").map(\.id) == [id])
    #expect(Set(try library.search("lago").map(\.id)) == [id, other])
    #expect(try pending(library).isEmpty)
    try expectConsistent(library)

    // A new text of the same book: its words replace the old ones.
    let second = Self.book("Zibaldone", word: "operette", byline: nil, source: "/b/z.epub")
    #expect(try library.add(second).id == id)
    #expect(try library.search("pensieri").isEmpty)
    #expect(try library.search("leopardi").isEmpty)
    #expect(try library.search("operette").map(\.id) == [id])
    try expectConsistent(library)

    // Into the bin and back.
    try library.remove(ids: [id])
    #expect(try library.search("operette").isEmpty)
    try expectConsistent(library)
    try library.add(second)
    #expect(try library.search("operette").map(\.id) == [id])
    try expectConsistent(library)
  }

  /// A book added and removed before any search is only taken off the queue.
  @Test func aLongTextRemovedBeforeAnySearchLeavesNothingBehind() throws {
    let library = try Library.inMemory()
    let id = try library.add(Self.book("Uno", word: "alfa", byline: nil, source: "/b/1.epub")).id
    try library.remove(ids: [id])
    #expect(try library.search("alfa").isEmpty)
    #expect(try pending(library).isEmpty)
    try expectConsistent(library)
  }

  @Test func aSecondLongTextIsIndexedBesideTheFirst() throws {
    let library = try Library.inMemory()
    let a = try library.add(Self.book("Uno", word: "alfa", byline: "A", source: "/b/1.epub")).id
    let b = try library.add(Self.book("Due", word: "beta", byline: "B", source: "/b/2.epub")).id
    #expect(try library.search("alfa").map(\.id) == [a])
    #expect(try library.search("beta").map(\.id) == [b])
    #expect(Set(try library.search("nebbia").map(\.id)) == [a, b])
    try expectConsistent(library)
  }
}
