import Foundation
import LeggioImport
import LeggioIntake
import LeggioStore
import LeggioTestSupport
import Testing

/// A large realistic Pocket export stored in one transaction: every row counted, bad
/// rows named while the others are imported, and a second import changing nothing.
@Suite struct LargeExportImportTests {
  /// The generated export of `rows` rows with two bad rows put in at lines 501 and 1502.
  static func exportWithBadRows(_ rows: Int) -> String {
    var generator = GeneratedPocketExport()
    var lines = generator.csv(rows: rows).split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    lines.insert("No address at all,,1600000000,1,tech,unread", at: 500)
    lines.insert("A mail,mailto:someone@example.org,1600000000,2,,unread", at: 1501)
    return lines.joined(separator: "\n")
  }

  @Test func twoThousandRowsArePendingAndBadRowsNamedWhileTheRestIsImported() throws {
    let library = try Library.inMemory()
    let csv = Self.exportWithBadRows(2_000)
    let summary = try IntakeFixtures.importText(csv, name: "part_000000.csv", into: library)
    #expect(
      summary.failures.map(\.entry) == ["part_000000.csv line 501", "part_000000.csv line 1502"])
    #expect(summary.added == 0 && summary.alreadyThere == 0)
    // The addresses saved twice are merged into the first.
    #expect(summary.pending + summary.merged == 2_000)
    #expect(summary.merged > 0 && summary.merged < 60)
    #expect(try library.count(ArticleQuery()) == summary.pending)
    #expect(try library.count(ArticleQuery(pendingOnly: true)) == summary.pending)
    #expect(try library.pendingFetches().count == summary.pending)
    #expect(try library.integrityProblems() == [])

    // A row as the CSV has it: title, address, tags and state.
    let table = CSVTable(csv)
    let row = try #require(
      table.records.dropFirst(5).first { $0.value(table.column("title")) != nil })
    let url = try #require(row.value(table.column("url")))
    let entry = try #require(
      try library.entries(ArticleQuery()).first { $0.metadata.source == url })
    #expect(entry.summary.title == row.value(table.column("title")))
    #expect(
      entry.summary.tags
        == TagList.parse(row.value(table.column("tags")), separator: "|").sorted())
    #expect(entry.summary.isUnread == (row.value(table.column("status")) == "unread"))

    let again = try IntakeFixtures.importText(csv, name: "part_000000.csv", into: library)
    #expect(Counts(again) == Counts(already: 2_000, failed: 2))
    #expect(try library.count(ArticleQuery()) == summary.pending)
  }

  @Test func aLaterExportAddsTagsStarsAndStateToArticlesAlreadyHere() throws {
    let library = try Library.inMemory()
    try IntakeFixtures.importText(
      """
      title,url,time_added,tags,status
      First,https://example.com/first,1600000000,news,unread
      Second,https://example.com/second,1600000001,,unread
      Third,https://example.com/third,1600000002,old,unread
      """, name: "pocket.csv", into: library)
    let third = try #require(
      try library.entries(ArticleQuery()).first { $0.summary.title == "Third" })
    try library.remove(ids: [third.summary.id])
    let summary = try IntakeFixtures.importText(
      """
      title,url,time_added,tags,status,starred
      First again,https://example.com/first,1600000000,NEWS|later,archive,0
      Second,https://example.com/second,1600000001,,unread,1
      Third,https://example.com/third,1600000002,old,unread,0
      Fourth,https://example.com/fourth,1600000003,,unread,0
      """, name: "pocket.csv", into: library)
    #expect(Counts(summary) == Counts(merged: 3, pending: 1))
    let entries = try library.entries(ArticleQuery(sort: .title))
    let first = try #require(entries.first { $0.metadata.source == "https://example.com/first" })
    #expect(first.summary.title == "First", "the title it had is kept")
    #expect(first.summary.tags == ["later", "news"], "NEWS is the tag news it had")
    #expect(!first.summary.isUnread)
    #expect(try library.entries(ArticleQuery(starredOnly: true)).map(\.summary.title) == ["Second"])
    #expect(entries.contains { $0.summary.title == "Third" }, "a removed article comes back")
    #expect(try library.count(ArticleQuery()) == 4)
    #expect(try library.integrityProblems() == [])
  }
}
