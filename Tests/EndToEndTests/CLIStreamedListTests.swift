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
}
