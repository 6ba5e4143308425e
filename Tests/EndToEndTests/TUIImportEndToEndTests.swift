import Foundation
import LeggioTestSupport
import Testing

/// Issue 16's end-to-end test: an Omnivore export imported with `leggio import`, its
/// article opened in the real reader in tmux, its highlights drawn in their places.
@Suite(.serialized, .enabled(if: TUITmux.isAvailable, "tmux is not installed"))
struct TUIImportEndToEndTests {
  @Test func anOmnivoreArticleOpensWithItsHighlightsInPlace() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("leggio-tui-import-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let environment = [
      "LEGGIO_LIBRARY": directory.appendingPathComponent("library.sqlite").path,
      "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
      "XDG_DATA_HOME": directory.appendingPathComponent("data").path,
      "XDG_STATE_HOME": directory.appendingPathComponent("state").path,
    ]
    let zip = try OmnivoreExportSample.write(in: directory)
    let imported = try TUITmux.run(
      TUITmux.binary.path, ["import", zip.path], environment: environment)
    try #require(imported.status == 0, "leggio import failed: \(imported.output)")

    let tmux = TUITmux()
    defer { tmux.stop() }
    try tmux.start(width: 80, height: 24, environment: environment)
    // The pending item is listed too, waiting for its page.
    let list = try tmux.wait(for: "Premier article")
    #expect(list.contains("Sans texte"))
    #expect(list.contains("wait"))
    try tmux.keys("G", "Enter")
    let page = try tmux.wait(for: "page 1/")
    // Justified: words may stand more than one space apart.
    #expect(
      page.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(
        "Le second paragraphe"))
    // The highlight with a note carries its mark after the line where it ends.
    #expect(page.contains("✎"))
    try tmux.type("'")
    let marks = try tmux.wait(for: "“une phrase lointaine”")
    #expect(marks.contains("“Le second paragraphe dit autre chose”"))
    #expect(marks.contains("orphaned"))
    try tmux.keys("Escape", "q", "q")
    #expect(try tmux.exitStatus() == 0)
  }
}
