import Foundation
import Testing
import LeggioTestSupport

/// The feeds screen in the real binary, in tmux, updating from a real HTTP server on
/// 127.0.0.1 while the interface keeps answering keys.
@Suite(.serialized, .enabled(if: TUITmux.isAvailable, "tmux is not installed"))
struct TUIFeedsEndToEndTests {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("leggio-tui-feeds-\(UUID().uuidString)")
  var environment: [String: String] {
    [
      "LEGGIO_LIBRARY": directory.appendingPathComponent("library.sqlite").path,
      "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
      "XDG_DATA_HOME": directory.appendingPathComponent("data").path,
    ]
  }

  /// Waits for `text` without blocking a thread the in-process server needs.
  @discardableResult
  func wait(
    _ tmux: TUITmux, for text: String, sourceLocation: SourceLocation = #_sourceLocation
  ) async throws -> String {
    var shown = ""
    for _ in 0..<600 {
      shown = try tmux.screen()
      if shown.contains(text) { return shown }
      try await Task.sleep(for: .milliseconds(50))
    }
    Issue.record(
      "“\(text)” did not appear; the screen is:\n\(shown)", sourceLocation: sourceLocation)
    return shown
  }

  @Test func fOpensTheFeedsUUpdatesAndEnterShowsAFeedsItems() async throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let server = try await CLIFeedServer()
    for path in ["/feed.xml", "/missing.xml"] {
      let added = try TUITmux.run(
        TUITmux.binary.path, ["feeds", "add", server.url(path)], environment: environment)
      try #require(added.status == 0, "leggio feeds add failed: \(added.output)")
    }
    let tmux = TUITmux()
    defer { tmux.stop() }
    try tmux.start(width: 100, height: 20, environment: environment)
    try await wait(tmux, for: "F feeds")
    try tmux.keys("F")
    try await wait(tmux, for: "Feeds · 2 feeds · 0 unread")
    try tmux.keys("u")
    let updated = try await wait(tmux, for: "3 new items from 2 feeds, 1 failed")
    #expect(updated.contains("Feeds · 2 feeds · 3 unread"))
    #expect(updated.contains("●       3/3  Il Giornale di Prova"))
    #expect(updated.contains("/missing.xml  ! http://127.0.0.1"))
    try tmux.keys("Enter")
    let items = try await wait(tmux, for: "feed: Il Giornale di Prova")
    #expect(items.contains("Notizia 1: la città è più calma"))
    #expect(items.contains("3 articles · 3 unread · 3 shown"))
    // Esc clears the feed filter.
    try tmux.keys("Escape")
    var cleared = false
    for _ in 0..<200 where !cleared {
      cleared = try !tmux.screen().contains("feed:")
      if !cleared { try await Task.sleep(for: .milliseconds(50)) }
    }
    #expect(cleared, "the feed filter is still shown")
    try tmux.keys("q")
    #expect(try tmux.exitStatus() == 0)
    await server.stop()
  }
}
