import Foundation
import LeggioModel
import Testing

@testable import LeggioStore

/// The library's JSON of a document is `JSONEncoder`'s byte for byte, written eight bytes
/// at a time past text with nothing to escape.
@Suite struct DocumentJSONTests {
  /// Each character JSON escapes (controls, quote, backslash), and the bytes next to them
  /// in ASCII and beyond, at every place of an eight-byte step.
  @Test func anEscapeAtAnyPlaceIsWrittenAsJSONEncoderWritesIt() throws {
    let specials = ["\"", "\\", "\n", "\t", "\r", "\u{1}", "\u{1F}", "\u{8}", "\u{C}", "/"]
    let neighbours = ["!", "#", "[", "]", "^", "\u{7F}", "é", "€", "😀", " ", "\u{2028}"]
    var blocks: [Block] = []
    for special in specials {
      for neighbour in neighbours {
        for shift in 0..<17 {
          let text =
            String(repeating: "a", count: shift) + special + neighbour + special + special
            + String(repeating: neighbour, count: 9)
          blocks.append(Block(.paragraph, text: text))
        }
      }
    }
    let document = Document(blocks: blocks)
    #expect(DocumentJSON.encode(document) == (try Library.encodeWithFoundation(document)))
  }
}
