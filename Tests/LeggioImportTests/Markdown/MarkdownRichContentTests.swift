import Foundation
import Testing

@testable import LeggioImport
@testable import LeggioModel

/// What cmark-gfm brings: GFM extensions, raw HTML through the sanitiser, figures,
/// structure the HTML writer gives back, and titles taken from the text.
@Suite struct MarkdownRichContentTests {
  func importMarkdown(_ text: String, name: String = "nota.md") throws -> ImportedArticle {
    try ArticleImporter.importData(Data(text.utf8), name: name, options: ImportFixtures.options())
  }

  @Test func rawHTMLGoesThroughTheSameSanitiserAsWebPages() throws {
    let article = try importMarkdown(
      """
      # T

      <script>alert("x")</script>
      <style>p { color: red }</style>

      Premi <kbd>Ctrl</kbd> e guarda x<sup>2</sup>.

      <details><summary>Più dettagli</summary>Dentro il riquadro.</details>
      """)
    let text = article.document.canonicalText.text
    #expect(!text.contains("alert") && !text.contains("color"))
    #expect(text.contains("Più dettagli") && text.contains("Dentro il riquadro."))
    let inlines = article.document.blocks.flatMap(\.inlines)
    #expect(inlines.contains(Inline("Ctrl", style: .code)))
    #expect(inlines.contains(Inline("2", style: .superscript)))
  }

  @Test func codeBlocksKeepTheirLanguageAndTheirSpaces() throws {
    let article = try importMarkdown("# T\n\n```python\ndef f():  \n    return 1\n```\n")
    let block = try #require(article.document.blocks.first)
    #expect(block.kind == .preformatted)
    #expect(block.language == "python")
    #expect(block.plainText == "def f():  \n    return 1")
    #expect(
      HTMLWriter.block(block)
        == "<pre><code class=\"language-python\">def f():  \n    return 1\n</code></pre>\n")
  }

  @Test func taskListsStrikethroughAndFootnotes() throws {
    let article = try importMarkdown(
      "# T\n\nTesto con nota[^1] e ~~barrato~~.\n\n- [x] fatto\n- [ ] da fare\n\n[^1]: La nota, con *stile*.\n"
    )
    let blocks = article.document.blocks
    #expect(blocks[0].inlines.contains(Inline("barrato", style: .strikethrough)))
    #expect(blocks[0].inlines.contains { $0.text == "1" && $0.style == .superscript })
    #expect(blocks[1...2].map(\.plainText) == ["☑ fatto", "☐ da fare"])
    // The notes follow a rule, without the web's "↩" back links.
    #expect(blocks[3].kind == .rule)
    #expect(blocks[4].plainText == "La nota, con stile.")
  }

  @Test func aFootnoteReferenceOpensItsNoteAndAFragmentLinkJumps() throws {
    let article = try importMarkdown(
      "# T\n\nTesto con nota[^1], vedi [la fine](#fine).\n\n"
        + "<p id=\"fine\">Ultimo.</p>\n\n[^1]: La nota.\n")
    let blocks = article.document.blocks
    let links = blocks[0].inlines.compactMap(\.link).compactMap(InternalLink.init)
    #expect(links.count == 2)
    // The heading that became the title is gone: the indices are the ones after it.
    #expect(links.first.map { blocks[$0.block].plainText } == "La nota.")
    #expect(links.first.map { if case .note = $0 { true } else { false } } == true)
    #expect(links.last == .block(1))
    #expect(blocks[1].plainText == "Ultimo.")
    // A fragment that names nothing stays as written.
    let other = try importMarkdown("Vedi [altrove](#nessuno) e [fuori](https://x.ch/#a).\n")
    #expect(other.document.blocks[0].inlines.compactMap(\.link) == ["#nessuno", "https://x.ch/#a"])
  }

  @Test func aPictureInASentenceOrALinkStaysInTheText() throws {
    let article = try importMarkdown(
      "# T\n\n[![Build](https://ci.example/badge.svg)](https://ci.example) "
        + "[![Licenza](lic.svg \"MIT\")](LICENSE)\n\nIl treno ![treno](treno.jpg) parte.\n\n"
        + "![Il lago](lago.jpg)\n")
    let blocks = article.document.blocks
    #expect(blocks.count == 3)
    let badges = blocks[0].inlines.filter { $0.image != nil }
    #expect(badges.map(\.text) == ["Build", "Licenza"])
    #expect(badges.map(\.link) == ["https://ci.example", "LICENSE"])
    #expect(badges.last?.image == InlineImage(source: "lic.svg", title: "MIT"))
    #expect(blocks[1].plainText == "Il treno treno parte.")
    #expect(blocks[2].kind == .image(credit: nil))
    #expect(
      HTMLWriter.block(blocks[1])
        == "<p>Il treno <img src=\"treno.jpg\" alt=\"treno\" /> parte.</p>\n")
  }

  /// Raw `<img>` without alt text keeps none (not an empty one, which marks a decoration)
  /// and the space after it, as a picture with alt text does.
  @Test func aRawPictureWithoutAltTextKeepsNoneAndTheSpaceAfterIt() throws {
    let article = try importMarkdown(
      "# T\n\nUn'icona <img src=\"i.png\" title=\"suggerimento\"> qui.\n")
    let block = try #require(article.document.blocks.first)
    #expect(
      block.inlines.compactMap(\.image) == [
        InlineImage(source: "i.png", title: "suggerimento", altMissing: true)
      ])
    #expect(
      HTMLWriter.block(block)
        == "<p>Un'icona <img src=\"i.png\" title=\"suggerimento\" /> qui.</p>\n")
  }

  @Test func quotesAndListItemsKeepWhatTheyHold() throws {
    let article = try importMarkdown(
      "Prima.\n\n> # Nel riquadro\n> detto\n\n1. uno\n\n   seguito di uno\n2. due\n")
    #expect(article.metadata.title == "nota")
    let body = HTMLWriter.body(article.document)
    #expect(
      body == """
        <p>Prima.</p>
        <blockquote>
        <h1>Nel riquadro</h1>
        <p>detto</p>
        </blockquote>
        <ol>
        <li><p>uno</p>
        <p>seguito di uno</p>
        </li>
        <li><p>due</p>
        </li>
        </ol>

        """)
  }

  @Test func titleIsTheFirstMostProminentHeadingNeverTheFileName() throws {
    let sections = try importMarkdown(
      "Un'introduzione.\n\n## Sezione uno\n\nTesto.\n\n## Sezione due\n", name: "appunti.md")
    #expect(sections.metadata.title == "Sezione uno")
    #expect(sections.document.blocks.count == 4)  // not leading: it stays in the text
    let readme = try importMarkdown(
      """
      <p align="center">
        <img src="images/logo.png">
        <br/>
      </p>

      # The System Design Primer

      Learn how to design large-scale systems.
      """, name: "README.md")
    #expect(readme.metadata.title == "The System Design Primer")
    #expect(readme.document.blocks.map(\.kindName) == ["image", "paragraph"])
    #expect(readme.document.blocks[0].source == "images/logo.png")
  }

  @Test func aPictureWithAnItalicLineUnderItIsOneFigure() throws {
    let article = try importMarkdown(
      "# T\n\n![Il porto](porto.jpg)\n\n*Foto: Keystone*\n\nIl testo.")
    #expect(article.document.blocks.map(\.kind) == [.image(credit: "Foto: Keystone"), .paragraph])
    #expect(article.document.blocks[0].plainText == "Il porto")
  }
}
