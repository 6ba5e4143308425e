import Testing

@testable import LeggioLayout

@Suite struct CellWidthTests {
  @Test func theProcessMeasuresWithAUTF8Locale() {
    #expect(CellWidth.of("中" as Character) == 2)
  }

  @Test func graphemeClustersAreMeasuredAsTerminalsDrawThem() {
    let cases: [(Character, Int)] = [
      ("a", 1), ("é", 1), ("e\u{301}", 1), ("«", 1), ("—", 1),
      ("中", 2), ("。", 2), ("Ａ", 2), ("한", 2), ("カ", 2),
      ("👍", 2), ("👍🏽", 2), ("❤️", 2), ("👨‍👩‍👧", 2), ("🇮🇹", 2), ("1️⃣", 2),
      ("\u{200D}", 0), ("\u{301}", 0), ("\u{1B}", 1), ("\u{7F}", 1), ("\u{202E}", 1),
    ]
    for (character, cells) in cases {
      #expect(
        CellWidth.of(character) == cells,
        "\(character.unicodeScalars.map { String($0.value, radix: 16) })")
    }
  }

  @Test func stringsSumTheirClusters() {
    #expect(CellWidth.of("Kim Jong-un") == 11)
    #expect(CellWidth.of("金正恩 Kim") == 10)
    #expect(CellWidth.of("perché") == 6)
  }
}
