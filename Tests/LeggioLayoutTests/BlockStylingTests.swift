import LeggioModel
import Testing

@testable import LeggioLayout

/// The title block, headings, quotes, lists, code, rules and images, as rows.
@Suite struct BlockStylingTests {
  @Test func referenceArticleOpensWithItsTitleBlock() {
    let (document, metadata) = Fixtures.referenceArticle
    let rows = layoutRows(document, metadata: metadata, width: 40)
    #expect(
      Array(rows.prefix(18)) == [
        "Relazioni strategiche",
        "",
        "Quell'amicizia tra Putin e Kim Jong-un",
        "che si intensifica sempre di più",
        "",
        "I rapporti tra Mosca e Pyongyang, già",
        "positivi, continuano a migliorare e i",
        "due leader si promettono,",
        "reciprocamente, di rafforzare la",
        "cooperazione bilaterale in tutti i campi",
        "",
        "Red. Online · 16.08.2023 20:24",
        "© AP Photo/Alexander Zemlianichenko,",
        "Pool",
        "",
        "Vladimir Putin e Kim Jong-un. Kim  Jong-",
        "un e Vladimir Putin. La «storia d'amore»",
        "tra i due  leader, nordcoreano e  russo,",
      ])
  }

  @Test func titleBlockLinesCarryTheirRolesAndNoSource() {
    let (document, metadata) = Fixtures.referenceArticle
    let article = PagedArticle(
      document: document, metadata: metadata, options: columnOptions(width: 40))
    let lines = article.page(at: 0)!.lines
    let roles = lines.prefix(14).map { $0.runs.map(\.role) }
    #expect(roles[0] == [.kicker])
    #expect(roles[2] == [.title])
    #expect(roles[5] == [.standfirst])
    #expect(roles[11] == [.byline, .byline, .dateline])
    #expect(roles[12] == [.credit])
    #expect(
      lines.prefix(14).allSatisfy { $0.source == nil && $0.runs.allSatisfy { $0.source == nil } })
    #expect(lines[15].source?.lowerBound == 0)
  }

  @Test func blocksAreStyledForReading() {
    let document = Document(blocks: [
      Block(.heading(level: 2), text: "Le reazioni"),
      Block(.blockQuote(depth: 1), text: "La Russia ha bisogno di amici, o almeno di partner."),
      Block(.blockQuote(depth: 2), text: "Citazione annidata"),
      Block(.listItem(depth: 1, ordinal: nil), text: "Primo punto dell'elenco che va a capo"),
      Block(.listItem(depth: 2, ordinal: nil), text: "Secondo livello"),
      Block(.listItem(depth: 3, ordinal: nil), text: "Terzo"),
      Block(.listItem(depth: 1, ordinal: 10), text: "Decimo punto che va a capo"),
      Block(.preformatted, text: "let x = 1\n    let lunghissimo = \"una stringa\""),
      Block(.rule, []),
      Block(.image(credit: "AP Photo"), text: "Putin e Kim"),
      Block(.image(credit: nil), []),
    ])
    assertLayout(
      document, width: 24,
      expected: [
        "Le reazioni",
        "",
        "│ La Russia  ha  bisogno",
        "│ di amici, o almeno  di",
        "│ partner.",
        "",
        "│ │ Citazione annidata",
        "",
        "• Primo punto",
        "  dell'elenco che va",
        "  a capo",
        "",
        "  ◦ Secondo livello",
        "",
        "    ▪ Terzo",
        "",
        "10. Decimo punto che va",
        "    a capo",
        "",
        "  let x = 1",
        "      let lunghissimo =",
        "↪ \"una stringa\"",
        "",
        "           ⁂",
        "",
        "[Image: Putin e Kim\u{00A0}— AP",
        "Photo]",
        "",
        "[Image]",
      ])
  }

  @Test func decorationHasItsRolesAndTextKeepsItsOffsets() {
    let document = Document(blocks: [
      Block(.heading(level: 1), text: "Titolo"),
      Block(.blockQuote(depth: 1), [Inline("Detto "), Inline("così", style: .emphasis)]),
      Block(
        .listItem(depth: 1, ordinal: nil), [Inline("vedi "), Inline("qui", link: "https://cdt.ch")]),
      Block(.preformatted, text: "abcdefghijklmnopqrstuvwxyz"),
    ])
    let article = PagedArticle(document: document, metadata: nil, options: columnOptions(width: 20))
    let lines = article.page(at: 0)!.lines.filter { !$0.runs.isEmpty }
    #expect(lines[0].runs.map(\.role) == [.heading])
    #expect(lines[1].runs.map(\.role) == [.quoteBar, .quote, .quote])
    #expect(lines[1].runs[2].inline == .emphasis)
    #expect(lines[1].runs[2].source == 14..<18)
    #expect(lines[2].runs.map(\.role) == [.listMarker, .text, .text])
    #expect(lines[2].runs[2].link == "https://cdt.ch")
    #expect(lines[4].runs.map(\.role) == [.continuation, .preformatted])
    #expect(lines[4].runs[0].text == "↪ ")
    let canonical = CanonicalText(document)
    for run in lines.flatMap(\.runs) {
      if let source = run.source { #expect(canonical.substring(source) == run.text) }
    }
  }

  @Test func wideTerminalsCentreAColumnOfTheMeasure() {
    let options = LayoutOptions(width: 100, measure: 72)
    #expect(ColumnGeometry(options) == ColumnGeometry(LayoutOptions(width: 100)))
    #expect(ColumnGeometry(options).left == 14 && ColumnGeometry(options).width == 72)
    #expect(ColumnGeometry(LayoutOptions(width: 40, margin: 2)).left == 2)
    #expect(ColumnGeometry(LayoutOptions(width: 40, margin: 2)).width == 36)
    let article = PagedArticle(
      document: Document(blocks: [Block(.paragraph, text: "Breve.")]),
      metadata: ArticleMetadata(title: "Titolo"),
      options: options)
    #expect(
      article.page(at: 0)!.lines.map(\.plainText) == [
        "              Titolo", "", "              Breve.",
      ])
  }
}
