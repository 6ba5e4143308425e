import Foundation
import LeggioModel

/// A book's table of contents and chapters as `leggio toc --json`, `leggio show --format
/// json` and `leggio extract BOOK.epub --format json` print them. Every entry carries
/// its block and the scalar offset of its text in the canonical text, the coordinate
/// of positions and annotations.
enum BookJSON {
  /// `{"title", "level", "block", "offset"}` for each entry, in order.
  static func toc(_ contents: BookContents, canonical: CanonicalText) -> JSONValue {
    .array(
      contents.entries.map { entry in
        .object([
          "title": .string(entry.title), "level": .int(Int64(entry.level)),
          "block": .int(Int64(entry.block)),
          "offset": .int(Int64(offset(ofBlock: entry.block, in: canonical))),
        ])
      })
  }

  /// The book's own facts: identifier, creators, publisher, cover.
  static func facts(_ contents: BookContents) -> [String: JSONValue] {
    [
      "identifier": contents.identifier.map(JSONValue.string) ?? .null,
      "creators": .array(contents.creators.map(JSONValue.string)),
      "publisher": contents.publisher.map(JSONValue.string) ?? .null,
      "cover": contents.cover.map(JSONValue.string) ?? .null,
    ]
  }

  /// The text cut at every entry of the table of contents, in reading order; what comes
  /// before the first entry (a cover, a title page) is a chapter without a title.
  static func chapters(_ contents: BookContents, document: Document, canonical: CanonicalText)
    -> JSONValue
  {
    let starts = contents.entries.map(\.block).enumerated()
      .filter { $0.element < document.blocks.count }
    var cuts: [(title: String?, level: Int, block: Int)] = []
    if starts.first.map({ $0.element > 0 }) ?? true {
      cuts.append((nil, 1, 0))
    }
    for (index, block) in starts where cuts.last?.block != block || cuts.isEmpty {
      let entry = contents.entries[index]
      cuts.append((entry.title, entry.level, block))
    }
    var chapters: [JSONValue] = []
    for (index, cut) in cuts.enumerated() {
      let end = index + 1 < cuts.count ? cuts[index + 1].block : document.blocks.count
      guard end > cut.block else { continue }
      let range =
        offset(
          ofBlock: cut.block, in: canonical)..<(end < document.blocks.count
        ? canonical.blockStarts[end] - 2 : canonical.scalarCount)
      chapters.append(
        .object([
          "title": cut.title.map(JSONValue.string) ?? .null, "level": .int(Int64(cut.level)),
          "block": .int(Int64(cut.block)), "offset": .int(Int64(range.lowerBound)),
          "text": .string(canonical.substring(range)),
        ]))
    }
    return .array(chapters)
  }

  static func offset(ofBlock block: Int, in canonical: CanonicalText) -> Int {
    block < canonical.blockStarts.count ? canonical.blockStarts[block] : canonical.scalarCount
  }
}
