import Foundation
import Testing

@Suite struct CLISearchTagTests {
  @Test func searchFindsAccentedWordsAndMarksTheMatch() throws {
    let cli = try CLIHarness()
    try cli.run("add", CLIHarness.referenceArticle)
    let plain = try cli.run("search", "piu")
    #expect(plain.status == 0)
    #expect(plain.stdoutLines.first?.hasPrefix("1  ") == true)
    #expect(plain.stdout.contains("[più]"))
    let json = try cli.run("search", "sanzioni", "--json")
    let hits = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(hits.count == 1)
    #expect((hits.first?["snippet"] as? String)?.contains("sanzioni") == true)
    #expect(try cli.run("search", "\"AND (").status == 0)
  }

  @Test func tagUntagAndRemoveNameUnknownIdsAndStillDoTheRest() throws {
    let cli = try CLIHarness()
    try cli.write("uno.txt", "Uno\n\nPrimo testo.\n")
    try cli.write("due.txt", "Due\n\nSecondo testo.\n")
    try cli.run("add", cli.directory.path)
    #expect(try cli.run("tag", "1", "letto", "esteri").stdoutLines == ["1  #esteri #letto"])
    #expect(try cli.run("untag", "1", "letto").stdoutLines == ["1  #esteri"])
    let badTag = try cli.run("tag", "9", "x")
    #expect(badTag.status != 0)
    #expect(badTag.stderrLines.count == 1 && badTag.stderr.contains("9"))
    let removed = try cli.run("remove", "1", "77")
    #expect(removed.status != 0)
    #expect(
      removed.stderrLines == ["leggio: there is no article 77 in the library (see `leggio list`)"])
    #expect(try cli.listJSON().compactMap { $0["id"] as? Int } == [2])
  }

  @Test func theDefaultCommandWithoutATerminalSaysSoInOneLine() throws {
    let cli = try CLIHarness()
    try cli.run("add", CLIHarness.referenceArticle)
    let result = try cli.run(["--library", cli.libraryPath, "--theme", "dark"], library: false)
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderrLines.count == 1)
    #expect(result.stderr.hasPrefix("leggio: Leggio's reader needs a terminal"))
  }
}
