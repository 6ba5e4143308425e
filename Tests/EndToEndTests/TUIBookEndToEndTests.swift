import Foundation
import LeggioTestSupport
import Testing

/// Issue 13's end-to-end test in the real reader in tmux: open a book, go to chapter 3
/// from the table of contents, open a footnote and close it, highlight a sentence, quit,
/// and reopen at the same place.
@Suite(.serialized, .enabled(if: TUITmux.isAvailable, "tmux is not installed"))
struct TUIBookEndToEndTests {
  let directory: URL
  let environment: [String: String]

  init() throws {
    let home = try TUIHome("tui-book")
    (directory, environment) = (home.directory, home.environment)
  }

  static func paragraphs(_ chapter: String, _ count: Int) -> String {
    (1...count).map {
      "<p>\(chapter) goes on, paragraph \($0), for long enough to fill a line or two.</p>"
    }
    .joined()
  }

  @Test func aChapterFromTheContentsAFootnoteAndAHighlightSurviveQuitting() throws {
    let book = EPUBFixture.book(
      title: "Three Rivers",
      chapters: [
        ("Chapter One", "<h1>Chapter One</h1>" + Self.paragraphs("The first river", 30)),
        ("Chapter Two", "<h1>Chapter Two</h1>" + Self.paragraphs("The second river", 30)),
        (
          "Chapter Three",
          "<h1>Chapter Three</h1><p>The bridge fell at noon.<a epub:type=\"noteref\" href=\"#n1\">1</a>"
            + " Nobody saw it go.</p>" + Self.paragraphs("The third river", 10)
            + "<aside epub:type=\"footnote\" id=\"n1\"><p>It was an old stone bridge.</p></aside>"
        ),
      ])
    let path = directory.appendingPathComponent("rivers.epub")
    try book.write(to: path)
    let added = try TUITmux.run(TUITmux.binary.path, ["add", path.path], environment: environment)
    try #require(added.status == 0, "leggio add failed: \(added.output)")

    let first = TUITmux()
    defer { first.stop() }
    try first.start(width: 80, height: 24, environment: environment)
    try first.wait(for: "Three Rivers")
    try first.keys("Enter")
    try first.wait(for: "page 1/")
    try first.type("o")
    try first.wait(for: "Contents (3)")
    try first.type("jj")
    try first.keys("Enter")
    try first.wait(for: "Chapter Three · Backspace goes back")
    try first.wait(for: "The bridge fell at noon.")
    try first.type("1")
    try first.keys("Enter")
    try first.wait(for: "It was an old stone bridge.")
    try first.type("x")
    // The status line under the box already names the chapter: wait for the box (its
    // frame's " Note " title) to go. The note stays at the foot of the page.
    var closed = try first.screen()
    for _ in 0..<300 where closed.contains(" Note ") {
      Thread.sleep(forTimeInterval: 0.03)
      closed = try first.screen()
    }
    #expect(!closed.contains(" Note "), "\(closed)")
    #expect(closed.contains("1 It was an old stone bridge."), "\(closed)")
    #expect(closed.contains("Chapter Three · Three Rivers"))
    try first.type("/bridge fell")
    try first.keys("Enter")
    try first.wait(for: "match 1/1")
    try first.type("v)")
    try first.wait(for: "highlight")
    try first.type("h")
    try first.wait(for: "Highlighted in colour 1")
    try first.keys("q", "q")
    #expect(try first.exitStatus() == 0)

    let second = TUITmux()
    defer { second.stop() }
    try second.start(width: 80, height: 24, environment: environment)
    try second.wait(for: "Three Rivers")
    try second.keys("Enter")
    let page = try second.wait(for: "Chapter Three · Three Rivers")
    #expect(page.contains("The bridge fell at noon."))
    try second.keys("q", "q")
    #expect(try second.exitStatus() == 0)

    let listed = try TUITmux.run(
      TUITmux.binary.path, ["annotations", "--json"], environment: environment)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
    try #require(json.count == 1)
    let quote = try #require(json[0]["quote"] as? String)
    #expect(quote.hasPrefix("bridge fell at noon."))
  }
}
