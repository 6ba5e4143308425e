import Foundation
import Testing

/// Every command fails the same way: one line `leggio: …`, status 1, or 64 for a
/// command line that is wrong.
@Suite struct CLIErrorVoiceTests {
  @Test(arguments: [
    ["annotate", "99", "--quote", "Putin"],
    ["annotations", "99"],
    ["bookmark", "99", "--offset", "3"],
    ["export", "99"],
    ["export", "99", "--format", "csv"],
    ["show", "99"],
    ["annotate", "1", "--quote", "una frase che non c'è"],
  ])
  func aRuntimeFailureIsOneLineAndStatusOne(_ arguments: [String]) throws {
    let cli = try CLIHarness()
    try cli.run("add", CLIHarness.referenceArticle)
    let result = try cli.run(arguments)
    #expect(result.status == 1)
    #expect(result.stderrLines.count == 1, "\(result.stderr)")
    #expect(result.stderrLines.first?.hasPrefix("leggio: ") == true, "\(result.stderr)")
    #expect(!result.stderr.contains("USAGE"), "\(result.stderr)")
  }

  @Test(arguments: [
    (["annotate", "1", "--quote", "Putin", "--occurrence", "0"], "--occurrence 0"),
    (["annotate", "1", "--quote", "Putin", "--color", "9"], "--color 9"),
    (["show", "1", "--width", "1000000"], "--width"),
    (["show", "1", "--width", "80", "--height", "99999999"], "--height"),
    (["show"], "<article>"),
  ])
  func aWrongCommandLineIsOneLineNamingWhatIsWrongAndStatus64(
    _ arguments: [String], named: String
  ) throws {
    let cli = try CLIHarness()
    try cli.run("add", CLIHarness.referenceArticle)
    let result = try cli.run(arguments)
    #expect(result.status == 64)
    #expect(result.stderrLines.count == 1, "\(result.stderr)")
    let line = try #require(result.stderrLines.first)
    #expect(line.hasPrefix("leggio: "))
    #expect(line.contains(named))
    #expect(line.hasSuffix("(see `leggio \(arguments[0]) --help`)"))
    #expect(result.stdout.isEmpty)
  }

  @Test func helpIsPrintedOnStandardOutputWithStatusZero() throws {
    let cli = try CLIHarness()
    let result = try cli.run("show", "--help")
    #expect(result.status == 0)
    #expect(result.stdout.contains("1 to 1000"))
    #expect(result.stderr.isEmpty)
  }
}
