import Foundation
import Testing

/// `list`, `list --json` and `search --json` write as they read (issue 17): what they
/// print must still be whole, valid and in order, across many chunks and buffers.
@Suite struct CLIStreamedListTests {
  @Test func aLongListStreamsAsValidCompleteJSONAndAlignedLines() throws {
    let cli = try CLIHarness()
    let folder = cli.directory.appendingPathComponent("many")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let count = 1_100  // more than two of the store's chunks and many 64 KiB buffers
    for n in 1...count {
      try "Articolo numero \(n)\n\nTesto del pezzo \(n), con più parole e una città.\n"
        .write(
          to: folder.appendingPathComponent(String(format: "%04d.txt", n)), atomically: true,
          encoding: .utf8)
    }
    #expect(try cli.run("add", folder.path).status == 0)

    let json = try cli.run("list", "--json")
    #expect(json.status == 0)
    let array = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(array.count == count)
    let ids = array.compactMap { $0["id"] as? Int }
    #expect(Set(ids).count == count)
    #expect(ids == ids.sorted(by: >), "newest first, as the list sorts by date added")
    #expect(array.allSatisfy { ($0["title"] as? String)?.hasPrefix("Articolo numero") == true })

    let table = try cli.run(["list"], extraEnvironment: ["COLUMNS": "100"])
    #expect(table.stdoutLines.count == count + 1)
    // The columns are as wide as the widest id, known before the first row is printed.
    let titleColumn = table.stdoutLines.map {
      $0.range(of: "TITLE")?.lowerBound.utf16Offset(in: $0)
    }
    #expect(titleColumn.first != nil)
    let starts = Set(
      table.stdoutLines.dropFirst().map { line in
        line.range(of: "Articolo")?.lowerBound.utf16Offset(in: line) ?? -1
      })
    #expect(starts == [titleColumn.first!!])

    let search = try cli.run("search", "--json", "--limit", "2000", "citta")
    let hits = try #require(
      try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [[String: Any]])
    #expect(hits.count == count)

    let none = try cli.run("list", "--json", "--search", "nessunaparolacosi")
    #expect(none.stdout == "[]\n")
  }

  /// `export --format netscape|csv` writes each article as it is read: whole, in order,
  /// the same to a file as to the standard output, and a file it replaces is replaced
  /// whole.
  @Test func anExportOfManyArticlesStreamsWholeToTheOutputAndToAFile() throws {
    let cli = try CLIHarness()
    let count = 1_200
    var csv = "title,url,time_added,tags,status\n"
    for n in 1...count {
      csv +=
        "Pezzo \"\(n)\" — città,https://example.org/\(n),\(1_600_000_000 + n),lago|n\(n % 3),unread\n"
    }
    let file = cli.directory.appendingPathComponent("pocket.csv")
    try csv.write(to: file, atomically: true, encoding: .utf8)
    #expect(try cli.run("import", file.path, "--from", "pocket").status == 0)

    let exported = try cli.run("export", "--format", "csv")
    #expect(exported.status == 0)
    let lines = exported.stdout.components(separatedBy: "\r\n")
    #expect(lines.first == "title,url,time_added,tags,status,starred")
    #expect(lines.count == count + 2)  // the header, each article, the empty end
    #expect(
      lines[1] == "\"Pezzo \"\"1\"\" — città\",https://example.org/1,1600000001,lago|n1,unread,0")
    #expect(lines[count].hasPrefix("\"Pezzo \"\"\(count)\"\""))

    let netscape = try cli.run("export", "--format", "netscape")
    #expect(netscape.stdout.hasPrefix("<!DOCTYPE NETSCAPE-Bookmark-file-1>"))
    #expect(netscape.stdout.hasSuffix("</DL><p>\n"))
    #expect(netscape.stdout.components(separatedBy: "<DT><A HREF=").count == count + 1)

    let target = cli.directory.appendingPathComponent("bookmarks.html")
    try "an older export".write(to: target, atomically: true, encoding: .utf8)
    #expect(try cli.run("export", "--format", "netscape", "--output", target.path).status == 0)
    #expect(try String(contentsOf: target, encoding: .utf8) == netscape.stdout)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path)
      .filter { $0.hasSuffix(".partial") }
    #expect(leftovers.isEmpty)
  }

  /// Titles that need escapes, and others that need none, read back whole.
  @Test func listJSONEscapesWhatNeedsEscaping() throws {
    let cli = try CLIHarness()
    let titles = ["Città \"virgolette\" e \\ barra", "Emoji 🎉 e 中文", "ASCII only"]
    for (n, title) in titles.enumerated() {
      let file = cli.directory.appendingPathComponent("t\(n).md")
      try "# \(title)\n\nTesto \(n).\n".write(to: file, atomically: true, encoding: .utf8)
      #expect(try cli.run("add", file.path).status == 0)
    }
    let json = try cli.listJSON()
    #expect(json.compactMap { $0["title"] as? String }.sorted() == titles.sorted())
  }
}
