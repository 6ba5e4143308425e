import Foundation
import Testing

@Suite struct CLIBadInputTests {
  /// The kinds of bad input `leggio add` meets, each made inside the test directory.
  enum BadInput: String, CaseIterable, CustomTestStringConvertible {
    case missingPath, emptyDirectory, directoryOfImages, emptyFile, blankFile, pdf, png
    case randomBytes, hugeFile, unreadableFile

    var testDescription: String { rawValue }

    /// Creates the input in `cli`'s directory and returns its path.
    func make(in cli: CLIHarness) throws -> String {
      let dir = cli.directory
      switch self {
      case .missingPath: return dir.appendingPathComponent("non-esiste.txt").path
      case .emptyDirectory:
        let path = dir.appendingPathComponent("vuota").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
      case .directoryOfImages:
        try cli.write("immagini/a.png", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        return dir.appendingPathComponent("immagini").path
      case .emptyFile: return try cli.write("vuoto.txt", "")
      case .blankFile: return try cli.write("bianco.txt", "  \n\n\t \r\n")
      case .pdf: return try cli.write("report.txt", Data("%PDF-1.4\n%âãÏÓ\n".utf8))
      case .png:
        return try cli.write(
          "foto.md", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]))
      case .randomBytes:
        var generator = SystemRandomNumberGenerator()
        return try cli.write(
          "casuale.txt", Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }))
      case .hugeFile:
        let path = dir.appendingPathComponent("enorme.txt").path
        _ = FileManager.default.createFile(atPath: path, contents: Data("Titolo\n\n".utf8))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 80 * 1_048_576)  // sparse: costs no disk
        try handle.close()
        return path
      case .unreadableFile:
        let path = try cli.write("segreto.txt", "Segreto\n\nNon si legge.\n")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)
        return path
      }
    }
  }

  /// root reads files whatever their permissions; that case needs an ordinary user.
  static let cases = BadInput.allCases.filter { $0 != .unreadableFile || getuid() != 0 }

  @Test(arguments: cases)
  func badInputIsOneLineNamingTheFileAndLeavesTheLibraryAsItWas(_ input: BadInput) throws {
    // Given a library holding the reference article
    let cli = try CLIHarness()
    try cli.run("add", CLIHarness.referenceArticle)
    let before = try cli.snapshot()
    // When a bad input is added
    let path = try input.make(in: cli)
    let result = try cli.run("add", path)
    // Then one error line names it, the status is non-zero and nothing changed
    #expect(result.status != 0)
    #expect(result.stderrLines.count == 1, "\(result.stderr)")
    #expect(result.stderrLines.first?.hasPrefix("leggio: \(path): ") == true, "\(result.stderr)")
    #expect(result.stdoutLines.last == "0 added, 0 updated, 0 unchanged, 1 failed")
    #expect(try cli.snapshot() == before)
  }

  @Test func showingAnUnknownIdOrAMissingFileIsOneLineOnStandardError() throws {
    let cli = try CLIHarness()
    let unknown = try cli.run("show", "42")
    #expect(unknown.status != 0)
    #expect(
      unknown.stderrLines == ["leggio: there is no article 42 in the library (see `leggio list`)"])
    let missing = try cli.run("show", "nowhere/article.txt")
    #expect(missing.status != 0)
    #expect(missing.stderrLines == ["leggio: nowhere/article.txt: does not exist; check the path"])
  }

  @Test func aLibraryThatCannotBeOpenedIsOneLineNamingIt() throws {
    let cli = try CLIHarness()
    let notADatabase = try cli.write(
      "not-a-library.sqlite", String(repeating: "testo ", count: 200))
    let result = try cli.run(["list", "--library", notADatabase], library: false)
    #expect(result.status != 0)
    #expect(result.stderrLines.count == 1, "\(result.stderr)")
    #expect(result.stderr.hasPrefix("leggio: cannot open the library at \(notADatabase): "))
  }
}
