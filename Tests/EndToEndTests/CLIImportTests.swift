import FlyingFox
import Foundation
import LeggioStore
import LeggioTestSupport
import Testing

/// `leggio import`, `leggio list --starred|--pending`, `leggio star` and `leggio export
/// --format netscape|csv` with the real binary on the corpus's export samples.
@Suite struct CLIImportTests {
  static let exports = CLIHarness.packageRoot.appendingPathComponent("../shared/corpus/exports")
    .standardizedFileURL

  static func sample(_ name: String) -> String { exports.appendingPathComponent(name).path }

  @Test func aPocketExportArrivesPendingAndASecondImportChangesNothing() throws {
    let cli = try CLIHarness()
    let first = try cli.run("import", Self.sample("wallabag/pocket.csv"))
    #expect(first.status == 0, "\(first.stderr)")
    #expect(
      first.stdoutLines == [
        "Pocket: 0 added, 0 merged, 0 already there, 7 pending a fetch, 0 failed",
        "`leggio fetch` fetches the pending articles' pages.",
      ])
    let before = try cli.snapshot()
    let second = try cli.run("import", Self.sample("wallabag/pocket.csv"), "--from", "pocket")
    #expect(
      second.stdoutLines.first
        == "Pocket: 0 added, 0 merged, 7 already there, 0 pending a fetch, 0 failed")
    #expect(try cli.snapshot() == before)
    let list = try cli.run("list", "--pending", "--sort", "title")
    #expect(list.stdoutLines.count == 8)
    #expect(list.stdoutLines[1].contains("wait  ArchiveBox question"))
    let json = try cli.listJSON("--pending")
    #expect(json.allSatisfy { $0["pending"] as? Bool == true })
  }

  @Test func aBadEntryIsNamedAndTheRestImported() throws {
    let cli = try CLIHarness()
    let result = try cli.run("import", Self.sample("readeck/readwise.csv"))
    #expect(result.status == 1)
    #expect(
      result.stderrLines == [
        "leggio: readwise.csv line 3: \"mailto:reader-forwarded-email/7346231d78e747bf19a52a9da1585e71\" is not a web address Leggio can keep"
      ])
    #expect(
      result.stdoutLines.first
        == "Readwise: 0 added, 0 merged, 0 already there, 2 pending a fetch, 1 failed")
    let tagged = try cli.listJSON("--tag", "peanut, butter")
    #expect(tagged.count == 1)
  }

  @Test func aFileOfNoKnownServiceIsRefusedInOneLine() throws {
    let cli = try CLIHarness()
    let before = try cli.snapshot()
    let result = try cli.run("import", Self.sample("wallabag/COPYING.md"))
    #expect(result.status == 1)
    #expect(result.stderrLines.count == 1)
    #expect(
      result.stderrLines.first?.contains(
        "is not an export Leggio knows; name its service with --from") == true)
    #expect(try cli.snapshot() == before)
  }

  @Test func starredArticlesAreShownAndFiltered() throws {
    let cli = try CLIHarness()
    try cli.run("import", Self.sample("wallabag/wallabag-v2.json"))
    let starred = try cli.run("list", "--starred")
    #expect(starred.stdoutLines.count == 3)
    #expect(starred.stdoutLines.dropFirst().allSatisfy { $0.contains("★ ") })
    let all = try cli.listJSON()
    let plain = try #require(all.first { $0["starred"] as? Bool == false })
    try cli.run("star", String(plain["id"] as! Int))
    #expect(try cli.listJSON("--starred").count == 3)
    try cli.run("star", "--off", String(plain["id"] as! Int))
    #expect(try cli.listJSON("--starred").count == 2)
  }

  @Test func theLibraryLeavesAsBookmarksOrCSVWithItsTags() throws {
    let cli = try CLIHarness()
    try cli.run("add", CLIHarness.referenceArticle)
    try cli.run("import", Self.sample("wallabag/ril_export.html"))
    let netscape = try cli.run("export", "--format", "netscape")
    #expect(netscape.status == 0)
    #expect(netscape.stderrLines == ["leggio: 1 article without a web address left out"])
    #expect(netscape.stdout.hasPrefix("<!DOCTYPE NETSCAPE-Bookmark-file-1>"))
    #expect(netscape.stdout.contains("TAGS=\"ifttt,new_entry_simple\""))
    let csv = try cli.run("export", "--format", "csv")
    let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    #expect(lines.first == "title,url,time_added,tags,status,starred")
    #expect(lines.count == 3)
    #expect(lines[1].hasSuffix(",1688628695,ifttt|new_entry_simple,unread,0"))
    // and comes back the same way
    let copy = try CLIHarness()
    let file = try copy.write("leggio.csv", csv.stdout)
    #expect(
      try copy.run("import", file).stdoutLines.first
        == "Pocket: 0 added, 0 merged, 0 already there, 2 pending a fetch, 0 failed")
  }

  @Test func anOmnivoreExportImportsWithItsHighlightsInPlace() throws {
    let cli = try CLIHarness()
    let zip = try OmnivoreExportSample.write(in: cli.directory)
    let result = try cli.run("import", zip.path)
    #expect(
      result.stdoutLines.first
        == "Omnivore: 1 added, 0 merged, 0 already there, 1 pending a fetch, 0 failed")
    let article = try #require(try cli.listJSON("--search", "premier").first)
    let notes = try cli.run("annotations", String(article["id"] as! Int))
    #expect(notes.stdoutLines.count == 3)
    #expect(notes.stdoutLines.filter { $0.hasSuffix("(orphaned)") }.count == 1)
    #expect(
      notes.stdoutLines.contains {
        $0.contains("«une phrase lointaine» — Une note sur deux lignes")
      })
  }
}
