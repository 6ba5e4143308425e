import Foundation
import Testing

/// `leggio vacuum` (issue 17) keeps every article; `--empty-bin` erases only the texts of
/// removed ones, which stay removed.
@Suite struct CLIVacuumTests {
  @Test func vacuumKeepsTheLibraryAndEmptyingTheBinKeepsRemovedArticlesRemoved() throws {
    let cli = try CLIHarness()
    for n in 1...6 {
      let file = try cli.write("\(n).txt", "Racconto \(n)\n\nLa nebbia sul lago, parte\(n).\n")
      #expect(try cli.run("add", file).status == 0)
    }
    let ids = try cli.listJSON().compactMap { $0["id"] as? Int }.sorted()
    #expect(ids.count == 6)
    #expect(try cli.run("remove", String(ids[0])).status == 0)

    let plain = try cli.run("vacuum")
    #expect(plain.status == 0)
    #expect(plain.stdout.contains("the library went from"))
    let emptied = try cli.run("vacuum", "--empty-bin")
    #expect(emptied.status == 0)
    #expect(emptied.stdout.hasPrefix("erased the texts of 1 article in the bin"))

    #expect(try cli.listJSON().count == 5)
    #expect(try cli.run("show", String(ids[1])).stdout.contains("parte2"))
    let search = try cli.run("search", "--json", "nebbia")
    let hits = try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [Any]
    #expect(hits?.count == 5)
    #expect(try cli.run("check").status == 0)
  }
}
