import Foundation
import Testing

@testable import LeggioImport

/// The import reads a text's lines as bytes in place (`TextLine`), not as `Substring`s:
/// each reading on bytes agrees with the `Character` functions the lines went through
/// before, on the corpus's texts and on lines made to trip the bytes.
@Suite struct TextLineTests {
  static let texts: [String] = ["i-promessi-sposi_pg45334_it.txt", "divina-commedia_it.txt"].map {
    (try? String(contentsOf: ImportFixtures.url("corpus/texts/\($0)"), encoding: .utf8)) ?? ""
  }

  /// Lines the bytes cannot judge alone, or judge only just.
  static let crafted: [Substring] = [
    "Perché  tu  vedi\u{00A0}", "«È vero» disse\t", "\u{0301}e poi \u{0301}a", "riga\r",
    "  indented line  ", "", "   ", "\t", "città più\u{2003}", "“x” y  ", "\u{00A0}\u{00A0}",
    "last è", "a \u{0301} b", "x  \u{200D} y", "\u{1F1EE}\u{1F1F9}  flags", "- latte",
    "  * pane", "• uova", "12) dodici", "1. primo", "— Vieni qui",
    "*** END OF THE PROJECT GUTENBERG EBOOK ***",
    "*** START OF THE PROJECT GUTENBERG EBOOK X ***", "  end of the project gutenberg",
    "é", "\u{0085}x", "ok\u{2028}", "e\u{0301}  e",
  ]

  static var lines: [Substring] {
    texts.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false) } + crafted
  }

  @Test func aTextsLinesCutOnItsBytesAreItsLinesSplitByCharacters() {
    // The novel is cut in stretches on every core, the rest in one.
    #expect(Self.texts[0].utf8.count > 1 << 18)
    // The decoder leaves no "\r\n", the one cluster that holds a line feed.
    let crafted = Self.crafted.filter { !$0.hasSuffix("\r") }.joined(separator: "\n")
    for text in Self.texts + [crafted, "", "a", "\n", "a\n\nb\n"] {
      var text = text
      let cut = text.withUTF8 { PlainTextImporter.lines(of: $0).map(\.string) }
      let split = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      #expect(cut == split)
    }
  }

  @Test func aLineCollapsedAndTrimmedOnItsBytesIsTheLineCollapsedAndTrimmedByCharacters() {
    let lines = Self.lines
    TextLine.withLines(lines) { textLines in
      #expect(textLines.count == lines.count)
      for (line, textLine) in zip(lines, textLines) {
        #expect(textLine.text == line)
        #expect(
          ParagraphBuilder.collapse(textLine) == ParagraphBuilder.collapseCharacters(line),
          "\(Array(line.unicodeScalars))")
        #expect(
          ParagraphBuilder.trimmed(textLine).text == line.trimmingSuffix(while: \.isWhitespace),
          "\(Array(line.unicodeScalars))")
      }
    }
  }

  @Test func markersAndListItemsReadOnBytesAreTheOnesReadOnTheText() {
    let lines = Self.lines
    var markers = 0
    var items = 0
    TextLine.withLines(lines) { textLines in
      for (line, textLine) in zip(lines, textLines) {
        #expect(GutenbergText.isEndMarker(textLine) == GutenbergText.isEndMarker(line))
        #expect(GutenbergText.isStartMarker(textLine) == GutenbergText.isStartMarker(line))
        if GutenbergText.isEndMarker(line) || GutenbergText.isStartMarker(line) { markers += 1 }
      }
      // Every pair of neighbouring lines as a chunk: items exactly when both lines are one.
      for index in textLines.indices.dropLast() {
        let pair = textLines[index...index + 1]
        let expected = lines[index...index + 1].map(TextListItem.parse)
        let read = TextListItem.items(pair)
        #expect(read == (expected.contains(nil) ? nil : expected.map { $0! }))
        if read != nil { items += 1 }
      }
    }
    #expect(markers >= 4)
    #expect(items >= 3)
  }
}
