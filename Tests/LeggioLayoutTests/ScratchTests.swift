import LeggioCore
import Testing
@testable import LeggioLayout

@Suite struct ScratchTests {
  func show(
    _ label: String, _ doc: Document, _ meta: ArticleMetadata? = nil, _ width: Int,
    measure: Int? = nil
  ) {
    print("== \(label) w\(width)")
    let a = PagedArticle(
      document: doc, metadata: meta,
      options: LayoutOptions(width: width, measure: measure ?? width, margin: 0))
    for row in a.page(at: 0)!.lines.map(\.plainText) { print("\"\(row)\",") }
  }
  @Test func printCases() {
    let (doc, meta) = Fixtures.referenceArticle
    show("ref", Document(blocks: Array(doc.blocks.prefix(1))), meta, 40)
    show(
      "blocks",
      Document(blocks: [
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
      ]), nil, 24)
    show(
      "wide", Document(blocks: [Block(.paragraph, text: "Breve.")]),
      ArticleMetadata(title: "Titolo"), 100, measure: 72)
  }
}
