import LeggioModel
import Testing

@testable import LeggioLayout

/// Line breaking and justification, written as the rows a reader sees.
@Suite struct LineBreakingTests {
  @Test func justifiedProseFillsEveryLineButTheLast() {
    assertLayout(
      "Vladimir Putin e Kim Jong-un. La storia d'amore tra i due leader.", width: 20,
      expected: [
        "Vladimir Putin e Kim",
        "Jong-un.  La  storia",
        "d'amore  tra  i  due",
        "leader.",
      ])
  }

  @Test func raggedRightLeavesSpacesAlone() {
    // The same breaker as justified text: no runt ("leader." alone) on the last line.
    assertLayout(
      "Vladimir Putin e Kim Jong-un. La storia d'amore tra i due leader.", width: 20,
      justify: false,
      expected: [
        "Vladimir Putin e",
        "Kim Jong-un. La",
        "storia d'amore tra i",
        "due leader.",
      ])
  }

  @Test func closingPunctuationNeverStartsALine() {
    assertLayout(
      "La «storia d'amore» tra i due leader, nordcoreano e russo.", width: 18,
      expected: [
        // A word alone, ragged, rather than a hole of nine cells.
        "La",
        "«storia   d'amore»",
        "tra i due  leader,",
        "nordcoreano",
        "e russo.",
      ])
  }

  @Test func openingPunctuationNeverEndsALine() {
    assertLayout(
      "Disse: « tenere Putin » per mano", width: 12,
      expected: [
        "Disse:",
        "«     tenere",
        "Putin »  per",
        "mano",
      ])
  }

  @Test func linesMayEndAfterAHyphen() {
    assertLayout(
      "Vladimir Putin e Kim Jong-un si parlano", width: 14,
      expected: [
        "Vladimir Putin",
        "e Kim  Jong-un",
        "si parlano",
      ])
    assertLayout("Kim Jong-un", width: 8, expected: ["Kim", "Jong-un"])
    assertLayout("Jong-un e Kim", width: 6, expected: ["Jong-", "un   e", "Kim"])
  }

  @Test func aWordLongerThanTheLineIsSplitAtTheCellBoundary() {
    assertLayout(
      "Precipitevolissimevolmente detto", width: 10,
      expected: ["Precipitev", "olissimevo", "lmente", "detto"])
  }

  @Test func noBreakSpacesHold() {
    assertLayout(
      "Pagina 12\u{00A0}345 e 10\u{202F}km di strada", width: 11,
      expected: ["Pagina", "12\u{00A0}345", "e 10\u{202F}km  di", "strada"])
  }

  @Test func longURLsBreakAfterASlash() {
    assertLayout(
      "Vedi https://www.cdt.ch/news/mondo/quell-amicizia-tra-putin-e-kim.html per tutto", width: 24,
      expected: [
        "Vedi",
        "https://www.cdt.ch/news/",
        "mondo/quell-amicizia-",
        "tra-putin-e-kim.html per",
        "tutto",
      ])
    assertLayout(
      "http://example.com/a/very/long/path/index.html", width: 20,
      expected: ["http://example.com/", "a/very/long/path/", "index.html"])
  }

  @Test func verseKeepsItsLinesAndTurnsLongOnesOverIndented() {
    assertLayout(
      "Nel mezzo del cammin di nostra vita\nmi ritrovai per una selva oscura,\nché la diritta via era smarrita.",
      width: 20,
      expected: [
        "Nel mezzo del cammin",
        "  di nostra vita",
        "mi ritrovai per una",
        "  selva oscura,",
        "ché la diritta via",
        "  era smarrita.",
      ])
  }

