import Foundation
import LeggioImport
import LeggioModel
import Testing

@testable import LeggioLayout

/// Tables, code blocks, figures and lists from real Markdown, as the reader sets them at
/// 80 and at 40 columns.
@Suite struct RichBlockLayoutTests {
  func document(_ markdown: String) throws -> Document {
    try ArticleImporter.importData(Data(markdown.utf8), name: "nota.md").document
  }

  static let cities = """
    | Città | Abitanti | Cantone |
    |:------|---------:|:-------:|
    | Lugano | 63 000 | TI |
    | Bellinzona | 43 000 | TI |
    """

  static let phases = """
    | Fase | Descrizione | Stato |
    |---|---|:---:|
    | Bozza | Il testo è scritto di getto e riletto una volta sola | fatto |
    | Revisione | Un collega controlla i fatti e le citazioni | in corso |
    """

  static let months = """
    | Gennaio | Febbraio | Settembre | Novembre | Dicembre |
    |---|---|---|---|---|
    | neve | pioggia | vendemmia | nebbia | presepi |
    """

  static let code = """
    ```swift
    let saluto = "Ciao"
    print(saluto + ", mondo: questa riga è lunga apposta per andare a capo")
    ```
    """

  static let figure = """
    <p align="center">
      <img src="images/lago.png">
      <br/>
      <i>Source: il lago di Lugano visto dal Monte Brè</i>
    </p>

    Il testo dopo.
    """

  static let lists = """
    - uno
    - due
      - due a
    - tre

    Poi una lista ampia:

    1. primo

    2. secondo
    """

  /// The rows of `cities`, at any width from 36 cells.
  static let citiesRows = [
    "┌────────────┬──────────┬─────────┐",
    "│ Città      │ Abitanti │ Cantone │",
    "╞════════════╪══════════╪═════════╡",
    "│ Lugano     │   63 000 │   TI    │",
    "│ Bellinzona │   43 000 │   TI    │",
    "└────────────┴──────────┴─────────┘",
  ]

  @Test func tableIsSetWithBordersHeaderAndAlignmentAt80And40Columns() throws {
    assertLayout(try document(Self.cities), width: 80, expected: Self.citiesRows)
    assertLayout(try document(Self.cities), width: 40, expected: Self.citiesRows)
  }

  @Test func tableCellsWrapInsideTheirColumnsWhenThePageIsNarrow() throws {
    assertLayout(
      try document(Self.phases), width: 80,
      expected: [
        "┌───────────┬──────────────────────────────────────────────────────┬──────────┐",
        "│   Fase    │                     Descrizione                      │  Stato   │",
        "╞═══════════╪══════════════════════════════════════════════════════╪══════════╡",
        "│ Bozza     │ Il testo è scritto di getto e riletto una volta sola │  fatto   │",
        "│ Revisione │ Un collega controlla i fatti e le citazioni          │ in corso │",
        "└───────────┴──────────────────────────────────────────────────────┴──────────┘",
      ])
    assertLayout(
      try document(Self.phases), width: 40,
      expected: [
        "┌───────────┬──────────────────┬───────┐",
        "│   Fase    │   Descrizione    │ Stato │",
        "╞═══════════╪══════════════════╪═══════╡",
        "│ Bozza     │ Il testo è       │ fatto │",
        "│           │ scritto di getto │       │",
        "│           │ e riletto una    │       │",
        "│           │ volta sola       │       │",
        "├───────────┼──────────────────┼───────┤",
        "│ Revisione │ Un collega       │  in   │",
        "│           │ controlla i      │ corso │",
        "│           │ fatti e le       │       │",
        "│           │ citazioni        │       │",
        "└───────────┴──────────────────┴───────┘",
      ])
  }

  @Test func tableWiderThanThePageIsShownOneRecordPerBlock() throws {
    assertLayout(
      try document(Self.months), width: 80,
      expected: [
        "┌─────────┬──────────┬───────────┬──────────┬──────────┐",
        "│ Gennaio │ Febbraio │ Settembre │ Novembre │ Dicembre │",
        "╞═════════╪══════════╪═══════════╪══════════╪══════════╡",
        "│ neve    │ pioggia  │ vendemmia │ nebbia   │ presepi  │",
        "└─────────┴──────────┴───────────┴──────────┴──────────┘",
      ])
    assertLayout(
      try document(Self.months + "\n| sole | vento | uva | foglie | luci |"), width: 40,
      expected: [
        "Gennaio", "  neve", "Febbraio", "  pioggia", "Settembre", "  vendemmia", "Novembre",
        "  nebbia", "Dicembre", "  presepi", "────────────────────", "Gennaio", "  sole",
        "Febbraio", "  vento", "Settembre", "  uva", "Novembre", "  foglie", "Dicembre", "  luci",
      ])
  }

