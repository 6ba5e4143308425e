import LeggioModel
import Testing

@testable import LeggioLayout

/// Italian prose and verse from the corpus, as rows.
@Suite struct CorpusLayoutTests {
  @Test func danteKeepsHisLinesAndWrapsTheLongOnes() {
    let blocks = Fixtures.divinaCommedia.blocks
    let start = blocks.firstIndex { $0.plainText.hasPrefix("Nel mezzo del cammin") }!
    assertLayout(
      Document(blocks: Array(blocks[start..<start + 2])), width: 30,
      expected: [
        "Nel mezzo del cammin di nostra",
        "  vita",
        "mi ritrovai per una selva",
        "  oscura,",
        "ché la diritta via era",
        "  smarrita.",
        "",
        "Ahi quanto a dir qual era è",
        "  cosa dura",
        "esta selva selvaggia e aspra e",
        "  forte",
        "che nel pensier rinova la",
        "  paura!",
      ])
  }

  @Test func manzoniIsJustifiedToTheColumn() {
    let blocks = Fixtures.promessiSposi.blocks
    let opening = blocks.first { $0.plainText.hasPrefix("Quel ramo del lago di Como") }!
    let rows = layoutRows(Document(blocks: [opening]), width: 44)
    #expect(
      Array(rows.prefix(8)) == [
        "Quel ramo  del lago  di  Como, che  volge  a",
        "mezzogiorno, tra due  catene non  interrotte",
        // Total fit: one looser line here spares a gap of six cells ten lines down.
        "di  monti,   tutte  a   seni  e   a   golfi,",
        "a seconda  dello  sporgere e  del  rientrare",
        "di  quelli,  vien,  quasi  a  un  tratto,  a",
        "ristringersi, e  a  prender corso  e  figura",
        "di fiume,  tra un  promontorio a  destra,  e",
        "un'ampia costiera  dall'altra  parte;  e  il",
      ])
    #expect(rows.dropLast().allSatisfy { $0.count == 44 })
    #expect(rows.last!.count < 44 && !rows.last!.contains("  "))
  }
}
