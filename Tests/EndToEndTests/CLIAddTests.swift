import Foundation
import Testing

@Suite struct CLIAddTests {
  @Test func addingTheReferenceArticlePrintsItsLineAndASummary() throws {
    // Given an empty library
    let cli = try CLIHarness()
    // When the reference article is added with a tag
    let result = try cli.run("add", CLIHarness.referenceArticle, "--tag", "esteri")
    // Then one line names it, the summary counts it, and the library lists it
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdoutLines.count == 2)
    #expect(result.stdoutLines.first?.hasPrefix("added 1  ") == true)
    #expect(result.stdoutLines.last == "1 added, 0 updated, 0 unchanged, 0 failed")
    let listed = try cli.listJSON()
    #expect(listed.count == 1)
    #expect(listed.first?["source"] as? String == CLIHarness.referenceArticle)
    #expect(listed.first?["tags"] as? [String] == ["esteri"])
    #expect((listed.first?["words"] as? Int ?? 0) > 400)
    for key in [
      "id", "uuid", "title", "kicker", "standfirst", "byline", "published", "imageCredit",
      "language", "source", "siteName", "tags", "progress", "addedAt", "words",
    ] {
      #expect(listed.first?.keys.contains(key) == true, "list --json lacks \(key)")
    }
  }

  @Test func addingAgainIsUnchangedAndAChangedFileIsUpdated() throws {
    let cli = try CLIHarness()
    let file = try cli.write("nota.txt", "Una nota\n\nPrimo testo della nota.\n")
    #expect(try cli.run("add", file).stdoutLines.first?.hasPrefix("added 1  ") == true)
    #expect(try cli.run("add", file).stdoutLines.first?.hasPrefix("unchanged 1  ") == true)
    try cli.write("nota.txt", "Una nota\n\nSecondo testo, cambiato.\n")
    let result = try cli.run("add", file)
    #expect(result.stdoutLines.first?.hasPrefix("updated 1  ") == true)
    #expect(result.stdoutLines.last == "0 added, 1 updated, 0 unchanged, 0 failed")
    #expect(try cli.listJSON().count == 1)
  }

  @Test func aDirectoryImportsTheReadableFilesInsideItRecursively() throws {
    let cli = try CLIHarness()
    try cli.write("in/uno.txt", "Uno\n\nIl primo.\n")
    try cli.write("in/sotto/due.md", "# Due\n\nIl secondo.\n")
    try cli.write("in/sotto/tre.html", "<html><body><p>Il terzo.</p></body></html>")
    try cli.write("in/foto.png", Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0]))
    try cli.write("in/.nascosto.txt", "Nascosto\n\nNon va importato.\n")
    let result = try cli.run("add", cli.directory.appendingPathComponent("in").path)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdoutLines.last == "3 added, 0 updated, 0 unchanged, 0 failed")
    #expect(try cli.listJSON().count == 3)
  }

  @Test func aDashReadsTheArticleFromStandardInput() throws {
    let cli = try CLIHarness()
    let text = "Da una pipe\n\nQuesto testo arriva da stdin, più o meno.\n"
    let result = try cli.run(["add", "-"], stdin: Data(text.utf8))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      try cli.run(["add", "-"], stdin: Data(text.utf8)).stdoutLines.first?
        .hasPrefix("unchanged 1") == true)
    let listed = try cli.listJSON()
    #expect(listed.count == 1)
    #expect(listed.first?["source"] is NSNull)
  }

  @Test func aBatchImportsTheGoodFilesAndCountsTheFailures() throws {
    // Given two good files, an empty one, a PDF and a missing path
    let cli = try CLIHarness()
    let good1 = try cli.write("a.txt", "Primo\n\nTesto buono.\n")
    let good2 = try cli.write("b.txt", "Secondo\n\nAltro testo buono.\n")
    let empty = try cli.write("vuoto.txt", "")
    let pdf = try cli.write("rapporto.txt", "%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj\n")
    let missing = cli.directory.appendingPathComponent("manca.txt").path
    // When they are added in one batch
    let result = try cli.run("add", good1, empty, pdf, missing, good2)
    // Then the good ones are in, each bad one has its line, and the status says failure
    #expect(result.status != 0)
    #expect(result.stdoutLines.last == "2 added, 0 updated, 0 unchanged, 3 failed")
    #expect(result.stderrLines.count == 3)
    for path in [empty, pdf, missing] {
      #expect(result.stderrLines.contains { $0.hasPrefix("leggio: \(path): ") }, "\(path)")
    }
    #expect(try cli.listJSON().count == 2)
  }

  /// The library is opened while the first file is read (issue 13): one that cannot be
  /// opened is still the one error, whether the files are good, broken or missing.
  @Test func aLibraryThatCannotBeOpenedIsTheOneError() throws {
    let cli = try CLIHarness()
    _ = try cli.write("library.sqlite", "not a database, only text\n")
    let good = try cli.write("a.txt", "Primo\n\nTesto buono.\n")
    let missing = cli.directory.appendingPathComponent("manca.txt").path
    for files in [[good], [missing, good], [try cli.write("vuoto.txt", "")]] {
      let result = try cli.run(["add"] + files)
      #expect(result.status != 0)
      #expect(result.stdout.isEmpty)
      #expect(result.stderrLines.count == 1, "\(result.stderr)")
      #expect(result.stderrLines.first?.hasPrefix("leggio: ") == true)
      #expect(!files.contains { result.stderr.contains($0) }, "\(result.stderr)")
    }
  }
}
