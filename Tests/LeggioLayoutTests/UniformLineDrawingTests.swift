import LeggioModel
import Testing

@testable import LeggioLayout

/// `leggio show` writes a line of uniform text in one go, gap to gap; the text must be
/// what drawing it run by run (as the reader's sink is fed) writes.
@Suite struct UniformLineDrawingTests {
  /// `TextSink` fed run by run, as any sink that does not draw uniform lines in one go.
  struct RunByRunTextSink: LineSink {
    static var wantsRuns: Bool { false }
    var inner = TextSink()

    mutating func decoration(_ text: String, column: Int, cells: Int, role: StyleRole) {
      inner.decoration(text, column: column, cells: cells, role: role)
    }
    mutating func text(
      _ buffer: ClusterBuffer, _ range: Range<Int>, column: Int, cells: Int, segment: Int,
      source: Range<Int>?
    ) {
      inner.text(buffer, range, column: column, cells: cells, segment: segment, source: source)
    }
    mutating func symbol(
      _ text: String, column: Int, cells: Int, role: StyleRole, inline: InlineStyle,
      source: Range<Int>?
    ) {
      inner.symbol(text, column: column, cells: cells, role: role, inline: inline, source: source)
    }
    mutating func endLine(source: Range<Int>?, position: Int) {
      inner.endLine(source: source, position: position)
    }
    mutating func blankLine(position: Int) { inner.blankLine(position: position) }
  }

  static func bothWays(_ blocks: [Block], width: Int, justify: Bool = true) -> ([UInt8], [UInt8]) {
    let geometry = ColumnGeometry(LayoutOptions(width: width, justify: justify))
    let hyphenator = Hyphenator(language: "it")
    var fast = TextSink()
    var runs = RunByRunTextSink()
    for block in blocks {
      let unit = FlowUnit(
        block: block, start: 0, justify: justify, column: geometry.width, hyphenator: hyphenator)
      UnitRenderer.render(unit, geometry: geometry, into: &fast)
      UnitRenderer.render(unit, geometry: geometry, into: &runs)
    }
    return (fast.bytes, runs.inner.bytes)
  }

  @Test(arguments: [30, 45, 80])
  func aBooksLinesReadTheSameDrawnInOneGoOrRunByRun(width: Int) {
    let blocks = Array(Fixtures.promessiSposi.blocks.prefix(600))
    let (fast, runs) = Self.bothWays(blocks, width: width)
    #expect(fast.count > 10_000)
    #expect(fast == runs)
  }

  @Test func raggedVerseListsAndQuotesReadTheSameToo() {
    let blocks =
      Array(Fixtures.divinaCommedia.blocks.prefix(200)) + [
        Block(
          .listItem(depth: 1, ordinal: nil), text: "una voce di elenco che va a capo più volte"),
        Block(
          .blockQuote(depth: 1),
          text: "  spazi in testa,   spazi   doppi e una citazione lunga abbastanza"),
        Block(.paragraph, text: "parola"),
        Block(.paragraph, text: ""),
      ]
    for justify in [true, false] {
      let (fast, runs) = Self.bothWays(blocks, width: 24, justify: justify)
      #expect(fast == runs)
    }
  }
}
