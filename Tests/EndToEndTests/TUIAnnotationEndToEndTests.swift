import Foundation
import Testing
import LeggioTestSupport

/// Issue 5's end-to-end test: a highlight with a note made in the real reader in tmux
/// survives quitting, is drawn and listed again, and `leggio annotations --json` has it.
@Suite(.serialized, .enabled(if: TUITmux.isAvailable, "tmux is not installed"))
struct TUIAnnotationEndToEndTests {
  let directory: URL
  let environment: [String: String]

  init() throws {
    let home = try TUIHome("tui-notes")
    (directory, environment) = (home.directory, home.environment)
  }

  @Test func highlightWithANoteSurvivesQuittingAndIsExported() throws {
    let sample = TUITmux.shared("samples/cdt-putin-kim.txt")
    let added = try TUITmux.run(TUITmux.binary.path, ["add", sample], environment: environment)
    try #require(added.status == 0, "leggio add failed: \(added.output)")

    let first = TUITmux()
    defer { first.stop() }
    try first.start(width: 80, height: 24, environment: environment)
    try first.wait(for: "Putin")
    try first.keys("Enter")
    try first.wait(for: "page 1/")
    try first.type("/tenere Putin per mano")
    try first.keys("Enter")
    try first.wait(for: "match 1/1")
    try first.type("v")
    try first.wait(for: "highlight")
    try first.type("h")
    try first.wait(for: "Highlighted in colour 1")
    try first.type("2")
    try first.wait(for: "Colour 2")
    try first.type("a")
    try first.wait(for: "Note (Enter saves")
    try first.type("amicizia a parole")
    try first.keys("Enter")
    try first.wait(for: "Note saved")
    try first.keys("q", "q")
    #expect(try first.exitStatus() == 0)

    let second = TUITmux()
    defer { second.stop() }
    try second.start(width: 80, height: 24, environment: environment)
    try second.wait(for: "Putin")
    try second.keys("Enter")
    let page = try second.wait(for: "tenere Putin per mano")
    // The note's mark after the line where the passage ends.
    #expect(page.contains("✎"))
    try second.type("'")
    try second.wait(for: "“tenere Putin per mano” — amicizia a parole")
    try second.keys("Escape")
    try second.keys("C-n")
    let notebook = try second.wait(for: "Notebook · 1 item")
    #expect(notebook.contains("“tenere Putin per mano” — amicizia a parole"))
    try second.keys("q", "q", "q")
    #expect(try second.exitStatus() == 0)

    let listed = try TUITmux.run(
      TUITmux.binary.path, ["annotations", "--json"], environment: environment)
    try #require(listed.status == 0, "\(listed.output)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
    try #require(json.count == 1)
    let text = try String(contentsOfFile: sample, encoding: .utf8)
    let scalars = Array(text.unicodeScalars)
    let quote = "tenere Putin per mano"
    #expect(json[0]["quote"] as? String == quote)
    #expect(json[0]["color"] as? Int == 2)
    #expect(json[0]["note"] as? String == "amicizia a parole")
    #expect(json[0]["kind"] as? String == "note")
    let start = try #require(json[0]["start"] as? Int)
    #expect(json[0]["end"] as? Int == start + quote.unicodeScalars.count)
    // The offsets are those of the canonical text: the quote sits there in the article's
    // body (the file's own offsets differ by its header lines and line breaks).
    #expect(scalars.count > start)
    let prefix = try #require(json[0]["prefix"] as? String)
    #expect(text.contains(prefix + quote))
  }

  @Test func longNoteIsWrittenInTheEditorAndTheReaderComesBack() throws {
    let sample = TUITmux.shared("samples/cdt-putin-kim.txt")
    let added = try TUITmux.run(TUITmux.binary.path, ["add", sample], environment: environment)
    try #require(added.status == 0, "leggio add failed: \(added.output)")
    // An "editor" that writes the note into the file it is given.
    let editor = directory.appendingPathComponent("editor.sh")
    try "#!/bin/sh\nprintf 'scritta con calma\\n\\n' > \"$1\"\n".write(
      to: editor, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)
    let tmux = TUITmux()
    defer { tmux.stop() }
    var environment = self.environment
    environment["EDITOR"] = editor.path
    environment["VISUAL"] = ""
    try tmux.start(width: 80, height: 24, environment: environment)
    try tmux.wait(for: "Putin")
    try tmux.keys("Enter")
    try tmux.wait(for: "page 1/")
    try tmux.type("vwA")
    try tmux.wait(for: "Note saved")
    // The reader is drawn again after the editor gave the terminal back.
    try tmux.wait(for: "Relazioni strategiche")
    try tmux.keys("q", "q")
    #expect(try tmux.exitStatus() == 0)
    let listed = try TUITmux.run(
      TUITmux.binary.path, ["annotations", "--json"], environment: self.environment)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
    #expect(json.first?["note"] as? String == "scritta con calma")
    #expect(json.first?["quote"] as? String == "Vladimir Putin")
  }
}
