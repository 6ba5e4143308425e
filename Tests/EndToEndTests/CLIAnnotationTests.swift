import Foundation
import Testing

/// The annotation commands on a real library file: re-anchoring when `leggio add` brings
/// a corrected text, exports read back, and two processes annotating at once.
@Suite struct CLIAnnotationTests {
  static func annotationsJSON(_ cli: CLIHarness) throws -> [[String: Any]] {
    let result = try cli.run("annotations", "--json")
    #expect(result.status == 0, "annotations failed: \(result.stderr)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
  }

  @Test func correctedTextReanchorsTheHighlightAndKeepsAnOrphan() throws {
    let cli = try CLIHarness()
    let original = try String(contentsOfFile: CLIHarness.referenceArticle, encoding: .utf8)
    let path = try cli.write("putin.txt", original)
    #expect(try cli.run("add", path).status == 0)
    let quote = "tenere Putin per mano"
    #expect(try cli.run("annotate", "1", "--quote", quote, "--color", "2").status == 0)
    #expect(try cli.run("annotate", "1", "--quote", "gonfie vele", "--note", "x").status == 0)
    let before = try #require(
      try Self.annotationsJSON(cli).first { $0["quote"] as? String == quote })
    // A correction earlier in the text, and the other passage rewritten away.
    let corrected =
      original
      .replacingOccurrences(
        of: "Vladimir Putin e Kim Jong-un.", with: "Vladimir Putin e il dittatore Kim Jong-un."
      )
      .replacingOccurrences(of: "sembra andare a gonfie vele", with: "procede benissimo")
    try cli.write("putin.txt", corrected)
    let added = try cli.run("add", path)
    #expect(added.status == 0, "\(added.stderr)")
    let after = try Self.annotationsJSON(cli)
    let moved = try #require(after.first { $0["quote"] as? String == quote })
    let shift =
      "il dittatore ".unicodeScalars.count
      - ("sembra andare a gonfie vele".unicodeScalars.count
        - "procede benissimo".unicodeScalars.count)
    #expect(moved["start"] as? Int == (before["start"] as? Int ?? 0) + shift)
    #expect(moved["orphaned"] as? Bool == false)
    let orphan = try #require(after.first { $0["quote"] as? String == "gonfie vele" })
    #expect(orphan["orphaned"] as? Bool == true)
  }

  @Test func exportsReadBackWithoutDuplicatesOrChanges() throws {
    let cli = try CLIHarness()
    #expect(try cli.run("add", CLIHarness.referenceArticle).status == 0)
    #expect(
      try cli.run(
        "annotate", "1", "--quote", "tenere Putin per mano", "--note", "n", "--color", "3"
      )
      .status == 0)
    #expect(try cli.run("bookmark", "1", "--offset", "0", "--name", "inizio").status == 0)
    let markdown = try cli.run("export", "--format", "markdown")
    #expect(markdown.status == 0)
    #expect(markdown.stdout.contains("> tenere Putin per mano"))
    let file = cli.directory.appendingPathComponent("notes.json").path
    #expect(try cli.run("export", "--format", "json", "--output", file).status == 0)
    let before = try Self.annotationsJSON(cli)
    let w3c = cli.directory.appendingPathComponent("notes.jsonld").path
    #expect(try cli.run("export", "--format", "w3c", "--output", w3c).status == 0)
    // Both read back into the library: recognised, nothing duplicated or changed.
    for export in [file, w3c] {
      let again = try cli.run("import-annotations", export)
      #expect(again.status == 0, "\(again.stderr)")
      #expect(again.stdout.contains("0 added"), "\(again.stdout)")
    }
    let after = try Self.annotationsJSON(cli)
    #expect(after.count == before.count)
    for key in ["id", "kind", "start", "end", "quote", "note", "color", "updatedAt"] {
      #expect(
        after.map { "\($0[key] ?? "")" }.sorted() == before.map { "\($0[key] ?? "")" }.sorted(),
        "\(key)")
    }
  }

  @Test func twoProcessesAnnotatingAtOnceLoseNothing() throws {
    let cli = try CLIHarness()
    #expect(try cli.run("add", CLIHarness.referenceArticle).status == 0)
    let words = ["Putin", "Kim", "Russia", "Corea", "leader"]
    let perProcess = 15
    let scripts: [String] = (0..<2).map { writer in
      (0..<perProcess).map { (index: Int) -> String in
        let arguments = [
          "annotate", "1", "--quote", words[index % words.count], "--occurrence", "1",
          "--note", "w\(writer)-\(index)", "--library", cli.libraryPath,
        ]
        return ([CLIHarness.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
      }.joined(separator: " && ")
    }
    let processes = scripts.map { script in
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", script]
      process.environment = cli.environment
      process.standardOutput = FileHandle.nullDevice
      return process
    }
    for process in processes { try process.run() }
    for process in processes { process.waitUntilExit() }
    #expect(processes.allSatisfy { $0.terminationStatus == 0 })
    let notes = try Self.annotationsJSON(cli).compactMap { $0["note"] as? String }
    #expect(notes.count == 2 * perProcess)
    #expect(Set(notes).count == 2 * perProcess)
  }
}
