import Foundation
import LeggioModel
import Testing

/// One rule serves every path that writes outside text: a library full of hostile titles,
/// bylines, tags, notes and feed tags, printed by each command and drawn by the TUI, never
/// puts a scalar on the terminal that `TerminalSafety` calls unsafe.
@Suite struct TerminalSafetyPathsTests {
  /// Escape sequences (CSI, OSC retitling, an 8-bit CSI), bidi overrides and isolates, bidi
  /// marks, zero-width and tag characters, a BOM.
  static let hostile =
    "Evil\u{1B}[2J\u{1B}]0;pwned\u{07}\u{9B}31m\u{202E}kcab\u{2066}x\u{2069}\u{200F}"
    + "\u{200B}\u{E0041}\u{FEFF}\u{7F}end"

  /// The unsafe scalars in `output`, line feeds and tabs allowed.
  static func unsafe(in output: String) -> [String] {
    output.unicodeScalars.filter { TerminalSafety.isUnsafe($0) && $0 != "\n" && $0 != "\t" }
      .map { String(format: "U+%04X", $0.value) }
  }

  static func hostileLibrary() throws -> CLIHarness {
    let cli = try CLIHarness()
    let article = """
      ---
      title: "\(hostile) title"
      author: "\(hostile) author"
      tags: ["\(hostile)"]
      ---

      A paragraph about \(hostile) and Lugano.
      """
    let path = try cli.write("hostile.md", article)
    let added = try cli.run("add", path, "--tag", hostile)
    try #require(added.status == 0, "add failed: \(added.stderr)")
    try #require(try cli.run("tag", "1", hostile + " second").status == 0)
    let annotated = try cli.run("annotate", "1", "--quote", "Lugano", "--note", hostile)
    try #require(annotated.status == 0, "annotate failed: \(annotated.stderr)")
    let feed = try cli.run("feeds", "add", "http://127.0.0.1:9/feed.xml", "--tag", hostile)
    try #require(feed.status == 0, "feeds add failed: \(feed.stderr)")
    return cli
  }

  static let commands: [[String]] = [
    ["show", "1"], ["show", "1", "--format", "markdown"], ["show", "1", "--format", "json"],
    ["show", "1", "--width", "40"], ["list"], ["list", "--json"], ["search", "Lugano"],
    ["search", "Lugano", "--json"], ["feeds", "list"], ["annotations"],
    ["annotations", "--json"], ["export", "--format", "json"], ["export", "--format", "w3c"],
    ["export", "--format", "markdown"],
  ]

  @Test func noCommandPrintsAnUnsafeScalar() throws {
    let cli = try Self.hostileLibrary()
    for command in Self.commands {
      let result = try cli.run(command)
      #expect(result.status == 0, "\(command): \(result.stderr)")
      #expect(
        Self.unsafe(in: result.stdout).isEmpty,
        "\(command) printed \(Self.unsafe(in: result.stdout))")
      #expect(
        Self.unsafe(in: result.stderr).isEmpty, "\(command) wrote \(Self.unsafe(in: result.stderr))"
      )
    }
  }

  @Test func theTUIDrawsNoUnsafeScalar() throws {
    guard TUITmux.isAvailable else { return }
    let cli = try Self.hostileLibrary()
    let tui = TUITmux()
    defer { tui.stop() }
    try tui.start(
      width: 80, height: 24, environment: cli.environment,
      arguments: ["--library", cli.libraryPath])
    _ = try tui.wait(for: "end title")
    #expect(Self.unsafe(in: try tui.screen()).isEmpty)
    try tui.keys("Enter")
    _ = try tui.wait(for: "Lugano")
    #expect(Self.unsafe(in: try tui.screen()).isEmpty)
    try tui.keys("'")
    _ = try tui.wait(for: "Marks")
    #expect(Self.unsafe(in: try tui.screen()).isEmpty)
    try tui.keys("Escape", "N")
    _ = try tui.wait(for: "Notebook")
    #expect(Self.unsafe(in: try tui.screen()).isEmpty)
  }
}
