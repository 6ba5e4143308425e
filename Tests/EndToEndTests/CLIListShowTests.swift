import Foundation
import Testing

@Suite struct CLIListShowTests {
  /// A library of three small articles, one of them with escape sequences in its text.
  private func library() throws -> CLIHarness {
    let cli = try CLIHarness()
    try cli.write("z.txt", "Zeta finale\n\nL'ultimo articolo, più breve.\n")
    try cli.write("a.txt", "Alfa iniziale\n\nIl primo articolo parla di città.\n")
    try cli.write(
      "evil.txt",
      "Titolo \u{1B}]0;pwned\u{07}cattivo\n\nTesto \u{1B}[2J\u{1B}[31mrosso\u{9B}31m e \u{202E}rovescio.\n"
    )
    for name in ["z.txt", "a.txt", "evil.txt"] {
      try cli.run(
        "add", cli.directory.appendingPathComponent(name).path, "--tag",
        name == "a.txt" ? "primo" : "altro")
    }
    return cli
  }

  /// No C0 control but the line feed, no DEL, no C1 control, no bidi override.
  private func isTerminalSafe(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { scalar in
      let v = scalar.value
      return v == 0x0A || !(v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v))
    }
  }

  @Test func listFiltersAndSortsAsAsked() throws {
    let cli = try library()
    // Titles start A..., T..., Z... (or are the files' paths), so by title the order is:
    let byTitle = try cli.listJSON("--sort", "title").compactMap { $0["source"] as? String }
    #expect(
      byTitle.map { URL(fileURLWithPath: $0).lastPathComponent } == ["a.txt", "evil.txt", "z.txt"])
    #expect(try cli.listJSON("--tag", "primo").count == 1)
    #expect(try cli.listJSON("--search", "citta").count == 1)
    #expect(try cli.listJSON("--search", "artic").count == 2)
    #expect(try cli.listJSON("--unread").count == 3)
  }

  @Test func plainListFitsTheWidthAndShowsNoControlCharacters() throws {
    let cli = try library()
    let result = try cli.run(["list"], extraEnvironment: ["COLUMNS": "40"])
    #expect(result.status == 0)
    #expect(result.stdoutLines.count == 4)
    for line in result.stdoutLines {
      #expect(line.count <= 40, "\(line)")
    }
    #expect(isTerminalSafe(result.stdout))
  }

  @Test func articleTextNeverReachesTheTerminalWithControls() throws {
    let cli = try library()
    let id = try #require(
      try cli.listJSON("--tag", "altro").first {
        ($0["source"] as? String)?.hasSuffix("evil.txt") == true
      }?["id"] as? Int)
    for arguments in [
      ["show", "\(id)"], ["show", "\(id)", "--format", "markdown"],
      ["show", "\(id)", "--width", "30"], ["search", "rosso"], ["list"],
      ["show", "\(id)", "--format", "json"], ["list", "--json"], ["search", "rosso", "--json"],
    ] {
      let result = try cli.run(arguments)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      #expect(isTerminalSafe(result.stdout), "\(arguments) printed a control character")
      if arguments.contains(where: { $0.contains("json") }) {
        #expect(
          (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil,
          "\(arguments) printed invalid JSON")
      }
    }
  }

  @Test func showJSONHasTheMetadataTheBlocksAndTheCanonicalText() throws {
    let cli = try CLIHarness()
    try cli.run("add", CLIHarness.referenceArticle)
    let result = try cli.run("show", "1", "--format", "json")
    #expect(result.status == 0, "\(result.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let blocks = try #require(json["blocks"] as? [[String: Any]])
    let text = try #require(json["text"] as? String)
    #expect(!blocks.isEmpty)
    #expect(blocks.allSatisfy { $0["kind"] is String && $0["text"] is String })
    #expect(text == blocks.compactMap { $0["text"] as? String }.joined(separator: "\n\n"))
    #expect(text.contains("«storia d'amore»"))
    #expect(json["id"] as? Int == 1)
  }

  @Test func showingAPathPrintsItWithoutStoringIt() throws {
    let cli = try CLIHarness()
    let result = try cli.run("show", CLIHarness.referenceArticle)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Kim Jong-un"))
    #expect(try cli.listJSON().isEmpty)
  }

  @Test func everyArticleIsShownAsHTMLWhateverItCameFrom() throws {
    let cli = try library()
    try cli.write("nota.md", "# Appunti\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n```sh\nls -l\n```\n")
    try cli.run("add", cli.directory.appendingPathComponent("nota.md").path)
    let text = try cli.run("show", "2", "--format", "html")
    #expect(text.status == 0, "\(text.stderr)")
    #expect(
      text.stdout.contains(
        "<h1>Alfa iniziale</h1>\n</header>\n<p>Il primo articolo parla di città.</p>"))
    let markdown = try cli.run("show", "4", "--format", "html")
    #expect(markdown.stdout.contains("<h1>Appunti</h1>"), "\(markdown.stdout)")
    #expect(markdown.stdout.contains("<th align=\"right\">b</th>"))
    #expect(markdown.stdout.contains("<pre><code class=\"language-sh\">ls -l\n</code></pre>"))
    let evil = try cli.run("show", "3", "--format", "html")
    #expect(isTerminalSafe(evil.stdout))
  }

  @Test func aPageIsPaddedToItsHeightAndFollowedByItsNumber() throws {
    let cli = try CLIHarness()
    try cli.run("add", CLIHarness.referenceArticle)
    let last = try cli.run("show", "1", "--width", "60", "--height", "12", "--page", "last")
    #expect(last.status == 0, "\(last.stderr)")
    #expect(last.stdoutLines.count == 13)
    let status = try #require(last.stdoutLines.last)
    let parts = status.dropFirst("page ".count).split(separator: "/").compactMap { Int($0) }
    #expect(status.hasPrefix("page ") && parts.count == 2 && parts[0] == parts[1])
    let first = try cli.run("show", "1", "--width", "60", "--height", "12", "--page", "1")
    #expect(first.stdoutLines.last == "page 1/\(parts[1])")
    let past = try cli.run(
      "show", "1", "--width", "60", "--height", "12", "--page", "\(parts[1] + 1)")
    #expect(past.status != 0)
    #expect(past.stderrLines.count == 1)
  }
}
