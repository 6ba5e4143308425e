import Foundation

/// A long note written in the user's editor (`$VISUAL`, else `$EDITOR`, else `vi`) on a
/// temporary file; the terminal is handed over while it runs.
enum NoteEditor {
  /// The note as the editor left it (trailing blank lines dropped); nil when the editor
  /// failed or left the text unchanged.
  static func edit(
    _ initial: String, suspend: ((() -> Void) -> Void)?,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> String? {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("leggio-note-\(UUID().uuidString).md")
    try Data(initial.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let editor =
      [environment["VISUAL"], environment["EDITOR"]]
      .compactMap { $0 }.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "vi"
    var status: Int32 = -1
    let run = {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      // The editor may carry arguments (`code --wait`): let the shell split it.
      process.arguments = ["-c", editor + " \"$1\"", "sh", file.path]
      do {
        try process.run()
        process.waitUntilExit()
        status = process.terminationStatus
      } catch {
        status = -1
      }
    }
    if let suspend { suspend(run) } else { run() }
    guard status == 0 else { return nil }
    let text = (try? String(contentsOf: file, encoding: .utf8)) ?? initial
    var note = text
    while let last = note.last, last.isNewline || last == " " { note.removeLast() }
    return note == initial ? nil : note
  }
}
