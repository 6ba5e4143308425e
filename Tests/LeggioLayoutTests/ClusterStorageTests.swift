import LeggioModel
import Testing

@testable import LeggioLayout

/// `leggio show` lays a book's blocks out one after another on one reused set of cluster
/// arrays; each block must come out as it does on arrays of its own.
@Suite struct ClusterStorageTests {
  static func laidOut(_ blocks: [Block], width: Int, storage: ClusterStorage?) -> ([UInt8], Int) {
    let geometry = ColumnGeometry(LayoutOptions(width: width))
    let hyphenator = Hyphenator(language: "it")
    var sink = TextSink()
    var clusters = 0
    for block in blocks {
      let unit = FlowUnit(
        block: block, start: 0, justify: true, column: geometry.width, hyphenator: hyphenator,
        storage: storage)
      clusters += unit.parts.reduce(0) { $0 + $1.text.count }
      UnitRenderer.render(unit, geometry: geometry, into: &sink)
      storage?.recycle(unit)
    }
    return (sink.bytes, clusters)
  }

  @Test(arguments: [30, 80])
  func blocksLaidOutOnReusedArraysReadAsOnArraysOfTheirOwn(width: Int) {
    // Long and short blocks in turn, verse among prose: a buffer is reused both larger
    // and smaller than the text it takes.
    let blocks =
      Array(Fixtures.promessiSposi.blocks.prefix(300))
      + Array(Fixtures.divinaCommedia.blocks.prefix(100))
      + [Block(.listItem(depth: 1, ordinal: nil), text: "uno e\u{301} 日本語"), Block(.rule, [])]
    let reused = Self.laidOut(blocks, width: width, storage: ClusterStorage())
    let fresh = Self.laidOut(blocks, width: width, storage: nil)
    #expect(reused.1 > 50_000)
    #expect(reused.0.count > 20_000)
    #expect(reused == fresh)
  }

  /// The arrays keep their length when emptied: what a longer text left past the new
  /// count must never show (a newline's width 0, a space's class, a slow cluster's bytes).
  @Test(arguments: ["Quel ramo", "e\u{301} ⸻ 日本", "uno\ndue", "a", ""])
  func aBufferEmptiedAfterALongerTextHoldsOnlyTheNewOne(_ text: String) {
    var reused = ClusterBuffer()
    reused.append(
      "Lines\nof  verse, e\u{301}tude ⸻ «quote»\n\tand more " + String(repeating: "xy ", count: 50),
      Segment(role: .text, isSource: true))
    reused.removeAll(reservingCapacity: text.utf8.count)
    var fresh = ClusterBuffer()
    for buffer in [0, 1] {
      let segment = Segment(role: .text, isSource: buffer == 0)
      reused.append(text, segment)
      fresh.append(text, segment)
    }
    #expect(reused.count == fresh.count)
    #expect(ClusterBufferPathsTests.agree(reused, fresh))
    #expect(reused.specials == fresh.specials && reused.uniform == fresh.uniform)
    #expect(reused.containsNewline == fresh.containsNewline)
  }

  @Test func aBufferTakenAgainIsEmpty() {
    let storage = ClusterStorage()
    let unit = FlowUnit(
      block: Block(.paragraph, text: "Quel ramo del lago di Como"), start: 0, justify: true,
      column: 40, storage: storage)
    storage.recycle(unit)
    let buffer = storage.take(capacity: 8)
    #expect(buffer.count == 0)
    #expect(buffer.bytes.isEmpty && buffer.segments.isEmpty && buffer.specials.isEmpty)
    #expect(buffer.byteStarts == [0] && buffer.offsets == [0])
    #expect(buffer.uniform)
  }
}
