import Foundation
import LeggioImport
import LeggioStore
import Testing

@testable import LeggioTUI

/// A table, a code block and a figure imported from Markdown, as the reader shows them:
/// at 40 columns against literal rows, at 80 against the snapshots in `Screens/`.
@Suite struct RichBlockScreenTests {
  /// A library holding the one Markdown article `markdown`, imported as a file would be.
  static func library(_ markdown: String) throws -> Library {
    let library = try Library.inMemory()
    try library.add(try ArticleImporter.importData(Data(markdown.utf8), name: "nota.md"))
    return library
  }

  static let table = """
    # Città

    | Città | Abitanti | Cantone |
    |:------|---------:|:-------:|
    | Lugano | 63 000 | TI |
    | Bellinzona | 43 000 | TI |
    """

  static let code = """
    # Codice

    ```swift
    let saluto = "Ciao"
    print(saluto + ", mondo: questa riga è lunga apposta per andare a capo")
    ```
    """

  static let figure = """
    # Il lago

    <p align="center">
      <img src="images/lago.png" alt="Il lago">
      <br/>
      <i>Source: il lago di Lugano visto dal Monte Brè</i>
    </p>

    Il testo dopo.
    """

  @Test func aMarkdownFootnoteOpensOverThePageAndAnyKeyClosesIt() throws {
    let app = makeApp(
      try Self.library("# Nota\n\nUn testo con una nota.[^a]\n\n[^a]: Ciò che la nota dice.\n"),
      width: 40, height: 10)
    app.press("<Enter>1<Enter>")
    #expect(app.state.modal == .note("Ciò che la nota dice."))
    #expect(app.render().rows.contains { $0.contains("Ciò che la nota dice.") })
    app.press("x")
    #expect(app.state.modal == nil)
  }

  @Test func aTableIsSetAsATableAt40And80Columns() throws {
    try assertScreen(
      try Self.library(Self.table), keys: "<Enter>",
      [
        " Città",
        "",
        " ┌────────────┬──────────┬─────────┐",
        " │ Città      │ Abitanti │ Cantone │",
        " ╞════════════╪══════════╪═════════╡",
        " │ Lugano     │   63 000 │   TI    │",
        " │ Bellinzona │   43 000 │   TI    │",
        " └────────────┴──────────┴─────────┘",
        "",
        " Città                   page 1/1  100%",
      ],
      snapshot: "reader-table")
  }

  /// The text of the cells carrying `overlay`, row by row, gaps between marked cells kept
  /// as a space so that two cells' texts do not run together.
  static func marked(_ grid: CellGrid, _ overlay: UIRole) -> [String] {
    (0..<grid.height).compactMap { row in
      var text = ""
      var previous: Int?
      for column in 0..<grid.width
      where grid[column, row].style.overlay == overlay && grid[column, row].width > 0 {
        if let previous, column > previous + 1 { text += " " }
        text.append(grid[column, row].character)
        previous = column
      }
      return text.isEmpty ? nil : text
    }
  }

  @Test func aHighlightInATableCellIsDrawnInTheCell() throws {
    let library = try Self.library(Self.table)
    let app = makeApp(library, width: 80, height: 24)
    app.press("<Enter>/")
    app.type("Bellinzona")
    app.press("<Enter>vh")
    #expect(app.state.status?.text.hasPrefix("Highlighted") == true)
    let grid = app.render()
    #expect(Self.marked(grid, .highlight1) == ["Bellinzona"])

    // One made elsewhere (`leggio annotate`), over two cells of a row and the row after it,
    // drawn from the library by a new application in each cell it covers, at 40 columns too.
    let uuid = try #require(library.summaries(ArticleQuery(), offset: 0, limit: 10).first?.uuid)
    let article = try #require(try library.annotationArticle(uuid: uuid))
    try library.annotations.annotate(
      article, quote: "Abitanti\tCantone\nLugano", color: AnnotationColor(rawValue: 3)!)
    for width in [80, 40] {
      let again = makeApp(library, width: width, height: 12)
      again.press("<Enter>")
      #expect(Self.marked(again.render(), .highlight3) == ["Abitanti Cantone", "Lugano"])
    }
  }

  @Test func aCodeBlockIsSetApartWithItsLanguageAt40And80Columns() throws {
    try assertScreen(
      try Self.library(Self.code), keys: "<Enter>",
      [
        " Codice",
        "",
        "   swift",
        "   let saluto = \"Ciao\"",
        "   print(saluto + \", mondo: questa riga",
        " ↪  è lunga apposta per andare a capo\")",
        "",
        "",
        "",
        " Codice                  page 1/1  100%",
      ],
      snapshot: "reader-code")
  }

  @Test func aFigureKeepsItsCaptionAndCreditAt40And80Columns() throws {
    try assertScreen(
      try Self.library(Self.figure), keys: "<Enter>",
      [
        " Il lago",
        "",
        " [Image: Il lago\u{00A0}— Source: il lago di",
        " Lugano visto dal Monte Brè]",
        "",
        " Il testo dopo.",
        "",
        "",
        "",
        " Il lago                 page 1/1  100%",
      ],
      snapshot: "reader-figure")
  }
}
