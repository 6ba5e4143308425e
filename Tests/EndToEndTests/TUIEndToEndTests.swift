import Foundation
import Testing
import LeggioTestSupport

/// The terminal application, run for real in tmux. Needs `leggio` built with the TUI
/// wired to `leggio` with no subcommand, `leggio add`, and `LEGGIO_LIBRARY`.
@Suite(.serialized, .enabled(if: TUITmux.isAvailable, "tmux is not installed"))
struct TUIEndToEndTests {
  let directory: URL
  let environment: [String: String]

  init() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("leggio-tui-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    environment = [
      "LEGGIO_LIBRARY": directory.appendingPathComponent("library.sqlite").path,
      "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
      "XDG_DATA_HOME": directory.appendingPathComponent("data").path,
    ]
  }

  private func addReferenceArticle() throws {
    let added = try TUITmux.run(
      TUITmux.binary.path, ["add", TUITmux.shared("samples/cdt-putin-kim.txt")],
      environment: environment)
    try #require(added.status == 0, "leggio add failed: \(added.output)")
  }

  /// The page number in the status line, "page 2/3" -> 2.
  private func pageNumber(_ screen: String) -> Int? {
    guard let range = screen.range(of: #"page (\d+)/"#, options: .regularExpression) else {
      return nil
    }
    return Int(screen[range].dropFirst(5).dropLast())
  }

  /// The first word of the page (the first line with text).
  private func firstWord(_ screen: String) -> String? {
    screen.split(separator: "\n").lazy.compactMap {
      $0.split(separator: " ").first.map(String.init)
    }.first
  }

  /// The program ended with status 0 and gave the terminal back.
  private func expectCleanExit(
    _ tmux: TUITmux, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let status = try tmux.exitStatus()
    let screen = try tmux.screen()
    #expect(
      status == 0, "exit status \(status.map(String.init) ?? "none (still running)"):\n\(screen)",
      sourceLocation: sourceLocation)
    #expect(try tmux.isOnAlternateScreen() == false, sourceLocation: sourceLocation)
  }

  @Test func readTurnSearchResizeQuitAndComeBackToTheSamePage() throws {
    try addReferenceArticle()
    let tmux = TUITmux()
    defer { tmux.stop() }
    try tmux.start(width: 100, height: 30, environment: environment)
    try tmux.wait(for: "Quell'amicizia tra Putin e Kim Jong-un")
    try tmux.keys("Enter")
    let first = try tmux.wait(for: "page 1/")
    #expect(first.contains("Relazioni strategiche"))
    try tmux.keys("Space")
    var screen = try tmux.wait(for: "page 2/")
    try tmux.keys("b")
    try tmux.wait(for: "page 1/")
    try tmux.type("/shoigu")
    try tmux.keys("Enter")
    // The whole status line, match and page number: a capture can fall between the two.
    screen = try tmux.wait(forStatus: "match 1/", width: 100)
    #expect(screen.contains("Shoigu"))
    let page = try #require(pageNumber(screen))
    let word = try #require(firstWord(screen))

    try tmux.resize(width: 60, height: 20)
    screen = try tmux.wait(forStatus: "page ", width: 60)
    #expect(screen.split(whereSeparator: { $0 == " " || $0 == "\n" }).contains { $0 == word })
    #expect(screen.split(separator: "\n").count <= 20)
    try tmux.resize(width: 100, height: 30)
    screen = try tmux.wait(forStatus: "page \(page)/", width: 100)
    #expect(firstWord(screen) == word)

    try tmux.keys("q")
    try tmux.wait(for: "Quell'amicizia")
    try tmux.keys("q")
    try expectCleanExit(tmux)
    #expect(try tmux.isOnAlternateScreen() == false)
    #expect(!(try tmux.screen()).contains("page \(page)/"))

    let again = TUITmux()
    defer { again.stop() }
    try again.start(width: 100, height: 30, environment: environment)
    try again.wait(for: "Quell'amicizia")
    try again.keys("Enter")
    screen = try again.wait(for: "page \(page)/")
    #expect(firstWord(screen) == word)
    try again.keys("Q")
    try expectCleanExit(again)
  }

  @Test func configurationProblemsShowInTheStatusLine() throws {
    let config = directory.appendingPathComponent("config/leggio")
    try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
    try "theme = \"nope\"\n".write(
      to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    let tmux = TUITmux()
    defer { tmux.stop() }
    try tmux.start(width: 100, height: 20, environment: environment)
    try tmux.wait(for: "there is no theme named \"nope\"")
    try tmux.keys("q")
    try expectCleanExit(tmux)
  }

  @Test func emptyLibraryOpensTheGuide() throws {
    let tmux = TUITmux()
    defer { tmux.stop() }
    try tmux.start(width: 90, height: 24, environment: environment)
    try tmux.wait(for: "leggio add FILE")
    try tmux.keys("Enter")
    try tmux.wait(for: "Welcome to Leggio")
    try tmux.wait(for: "page 1/")
    try tmux.keys("q", "q")
    try expectCleanExit(tmux)
  }

  @Test func tooSmallWindowShowsANoticeAndTheReaderComesBack() throws {
    try addReferenceArticle()
    let tmux = TUITmux()
    defer { tmux.stop() }
    try tmux.start(width: 80, height: 24, environment: environment)
    try tmux.wait(for: "Quell'amicizia")
    try tmux.keys("Enter")
    try tmux.wait(for: "page 1/")
    try tmux.resize(width: 16, height: 5)
    try tmux.wait(for: "Too small")
    try tmux.resize(width: 80, height: 24)
    try tmux.wait(for: "page 1/")
    try tmux.keys("Q")
    try expectCleanExit(tmux)
  }

  @Test func sigtermRestoresTheTerminal() throws {
    try addReferenceArticle()
    let tmux = TUITmux()
    defer { tmux.stop() }
    try tmux.start(width: 80, height: 24, environment: environment)
    try tmux.wait(for: "Quell'amicizia")
    #expect(try tmux.isOnAlternateScreen())
    kill(try tmux.pid(), SIGTERM)
    #expect(try tmux.exitStatus() != nil)
    #expect(try tmux.isOnAlternateScreen() == false)
  }
}
