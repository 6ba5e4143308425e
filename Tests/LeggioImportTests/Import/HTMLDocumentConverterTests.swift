import Foundation
import Testing

@testable import LeggioModel
@testable import LeggioImport

@Suite struct HTMLDocumentConverterTests {
  func convert(_ html: String, baseURL: URL? = nil) -> Document {
    HTMLDocumentConverter.convert(HTMLParser.parse(html), baseURL: baseURL)
  }

  func summary(_ html: String, baseURL: URL? = nil) -> [String] {
    convert(html, baseURL: baseURL).blocks.map { "\($0.kind): \($0.plainText)" }
  }

  @Test func headingsParagraphsAndRules() {
    #expect(
      summary("<h1>Uno</h1><p>Testo</p><hr><h3>Tre</h3>") == [
        "heading(level: 1): Uno", "paragraph: Testo", "rule: ", "heading(level: 3): Tre",
      ])
  }

  @Test func whitespaceCollapsesLikeABrowser() {
    #expect(
      summary("<p>\n   Molto   spazio\n\t tra <b> le </b>  parole  </p>") == [
        "paragraph: Molto spazio tra le parole"
      ])
  }

  @Test func breaksBecomeLineBreaksInsideTheBlock() {
    #expect(
      summary("<p>Nel mezzo del cammin <br>\n mi ritrovai<br/>per una selva<br></p>") == [
        "paragraph: Nel mezzo del cammin\nmi ritrovai\nper una selva"
      ])
  }

  @Test func preformattedTextKeepsItsWhitespace() {
    let html = "<pre>\nfunc f() {\n    return  1\n}\n</pre><p>dopo</p>"
    #expect(summary(html) == ["preformatted: func f() {\n    return  1\n}", "paragraph: dopo"])
  }

  @Test func carriageReturnsInPreformattedTextBecomeNewlines() {
    #expect(summary("<pre>uno\r\ndue\rtre</pre>") == ["preformatted: uno\ndue\ntre"])
  }

  @Test func nestedListsCarryDepthAndOrdinals() {
    let html = """
      <ol start="3"><li>tre<ul><li>punto <em>a</em></li><li>punto b<ol reversed><li>x</li><li>y</li></ol></li></ul></li>
      <li value="10">dieci</li><li>undici</li></ol>
      """
    #expect(
      summary(html) == [
        "listItem(depth: 1, ordinal: Optional(3)): tre",
        "listItem(depth: 2, ordinal: nil): punto a",
        "listItem(depth: 2, ordinal: nil): punto b",
        "listItem(depth: 3, ordinal: Optional(2)): x",
        "listItem(depth: 3, ordinal: Optional(1)): y",
        "listItem(depth: 1, ordinal: Optional(10)): dieci",
        "listItem(depth: 1, ordinal: Optional(11)): undici",
      ])
  }

  @Test func blockQuotesCarryTheirDepth() {
    #expect(
      summary("<blockquote><p>uno</p><blockquote>due</blockquote>tre</blockquote>") == [
        "blockQuote(depth: 1): uno", "blockQuote(depth: 2): due", "blockQuote(depth: 1): tre",
      ])
  }

  @Test func dataTablesBecomeTablesOfCellsWithHeaderAndAlignment() {
    let html = """
      <table><caption>Risultati</caption><thead><tr><th>Squadra</th><th>Punti</th></tr></thead>
      <tbody><tr><td>Lugano</td><td>3</td></tr><tr><td>Ambrì</td><td><b>1</b></td></tr></tbody></table>
      """
    let document = convert(
      html.replacingOccurrences(of: "<th>Punti", with: "<th align=right>Punti"))
    #expect(
      document.blocks.map(\.plainText) == ["Risultati", "Squadra\tPunti\nLugano\t3\nAmbrì\t1"])
    #expect(document.blocks[1].kind == .table(alignments: [.none, .right], headerRows: 1))
    #expect(
      document.blocks[1].tableRows == [
        [[Inline("Squadra")], [Inline("Punti")]], [[Inline("Lugano")], [Inline("3")]],
        [[Inline("Ambrì")], [Inline("1", style: .strong)]],
      ])
  }

  @Test func emptyCellsStayInTheirColumns() {
    let html = """
      <table><tr><th>Fase</th><th>Bozza</th><th>Revisione</th></tr>
      <tr><td>Mappa</td><td></td><td>sì</td><td></td></tr>
      <tr><td><img src="logo.png"></td><td>Solo una nota.</td></tr></table>
      """
    let rows = convert(html).blocks.first?.tableRows.map { $0.map { $0.map(\.text).joined() } }
    #expect(
      rows == [["Fase", "Bozza", "Revisione"], ["Mappa", "", "sì", ""], ["", "Solo una nota."]])
  }

  @Test func layoutTablesAreReadAsContainers() {
    let long = String(repeating: "Una frase lunga dentro una cella. ", count: 12)
    let html =
      "<table><tr><td><p>\(long)</p></td><td><table><tr><td>menu</td></tr></table></td></tr></table>"
    let blocks = convert(html).blocks
    #expect(blocks.first?.plainText == long.trimmingCharacters(in: .whitespaces))
    #expect(!blocks.contains { $0.plainText.contains(" | ") })
  }

  @Test func relativeLinksAreResolvedAgainstTheBaseURL() {
    let base = URL(string: "https://www.cdt.ch/news/mondo/articolo.html")!
    let document = convert(
      #"<p><a href="../svizzera/altro.html">altro</a> e <a href="/chi-siamo">noi</a> e <a href="javascript:void(0)">js</a></p>"#,
      baseURL: base)
    let links = document.blocks[0].inlines.compactMap(\.link)
    #expect(
      links == ["https://www.cdt.ch/news/svizzera/altro.html", "https://www.cdt.ch/chi-siamo"])
    #expect(document.blocks[0].plainText == "altro e noi e js")
  }

  @Test func scriptsStylesNavigationFormsAndHiddenElementsAreSkipped() {
    let html = """
      <body><nav>Home | Mondo</nav><script>alert(1)</script><style>p{}</style>
      <noscript>abilita js</noscript><template><p>t</p></template><iframe src="x"></iframe>
      <form><input value="cerca"><button>Vai</button></form><p hidden>nascosto</p>
      <div style="display: none">anche</div><p aria-hidden="true">pure</p><p>Resta solo questo.</p></body>
      """
    #expect(summary(html) == ["paragraph: Resta solo questo."])
  }

  @Test func bareTextAndInlineElementsInContainersBecomeParagraphs() {
    let html =
      "<body>Testo sciolto <b>forte</b><div>dentro<p>paragrafo</p>coda</div><section>fine</section></body>"
    #expect(
      summary(html) == [
        "paragraph: Testo sciolto forte", "paragraph: dentro", "paragraph: paragrafo",
        "paragraph: coda", "paragraph: fine",
      ])
  }

  @Test func figuresGiveImagePlaceholdersWithCaptionAndCredit() {
    let html = """
      <figure><img src="a.jpg" alt="Putin e Kim"><figcaption>Il vertice del 2019.
      <span class="credit">© AP Photo/Alexander Zemlianichenko</span></figcaption></figure>
      <figure><img src="b.jpg" alt="Il porto"><figcaption>Il porto di Lugano. Foto: Keystone</figcaption></figure>
      <p>Testo <img src="c.png" alt="grafico"> e <img src="pixel.gif"> fine</p>
      """
    let blocks = convert(html).blocks
    #expect(
      blocks.map { [$0.kindName, $0.plainText, $0.source ?? "-"] } == [
        ["image", "Il vertice del 2019.", "a.jpg"], ["image", "Il porto di Lugano.", "b.jpg"],
        ["paragraph", "Testo grafico e fine", "-"],
      ])
    // A picture in a sentence stays in it; a spacer there leaves nothing.
    #expect(blocks[2].inlines.compactMap(\.image) == [InlineImage(source: "c.png")])
    #expect(
      blocks.prefix(2).map(\.kind) == [
        .image(credit: "© AP Photo/Alexander Zemlianichenko"), .image(credit: "Foto: Keystone"),
      ])
  }

  @Test func controlCharactersFromEntitiesNeverReachTheText() {
    let text = convert("<p>a&#27;[31mb&#x202E;c&#7;d\u{9B}e</p>").blocks.map(\.plainText)
    #expect(text.count == 1)
    #expect(!text[0].unicodeScalars.contains { TextSanitizer.isForbidden($0) })
  }

  @Test func deeplyNestedMarkupDoesNotExhaustTheStack() {
    let html =
      String(repeating: "<div><span>", count: 5000) + "profondo"
      + String(repeating: "</span></div>", count: 5000)
    #expect(convert(html).blocks.map(\.plainText) == ["profondo"])
  }

  @Test func handBuiltDeepTreesAreCutAtTheConverterLimit() {
    let root = HTMLNode(kind: .document)
    var node = root
    for _ in 0..<2000 {
      let child = HTMLNode(kind: .element, name: "div")
      node.append(child)
      node = child
    }
    node.append(HTMLNode(kind: .text, text: "fondo"))
    #expect(HTMLDocumentConverter.convert(root).blocks.map(\.plainText) == ["fondo"])
  }

  @Test func readabilityOutputOfTheCorpusConvertsToCleanText() throws {
    let corpus = ImportFixtures.url("corpus/html")
    let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
    var converted = 0
    for name in names {
      let expected = corpus.appendingPathComponent(name).appendingPathComponent("expected.html")
      guard let html = try? String(contentsOf: expected, encoding: .utf8) else { continue }
      let document = convert(html, baseURL: URL(string: "http://fakehost/test/page.html"))
      #expect(!document.isEmpty, "\(name) gave no blocks")
      let text = document.canonicalText.text
      #expect(!text.unicodeScalars.contains { TextSanitizer.isForbidden($0) }, "\(name)")
      let prose = document.blocks.filter { $0.kind != .preformatted }.map(\.plainText)
      #expect(!prose.contains { $0.contains("  ") || $0.hasPrefix(" ") }, "\(name) kept spaces")
      converted += 1
    }
    #expect(converted >= 10)
  }
}