  @Test func aLineOfVerseStandingAloneIsSetRaggedAsTheVerseBeforeIt() {
    // The end of Inferno's first canto: a tercet, then its closing line alone.
    let tercet =
      "e io a lui: «Poeta, io ti richeggio\nper quello Dio che tu non conoscesti,\nacciò ch'io fugga questo male e peggio,"
    let alone = "Allor si mosse, e io li tenni dietro."
    let verse = Document(
      blocks: [tercet, tercet, alone].map { Block(.paragraph, text: $0) })
    let text = PlainTextRenderer.render(document: verse, metadata: nil, width: 30)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.contains(" Allor si mosse, e io li"), "\(text)")
    #expect(lines.contains("   tenni dietro."), "\(text)")
    #expect(!lines.contains { $0.contains("  ") && !$0.hasPrefix("   ") }, "\(text)")
    // After prose, or too long for a line of the verse before it, it is prose: justified.
    for blocks in [
      [
        Block(.paragraph, text: tercet),
        Block(.paragraph, text: tercet.replacingOccurrences(of: "\n", with: " ")),
        Block(.paragraph, text: alone),
      ],
      // One block of lines before it, as a code example in a plain text.
      [
        Block(.paragraph, text: "Intro."), Block(.paragraph, text: tercet),
        Block(.paragraph, text: alone),
      ],
      [
        Block(.paragraph, text: tercet), Block(.paragraph, text: "Nel mezzo\ndel cammin"),
        Block(.paragraph, text: alone),
      ],
      // Dialogue broken by the page: lines longer than verse has.
      [
        Block(.paragraph, text: tercet),
        Block(.paragraph, text: tercet + "\n" + String(repeating: "e disse ancora che ", count: 5)),
        Block(.paragraph, text: alone),
      ],
    ] {
      let prose = PlainTextRenderer.render(
        document: Document(blocks: blocks), metadata: nil, width: 30)
      #expect(prose.contains(" Allor  si  mosse,  e  io  li\n tenni dietro."), "\(prose)")
    }
  }

  @Test func theCommediasLastLineIsVerseThoughLongerThanItsTercet() throws {
    // "l’amor che move il sole e l’altre stelle." has 41 characters, the tercet before it
    // 39 at most: a line of verse is counted in syllables, not characters.
    let blocks = Fixtures.divinaCommedia.blocks
    let last = try #require(blocks.last)
    #expect(last.plainText == "l’amor che move il sole e l’altre stelle.")
    let ending = Document(blocks: Array(blocks.suffix(3)))
    let text = PlainTextRenderer.render(document: ending, metadata: nil, width: 30)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.contains(" l’amor che move il sole e"), "\(text)")
    #expect(lines.contains("   l’altre stelle."), "\(text)")
    // Longer than its stanza by more than a quarter, it is prose again.
    let long = Block(.paragraph, text: "l’amor che move il sole e l’altre stelle e tutto il cielo.")
    let prose = PlainTextRenderer.render(
      document: Document(blocks: blocks.suffix(3).dropLast() + [long]), metadata: nil, width: 30)
    let proseLines = prose.split(separator: "\n\n").last!.split(separator: "\n")
    #expect(proseLines.count == 3 && proseLines[0].count == proseLines[1].count, "\(prose)")
    #expect(proseLines.dropFirst().allSatisfy { !$0.hasPrefix("   ") }, "\(prose)")
    // The quarter does not reach past lines of prose its source broke (CommonMark's spec,
    // a plain text): a sentence after two such paragraphs, longer than their lines, is prose.
    let spec = Document(
      blocks: [
        "A [line ending](@) is a line feed (`U+000A`), a carriage return\n"
          + "(`U+000D`) not followed by a line feed, or a carriage return and a\n"
          + "following line feed.",
        "A line containing no characters, or a line containing only spaces\n"
          + "(`U+0020`) or tabs (`U+0009`), is called a [blank line](@).",
        "The following definitions of character classes will be used in this spec:",
      ].map { Block(.paragraph, text: $0) })
    let specText = PlainTextRenderer.render(document: spec, metadata: nil, width: 45)
    #expect(!specText.contains("\n   classes will be used"), "\(specText)")
    // Nor past the lines of a code example (uneven: a fence, then lines of one character).
    let example = "```````````````````````````````` example\nfoo\n    # bar\n.\n<p>foo\n# bar</p>"
    let afterCode = Document(
      blocks: [example, example, "A closing sequence of `#` characters is optional:"].map {
        Block(.paragraph, text: $0)
      })
    let codeText = PlainTextRenderer.render(document: afterCode, metadata: nil, width: 30)
    #expect(!codeText.contains("\n   characters is optional:"), "\(codeText)")
    #expect(Document.longestLoneLine(after: (longest: 39, shortest: 34)) >= 41)
    #expect(Document.longestLoneLine(after: (longest: 70, shortest: 40)) == 70)
    #expect(Document.longestLoneLine(after: (longest: 40, shortest: 1)) == 40)
  }

  @Test func tabsExpandToTheNextStopOfFourCells() {
    assertLayout("a\tbb\tccc\td", width: 20, expected: ["a   bb  ccc d"])
    assertLayout(
      "a \t b\tc d  e f \u{1B} g h ii jj", width: 7,
      expected: ["a     b", "c d   e", "f ␛ g h", "ii jj"])
  }

  @Test func everyWidthFromTenToTwoHundredKeepsLinesWithinTheColumn() {
    let (document, metadata) = Fixtures.referenceArticle
    for width in 10...200 {
      let article = PagedArticle(
        document: document, metadata: metadata, options: columnOptions(width: width))
      for line in article.page(at: 0)?.lines ?? [] {
        #expect(cellsUsed(line) <= width, "width \(width): \(line.plainText)")
        #expect(CellWidth.of(line.plainText) <= width, "width \(width): \(line.plainText)")
      }
    }
  }
}