  /// What highlights and the selection are drawn from: each run of a cell's text names
  /// the canonical offsets it shows, wrapped or transposed, and every word of every cell
  /// is shown by such a run.
  @Test func tableCellTextKeepsItsPlaceInTheTextWrappedOrTransposed() throws {
    for (markdown, width) in [
      (Self.phases, 80), (Self.phases, 40),
      (Self.months + "\n| sole | vento | uva | foglie | luci |", 40),
    ] {
      let doc = try document(markdown)
      let canonical = CanonicalText(doc)
      let article = PagedArticle(document: doc, metadata: nil, options: columnOptions(width: width))
      let runs = try #require(article.page(at: 0)).lines.flatMap(\.runs)
      var shown = Set<Int>()
      for run in runs {
        guard let source = run.source else { continue }
        #expect(canonical.substring(source) == run.text, "at \(width): \(run.text)")
        shown.formUnion(source)
      }
      let words = canonical.text.unicodeScalars.enumerated().filter {
        !$0.element.properties.isWhitespace
      }.map(\.offset)
      #expect(words.allSatisfy(shown.contains), "at \(width)")
      if markdown == Self.phases {
        // Words and the single spaces between them are one run, drawn as one.
        #expect(runs.contains { $0.source != nil && $0.text.contains(" ") }, "at \(width)")
      }
    }
  }

  @Test func tableMovesWholeToTheNextPageRatherThanSplitMidRow() throws {
    let doc = try document(
      "Un paragrafo che occupa qualche riga prima della tabella, apposta.\n\n" + Self.cities)
    let article = PagedArticle(
      document: doc, metadata: nil, options: columnOptions(width: 40, height: 8))
    article.layoutAll()
    let pages = (0..<article.pageCount.value).map { article.page(at: $0)!.lines.map(\.plainText) }
    #expect(pages.count == 2)
    #expect(
      pages[0].prefix(2) == [
        "Un paragrafo  che  occupa  qualche  riga", "prima della tabella, apposta.",
      ])
    #expect(!pages[0].contains { $0.contains("│") })
    #expect(
      Array(pages[1].prefix(6)) == Self.citiesRows)
  }

  @Test func codeBlockIsIndentedUnjustifiedWithItsLanguageAndAContinuationMark() throws {
    assertLayout(
      try document(Self.code), width: 80,
      expected: [
        "  swift",
        "  let saluto = \"Ciao\"",
        "  print(saluto + \", mondo: questa riga è lunga apposta per andare a capo\")",
      ])
    assertLayout(
      try document(Self.code), width: 40,
      expected: [
        "  swift",
        "  let saluto = \"Ciao\"",
        "  print(saluto + \", mondo: questa riga è",
        "↪  lunga apposta per andare a capo\")",
      ])
  }

  @Test func centredPictureWithItsSourceLineIsOneFigure() throws {
    let doc = try document(Self.figure)
    #expect(
      doc.blocks.first?.kind == .image(credit: "Source: il lago di Lugano visto dal Monte Brè"))
    #expect(doc.blocks.first?.source == "images/lago.png")
    assertLayout(
      doc, width: 80,
      expected: [
        "[Image\u{00A0}— Source: il lago di Lugano visto dal Monte Brè]", "", "Il testo dopo.",
      ])
    assertLayout(
      doc, width: 40,
      expected: [
        "[Image\u{00A0}— Source: il lago di Lugano visto", "dal Monte Brè]", "", "Il testo dopo.",
      ])
  }

  @Test func aListItemsSecondParagraphAndCodeStayInsideTheItem() throws {
    assertLayout(
      try document("- uno\n\n  seguito di uno\n\n      codice\n- due\n"), width: 40,
      expected: ["• uno", "", "  seguito di uno", "", "    codice", "", "• due"])
  }

  @Test func tightListsHaveNoBlankLinesAndLooseListsKeepThem() throws {
    let expected = [
      "• uno", "• due", "  ◦ due a", "• tre", "", "Poi una lista ampia:", "", "1. primo", "",
      "2. secondo",
    ]
    assertLayout(try document(Self.lists), width: 80, expected: expected)
    assertLayout(try document(Self.lists), width: 40, expected: expected)
  }
}
