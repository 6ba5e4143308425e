import Foundation
import Testing

/// A library this user cannot write (a read-only file and folder, someone else's library)
/// opens read-only: reading works, writing says why it cannot, nothing is left beside it.
@Suite struct CLIReadOnlyLibraryTests {
  /// Runs leggio as a user who may read the library but not write it: as root, the
  /// unprivileged `nobody` (root writes whatever the modes say); otherwise this user,
  /// with the folder and file made read-only.
  private func runAsReader(_ cli: CLIHarness, _ arguments: [String]) throws -> CLIHarness.Result {
    let process = cli.process(arguments, library: false)
    if getuid() == 0 {
      process.arguments =
        ["--reuid=65534", "--regid=65534", "--clear-groups", CLIHarness.binary.path]
        + (process.arguments ?? [])
      process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
    }
    let output = try OutputFiles(in: cli.directory, for: process)
    defer { output.remove() }
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return try output.result(status: process.terminationStatus)
  }

  private func readOnlyLibrary() throws -> CLIHarness {
    let cli = try CLIHarness()
    try cli.run("add", CLIHarness.referenceArticle)
    // Output files are written in the folder: the library lives one folder down.
    let folder = cli.directory.appendingPathComponent("shelf")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.moveItem(
      atPath: cli.libraryPath, toPath: folder.appendingPathComponent("library.sqlite").path)
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o444], ofItemAtPath: folder.appendingPathComponent("library.sqlite").path
    )
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o777], ofItemAtPath: cli.directory.path)
    return cli
  }

  private func shelfPath(_ cli: CLIHarness) -> String {
    cli.directory.appendingPathComponent("shelf/library.sqlite").path
  }

  @Test func readingListingSearchingAndShowingWorkOnALibraryThatCannotBeWritten() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") || getuid() != 0
    else { return }
    let cli = try readOnlyLibrary()
    let path = shelfPath(cli)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let list = try runAsReader(cli, ["list", "--library", path])
    #expect(list.status == 0, "\(list.stderr)")
    #expect(list.stdout.contains("Putin e Kim"))
    let search = try runAsReader(cli, ["search", "Pyongyang", "--library", path])
    #expect(search.status == 0, "\(search.stderr)")
    #expect(search.stdout.contains("Putin e Kim"))
    let show = try runAsReader(cli, ["show", "1", "--width", "60", "--library", path])
    #expect(show.status == 0, "\(show.stderr)")
    #expect(show.stdout.contains("Relazioni strategiche"))
    let check = try runAsReader(cli, ["check", "--library", path])
    #expect(check.status == 0, "\(check.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    let beside = try FileManager.default.contentsOfDirectory(
      atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    #expect(beside == ["library.sqlite"])
  }

  @Test func writingToALibraryThatCannotBeWrittenSaysWhyInOneLine() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") || getuid() != 0
    else { return }
    let cli = try readOnlyLibrary()
    let path = shelfPath(cli)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let texts = URL(fileURLWithPath: CLIHarness.referenceArticle)
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("corpus/texts/divina-commedia_it.txt").path
    for arguments in [["add", texts], ["tag", "1", "later"], ["remove", "1"]] {
      let result = try runAsReader(cli, arguments + ["--library", path])
      #expect(result.status == 1, "\(arguments): \(result.stdout)")
      let errors = result.stderrLines
      #expect(errors.count == 1, "\(arguments): \(result.stderr)")
      #expect(errors.first?.contains("cannot be written") == true, "\(arguments): \(result.stderr)")
      #expect(!result.stderr.contains("SQL"), "\(arguments)")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }
}
