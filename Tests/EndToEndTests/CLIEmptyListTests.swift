import Foundation
import Testing

/// A `list` with no rows prints nothing on standard output, for scripts, and says why on
/// standard error: how to fill an empty library, or that a filter matched nothing.
@Suite struct CLIEmptyListTests {
  @Test func anEmptyLibrarySaysHowToAddArticlesAndPrintsNoTable() throws {
    let cli = try CLIHarness()
    let result = try cli.run("list")
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    #expect(result.stderrLines.count == 1, "\(result.stderr)")
    #expect(result.stderr.contains("the library is empty"))
    #expect(result.stderr.contains("leggio add"))
  }

  @Test func aFilterThatMatchesNothingSaysSoAndJSONStaysAnEmptyArray() throws {
    let cli = try CLIHarness()
    let article = cli.directory.appendingPathComponent("pezzo.txt")
    try "Un titolo\n\nUn testo breve con qualche parola.\n".write(
      to: article, atomically: true, encoding: .utf8)
    #expect(try cli.run("add", article.path).status == 0)

    let filtered = try cli.run("list", "--tag", "nessuna")
    #expect(filtered.status == 0)
    #expect(filtered.stdout.isEmpty)
    #expect(filtered.stderr == "leggio: no article matches\n")

    let json = try cli.run("list", "--json", "--tag", "nessuna")
    #expect(json.stdout == "[]\n")
    #expect(json.stderr.isEmpty)

    let table = try cli.run("list")
    #expect(table.stdoutLines.count == 2)
    #expect(table.stderr.isEmpty)
  }
}
