import Foundation
import GRDB
import LeggioModel
import Testing

@testable import LeggioStore
import LeggioTestSupport

/// `leggio vacuum` (issue 17): compacts the library and keeps everything in it; emptying
/// the bin erases only the texts of removed articles.
@Suite struct VacuumTests {
  @Test func vacuumKeepsEveryArticleAndEmptyingTheBinErasesOnlyRemovedTexts() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let library = try Library(
      path: directory.appendingPathComponent("library.sqlite").path, deviceID: "test")
    var ids: [Int64] = []
    for n in 1...30 {
      let paragraphs = (0..<20).map { "Paragrafo \($0) del racconto numero\(n), con la nebbia." }
      ids.append(
        try library.add(imported("Racconto \(n)", paragraphs, source: "https://e.org/\(n)")).id)
    }
    try library.tag(id: ids[0], ["lago"])
    let documents = try ids.map { try library.article(id: $0)?.document }
    try library.remove(ids: Array(ids[25...]))

    let compacted = try library.vacuum(emptyingBin: false)
    #expect(compacted.emptied == 0)
    #expect(try ids[..<25].map { try library.article(id: $0)?.document } == Array(documents[..<25]))

    let emptied = try library.vacuum(emptyingBin: true)
    #expect(emptied.emptied == 5)
    #expect(emptied.bytesAfter <= compacted.bytesAfter)
    #expect(try ids[..<25].map { try library.article(id: $0)?.document } == Array(documents[..<25]))
    #expect(try library.search("nebbia", limit: 100).count == 25)
    #expect(try library.search("numero7").map(\.id) == [ids[6]])
    let (articles, versions, tags) = try library.writer.read { db in
      (
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article") ?? 0,
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article_version") ?? 0,
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article_tag") ?? 0
      )
    }
    #expect(articles == 30, "removed articles stay as records")
    #expect(versions == 25)
    #expect(tags == 1)
    #expect(try library.integrityProblems().isEmpty)

    // Added again, a removed article comes back with its text.
    let again = imported(
      "Racconto 30", (0..<20).map { "Paragrafo \($0) del racconto numero30, con la nebbia." },
      source: "https://e.org/30")
    let outcome = try library.add(again)
    #expect(outcome.id == ids[29])
    #expect(try library.article(id: ids[29])?.document == documents[29])
    #expect(try library.search("numero30").map(\.id) == [ids[29]])
  }
}
