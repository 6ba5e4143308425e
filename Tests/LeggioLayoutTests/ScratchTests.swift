import LeggioCore
import Testing
@testable import LeggioLayout

@Suite struct ScratchTests {
  @Test func printReference() {
    let (doc, meta) = Fixtures.referenceArticle
    for w in [30, 80] {
      print(PlainTextRenderer.render(document: doc, metadata: meta, width: w))
    }
    print(
      PlainTextRenderer.render(
        document: Document(blocks: [
          Block(.heading(level: 1), text: "Capitolo primo"),
          Block(
            .blockQuote(depth: 1),
            text: "Una citazione abbastanza lunga da andare a capo più volte, «così»."),
          Block(.listItem(depth: 1, ordinal: nil), text: "Primo punto dell'elenco che va a capo"),
          Block(.listItem(depth: 2, ordinal: 3), text: "Sottopunto numerato"),
          Block(
            .preformatted,
            text: "let x = 1\n\tlet yyyyyyyyyyyyyyyyyyyyyyyyyy = \"una stringa lunghissima\""),
          Block(.rule, []),
          Block(.image(credit: "AP"), text: "Putin e Kim a Mosca"),
          Block(
            .paragraph,
            text:
              "中文的文字，在这里。日本語のテキスト「かぎかっこ」も。 emoji 👍🏽 ❤️ 👨‍👩‍👧 🇮🇹 e\u{301} \u{1B}[31mrosso\u{1B}[0m tab\tqui http://example.com/a/very/long/path/that/goes/on/and/on/index.html"
          ),
        ]), metadata: nil, width: 30))
  }
}
