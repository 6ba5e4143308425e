import Foundation
import Testing

@testable import LeggioImport

/// A text's lines, cut at each line feed on every core (`PlainTextImporter.lines(of:)`),
/// are the lines splitting it by "\n" gives, for short texts and for texts long enough
/// to be cut in stretches, with and without a final line feed.
@Suite struct LineSplittingTests {
  func expectSameLines(_ text: String, _ comment: Comment) {
    let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
    let lines = PlainTextImporter.lines(of: text)
    #expect(lines.count == expected.count, comment)
    #expect(lines.map(String.init) == expected.map(String.init), comment)
  }

  @Test func shortTextsSplitAtEachLineFeed() {
    for text in ["", "\n", "one line", "one\ntwo", "one\ntwo\n", "\n\nà\n\n", "città\nè"] {
      expectSameLines(text, "\(text.debugDescription)")
    }
  }

  @Test func longTextsCutInStretchesSplitAtEachLineFeed() {
    // About 600 KB: cut in eight stretches, each ending just after a line feed.
    var text = ""
    for index in 0..<12_000 {
      text += index % 7 == 0 ? "\n" : "riga \(index) della città, più lunga di così\n"
    }
    expectSameLines(text, "with a final line feed")
    expectSameLines(text + "ultima riga senza a capo", "without a final line feed")
    expectSameLines(String(repeating: "\n", count: 300_000), "line feeds alone")
  }
}
