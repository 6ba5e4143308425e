import Foundation
import LeggioStore
import LeggioTUI
import Testing

/// Whole-screen checks, ratatui's `TestBackend` way: keys in, every row compared with a
/// literal. With `RECORD_SCREENS=1` each check also draws the same keys at 80x24 and writes
/// `Tests/LeggioTUITests/Screens/NAME.txt`, so a change to a screen shows in the diff; the
/// snapshots on disk are compared on every run.
enum ScreenSnapshots {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // LeggioTUITests
    .appendingPathComponent("Screens")

  static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SCREENS"] == "1" }

  /// The screen as a snapshot file: the rows, trailing spaces cut, between two rulers.
  static func text(_ grid: CellGrid) -> String {
    let ruler = "+" + String(repeating: "-", count: grid.width) + "+"
    return ([ruler] + grid.rows.map { "|" + $0 } + [ruler]).joined(separator: "\n") + "\n"
  }
}

/// Starts an application on `library` at 40x10, presses `keys` and compares the screen
/// with `expected` row by row. `snapshot` names the 80x24 snapshot of the same keys.
func assertScreen(
  _ library: @autoclosure () throws -> Library, keys: String, _ expected: [String],
  snapshot: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let app = makeApp(try library(), width: 40, height: 10)
  app.press(keys)
  assertScreen(app.render(), expected, sourceLocation: sourceLocation)

  let large = makeApp(try library(), width: 80, height: 24)
  large.press(keys)
  let text = ScreenSnapshots.text(large.render())
  let file = ScreenSnapshots.folder.appendingPathComponent(snapshot + ".txt")
  if ScreenSnapshots.recording {
    try FileManager.default.createDirectory(
      at: ScreenSnapshots.folder, withIntermediateDirectories: true)
    try text.write(to: file, atomically: true, encoding: .utf8)
  } else if let recorded = try? String(contentsOf: file, encoding: .utf8) {
    #expect(
      text == recorded, "\(snapshot).txt differs; RECORD_SCREENS=1 swift test writes it anew",
      sourceLocation: sourceLocation)
  } else {
    Issue.record(
      "no snapshot \(snapshot).txt; RECORD_SCREENS=1 swift test writes it",
      sourceLocation: sourceLocation)
  }
}
