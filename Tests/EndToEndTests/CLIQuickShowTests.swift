import Foundation
import Testing

/// `leggio show FILE --width W` starts without ArgumentParser (`QuickShow`); it must print
/// byte for byte what the parsed command prints, and leave everything else to the parser.
/// `--format text` (the default) is not in the quick shape, so it takes the parsed way.
@Suite struct CLIQuickShowTests {
  @Test func theQuickWayPrintsWhatTheParsedCommandPrints() throws {
    let cli = try CLIHarness()
    try cli.write(
      "rtl.html",
      "<html dir=\"rtl\"><body><p>Leggio 2.0 יצא היום</p><p dir=\"ltr\">שלום world</p></body></html>"
    )
    let files = [
      CLIHarness.referenceArticle, cli.directory.appendingPathComponent("rtl.html").path,
    ]
    for file in files {
      for extra in [[], ["--no-hyphenate"]] {
        let quick = try cli.run(["show", file, "--width", "44"] + extra)
        let parsed = try cli.run(["show", file, "--width", "44", "--format", "text"] + extra)
        #expect(quick.status == 0)
        #expect(quick.stdout.count > 200 || file.hasSuffix(".html"))
        #expect(quick.stdout == parsed.stdout, "\(file) \(extra)")
        #expect(quick.stderr == parsed.stderr)
      }
    }
    // The page's direction reaches the printed lines.
    // Against the right edge, though its first letter is Latin; the other against the left.
    let page = try cli.run("show", files[1], "--width", "24").stdoutLines
    let release = try #require(page.first { $0.contains("Leggio") })
    #expect(release.hasSuffix("םויה אצי Leggio 2.0") && release.hasPrefix("   "), "\(page)")
    let aside = try #require(page.first { $0.contains("world") })
    #expect(aside.trimmingCharacters(in: .whitespaces) == "םולש world" && !aside.hasPrefix("  "))
  }

  @Test func anythingElseIsLeftToTheParser() throws {
    let cli = try CLIHarness()
    let missing = try cli.run("show", "missing.txt", "--width", "40")
    #expect(missing.status == 1)
    #expect(missing.stderr.hasPrefix("leggio: "))
    let wide = try cli.run("show", CLIHarness.referenceArticle, "--width", "1001")
    #expect(wide.status == 64)
    #expect(wide.stderr.contains("--width must be between 1 and 1000"))
    // A directory is not a file to show.
    #expect(try cli.run("show", cli.directory.path, "--width", "40").status != 0)
  }
}
