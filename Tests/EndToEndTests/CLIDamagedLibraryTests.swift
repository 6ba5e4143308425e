import Foundation
import Testing

/// A damaged library is refused before anything writes to it, `check` says what is wrong
/// and `recover` leaves a sound library with the damaged file kept aside.
@Suite struct CLIDamagedLibraryTests {
  /// A library of the reference article and two long texts, its pages then overwritten
  /// from the fourth page on, past SQLite's header and schema.
  private func damagedLibrary() throws -> CLIHarness {
    let cli = try CLIHarness()
    try cli.run("add", CLIHarness.referenceArticle)
    let texts = URL(fileURLWithPath: CLIHarness.referenceArticle)
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("corpus/texts")
    for name in try FileManager.default.contentsOfDirectory(atPath: texts.path).sorted()
    where name.hasSuffix(".txt") {
      try cli.run("add", texts.appendingPathComponent(name).path)
    }
    // Adding a long text leaves its log for the next close to fold into the file
    // (`Library.beginDurableWrite`); `list` closes the library with the log folded in, so
    // the pages overwritten below are the ones SQLite reads.
    try cli.run("list")
    let handle = try #require(FileHandle(forUpdatingAtPath: cli.libraryPath))
    for page in [4, 6, 9] {
      try handle.seek(toOffset: UInt64(page * 16384 + 8))
      handle.write(Data(repeating: 0xA5, count: 2000))
    }
    try handle.close()
    return cli
  }

  private func digest(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
  }

  @Test func aDamagedLibraryIsNeverWrittenToAndSaysSoInOneLine() throws {
    let cli = try damagedLibrary()
    let before = try digest(cli.libraryPath)
    for arguments in [["list"], ["add", CLIHarness.referenceArticle], ["search", "Putin"]] {
      let result = try cli.run(arguments)
      #expect(result.status == 1, "\(arguments)")
      #expect(result.stderrLines.count == 1, "\(arguments): \(result.stderr)")
      #expect(result.stderr.contains("is damaged"), "\(arguments)")
      #expect(result.stderr.contains("leggio recover"), "\(arguments)")
      #expect(!result.stderr.contains("SELECT"), "\(arguments)")
    }
    #expect(try digest(cli.libraryPath) == before)
  }

  @Test func checkNamesTheDamageAndRecoverLeavesASoundLibrary() throws {
    let cli = try damagedLibrary()
    let before = try digest(cli.libraryPath)
    let check = try cli.run("check")
    #expect(check.status == 1)
    #expect(check.stderrLines.last?.contains("leggio recover") == true)
    let recover = try cli.run("recover")
    #expect(recover.status == 0, "\(recover.stderr)")
    #expect(recover.stdout.hasPrefix("recovered "))
    let aside = try #require(
      try FileManager.default.contentsOfDirectory(atPath: cli.directory.path)
        .first {
          $0.hasPrefix("library.sqlite.damaged-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm")
        })
    #expect(try digest(cli.directory.appendingPathComponent(aside).path) == before)
    #expect(try cli.run("check").stdout == "the library is sound\n")
    #expect(try cli.run("list").status == 0)
    #expect(try cli.run("add", CLIHarness.referenceArticle).status == 0)
  }
}
