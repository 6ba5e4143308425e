import Foundation
import Testing

/// A calibre news EPUB at the command line: one article per piece, tagged with the
/// periodical; `--as book` keeps it whole; adding it again changes nothing.
@Suite struct CLIPeriodicalTests {
  static let gazette = CLIHarness.packageRoot.appendingPathComponent(
    "Tests/Fixtures/periodicals/gazette.epub"
  ).path

  @Test func aPeriodicalIsAddedAsOneArticlePerPiece() throws {
    let cli = try CLIHarness()
    let added = try cli.run("add", Self.gazette)
    #expect(added.status == 0, "\(added.stderr)")
    #expect(added.stdoutLines.first == "added 1  Harbour cranes return to the old port")
    #expect(added.stdoutLines.last == "5 added, 0 updated, 0 unchanged, 0 failed")
    let list = try cli.listJSON()
    #expect(list.count == 5)
    let tagged = try cli.listJSON("--tag", "The Harbour Gazette")
    #expect(tagged.count == 5)
    let again = try cli.run("add", Self.gazette)
    #expect(again.stdoutLines.last == "0 added, 0 updated, 5 unchanged, 0 failed")
    let shown = try cli.run("show", "2", "--format", "text").stdout
    #expect(shown.contains("Three days of steady rain"))
    #expect(!shown.contains("Section menu"))
  }

  @Test func asBookThePeriodicalIsOneEntry() throws {
    let cli = try CLIHarness()
    let added = try cli.run("add", Self.gazette, "--as", "book")
    #expect(added.stdoutLines.last == "1 added, 0 updated, 0 unchanged, 0 failed")
    #expect(try cli.run("toc", "1").stdoutLines.count > 5)
    let wrong = try cli.run("add", Self.gazette, "--as", "magazine")
    #expect(wrong.status != 0)
    #expect(try cli.listJSON().count == 1)
  }
}
