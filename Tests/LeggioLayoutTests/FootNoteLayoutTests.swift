import Foundation
import LeggioImport
import LeggioModel
import Testing

@testable import LeggioLayout

/// Footnotes set at the foot of the page that refers to them, under a short rule, as books
/// set them; tables in ASCII for terminals without box drawing; a headline's emphasis.
@Suite struct FootNoteLayoutTests {
  func article(_ markdown: String) throws -> ImportedArticle {
    try ArticleImporter.importData(Data(markdown.utf8), name: "nota.md")
  }

  func pages(_ article: ImportedArticle, width: Int = 40, height: Int = 10, atFoot: Bool = true)
    -> [Page]
  {
    var options = LayoutOptions(width: width, height: height, justify: false, hyphenate: false)
    options.notesAtFoot = atFoot
    let paged = PagedArticle(
      document: article.document, metadata: article.metadata, options: options)
    paged.layoutAll()
    return (0..<paged.pageCount.value).compactMap { paged.page(at: $0) }
  }

  static let rule = " " + String(repeating: "─", count: 12)

  static let note = """
    # Nota

    Un testo con una nota.[^a]

    Il secondo paragrafo continua il discorso.

    Il terzo paragrafo lo chiude.

    Il quarto va oltre, fino alla pagina dopo.

    [^a]: Ciò che la nota dice, in una riga e poco più.
    """

  @Test func aNoteIsSetAtTheFootOfThePageThatRefersToIt() throws {
    let first = try #require(pages(try article(Self.note)).first)
    #expect(
      first.lines.map(\.plainText) == [
        " Nota",
        "",
        " Un testo con una nota.¹",
        "",
        " Il secondo paragrafo continua",
        " il discorso.",
        "",
        Self.rule,
        " ¹ Ciò che la nota dice, in una riga e",
        "   poco più.",
      ])
    // The foot shows the note, not the page's text: no offsets, and the page still tiles.
    #expect(first.lines.suffix(3).allSatisfy { $0.source == nil })
    #expect(first.lines.suffix(3).flatMap(\.runs).allSatisfy { $0.source == nil })
  }

  @Test func notesOnDemandLeaveTheFootEmpty() throws {
    let first = try #require(pages(try article(Self.note), atFoot: false).first)
    #expect(!first.plainText.contains("Ciò che"))
    #expect(!first.plainText.contains("───"))
  }

  @Test func aNoteShownOnThePageAnywayIsNotRepeatedAtItsFoot() throws {
    let first = try #require(
      pages(try article("# Nota\n\nTesto.[^a]\n\n[^a]: La nota.\n")).first)
    #expect(first.plainText.components(separatedBy: "La nota.").count == 2)
    #expect(!first.plainText.contains("───"))
  }

  @Test func aLineWhoseNoteDoesNotFitMovesToTheNextPageWithIt() throws {
    let text = (1...7).map { "Riga \($0) del testo." }.joined(separator: "\n\n")
    let markdown =
      "# Nota\n\n" + text + " Con nota.[^a]\n\n" + text + "\n\n[^a]: La nota.\n"
    let pages = pages(try article(markdown))
    let withReference = try #require(pages.firstIndex { $0.plainText.contains("Con nota.¹") })
    let page = pages[withReference]
    let rows = page.lines.map(\.plainText)
    #expect(rows.suffix(2) == [Self.rule, " ¹ La nota."])
    #expect(rows.count <= 10)
    // No page carries a reference whose note it does not show.
    for page in pages where page.plainText.contains("¹") && !page.plainText.contains("¹ La nota") {
      Issue.record("page \(page.index) shows the reference without its note")
    }
  }

  @Test func aNoteLongerThanAThirdOfThePageStaysOnDemand() throws {
    let long = String(repeating: "Una nota lunga assai. ", count: 12)
    let text = (1...7).map { "Riga \($0) del testo." }.joined(separator: "\n\n")
    let pages = pages(try article("# Nota\n\nTesto.[^a]\n\n\(text)\n\n[^a]: \(long)\n"))
    #expect(pages[0].plainText.contains("Testo.¹"))
    #expect(!pages[0].plainText.contains("───"))
  }

  @Test func tablesAreDrawnInASCIIWhenAsked() throws {
    let markdown = "# T\n\n| Città | Abitanti |\n|:--|--:|\n| Lugano | 63 000 |\n"
    var options = LayoutOptions(width: 40, height: 10, hyphenate: false)
    options.asciiBorders = true
    let imported = try article(markdown)
    let paged = PagedArticle(
      document: imported.document, metadata: imported.metadata, options: options)
    #expect(
      paged.page(at: 0)?.lines.map(\.plainText) == [
        " T",
        "",
        " +--------+----------+",
        " | Città  | Abitanti |",
        " +========+==========+",
        " | Lugano |   63 000 |",
        " +--------+----------+",
      ])
  }

  @Test func aHeadlineKeepsItsEmphasisInTheTitleBlock() throws {
    let imported = try article("# Il *nuovo* lettore\n\nTesto.\n")
    #expect(imported.metadata.title == "Il nuovo lettore")
    #expect(imported.document.blocks.map(\.plainText) == ["Testo."])
    let paged = PagedArticle(
      document: imported.document, metadata: imported.metadata,
      options: LayoutOptions(width: 40, height: 10))
    let title = try #require(paged.page(at: 0)?.lines.first)
    #expect(title.plainText == " Il nuovo lettore")
    #expect(title.runs.filter { $0.inline.contains(.emphasis) }.map(\.text) == ["nuovo"])
    #expect(title.runs.allSatisfy { $0.role == .title })
    #expect(
      HTMLWriter.page(imported.metadata, imported.document).contains(
        "<h1>Il <em>nuovo</em> lettore</h1>"))
  }
}
