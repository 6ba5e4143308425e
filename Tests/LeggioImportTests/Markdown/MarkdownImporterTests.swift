import Foundation
import Testing

@testable import LeggioModel
@testable import LeggioImport

@Suite struct MarkdownImporterTests {
  func importMarkdown(_ text: String, name: String = "nota.md") throws -> ImportedArticle {
    try ArticleImporter.importData(Data(text.utf8), name: name, options: ImportFixtures.options())
  }

  func summary(_ article: ImportedArticle) -> [String] {
    article.document.blocks.map { "\($0.kind): \($0.plainText)" }
  }

  @Test func frontMatterGivesTitleAuthorDateAndTags() throws {
    let article = try importMarkdown(
      """
      ---
      title: "Una lettera da Milano"
      author: Mario Rossi
      date: 2023-08-16 20:24
      tags: [viaggi, lettere]
      ---

      # Un titolo nel testo

      Caro amico, ti scrivo da Milano.
      """)
    #expect(article.metadata.title == "Una lettera da Milano")
    #expect(article.metadata.byline == "Mario Rossi")
    #expect(ImportFixtures.fields(article.metadata.published) == [2023, 8, 16, 20, 24])
    #expect(article.metadata.tags == ["viaggi", "lettere"])
    #expect(
      summary(article) == [
        "heading(level: 1): Un titolo nel testo", "paragraph: Caro amico, ti scrivo da Milano.",
      ])
  }

  @Test func frontMatterTagsAsAYamlList() throws {
    let article = try importMarkdown("---\ntags:\n  - uno\n  - due\n---\nTesto.")
    #expect(article.metadata.tags == ["uno", "due"])
    #expect(article.metadata.title == "nota")
  }

  @Test func ruleAtTheTopIsNotMistakenForFrontMatter() throws {
    let article = try importMarkdown("---\nUna frase d'apertura.\n---\n\nIl resto.")
    #expect(article.document.blocks.map(\.plainText).contains("Il resto."))
    #expect(article.document.canonicalText.text.contains("Una frase d'apertura."))
  }

  @Test func firstLevelOneHeadingIsTheTitleAndLeavesTheBody() throws {
    let article = try importMarkdown("# Il titolo\n\nIl testo.\n\n## Una sezione\n\nAltro.")
    #expect(article.metadata.title == "Il titolo")
    #expect(
      summary(article) == [
        "paragraph: Il testo.", "heading(level: 2): Una sezione", "paragraph: Altro.",
      ])
  }

  @Test func withoutHeadingTheTitleIsTheFileName() throws {
    let article = try importMarkdown("Solo testo.", name: "appunti/lista-spesa.md")
    #expect(article.metadata.title == "lista-spesa")
  }

  @Test func inlineStylesLinksAndCode() throws {
    let article = try importMarkdown(
      "# T\n\nUn *corsivo*, un **grassetto**, `codice` e [un link](https://example.org/a).")
    let inlines = try #require(article.document.blocks.first).inlines
    #expect(
      inlines == [
        Inline("Un "), Inline("corsivo", style: .emphasis), Inline(", un "),
        Inline("grassetto", style: .strong), Inline(", "), Inline("codice", style: .code),
        Inline(" e "), Inline("un link", link: "https://example.org/a"), Inline("."),
      ])
  }

  @Test func nestedListsKeepDepthAndReturnToTheOuterLevel() throws {
    let article = try importMarkdown(
      "# T\n\n- uno\n- due\n  - due a\n    - due a i\n  - due b\n- tre\n\n3. terzo\n4. quarto\n")
    #expect(
      summary(article) == [
        "listItem(depth: 1, ordinal: nil): uno",
        "listItem(depth: 1, ordinal: nil): due",
        "listItem(depth: 2, ordinal: nil): due a",
        "listItem(depth: 3, ordinal: nil): due a i",
        "listItem(depth: 2, ordinal: nil): due b",
        "listItem(depth: 1, ordinal: nil): tre",
        "listItem(depth: 1, ordinal: Optional(3)): terzo",
        "listItem(depth: 1, ordinal: Optional(4)): quarto",
      ])
  }

  @Test func tablesBecomeTablesWithOrWithoutOuterPipes() throws {
    let piped = try importMarkdown("# T\n\n| Nome | Età |\n|---|---|\n| Anna | 30 |\n| Luca | 25 |")
    let bare = try importMarkdown("# T\n\nNome | Età\n:--- | ---:\nAnna | 30\nLuca | 25")
    for article in [piped, bare] {
      let rows = article.document.blocks.first?.tableRows.map { $0.map { $0.map(\.text).joined() } }
      #expect(rows == [["Nome", "Età"], ["Anna", "30"], ["Luca", "25"]])
    }
    #expect(piped.document.blocks.first?.kind == .table(alignments: [.none, .none], headerRows: 1))
    #expect(bare.document.blocks.first?.kind == .table(alignments: [.left, .right], headerRows: 1))
  }

  @Test func quotesNestAndCodeBlocksKeepTheirLines() throws {
    let article = try importMarkdown(
      "# T\n\n> Detto.\n> > Citato dentro.\n\n```\nlet x = 1\n  indentato\n```\n\n    codice indentato\n    riga due\n"
    )
    #expect(
      summary(article) == [
        "blockQuote(depth: 1): Detto.",
        "blockQuote(depth: 2): Citato dentro.",
        "preformatted: let x = 1\n  indentato",
        "preformatted: codice indentato\nriga due",
      ])
  }

  @Test func imagesRulesAndSetextHeadings() throws {
    let article = try importMarkdown(
      "Titolo\n======\n\nPrima.\n\n![Il lago di Como](lago.jpg)\n\n___\n\nSezione\n-------\n\nsnake_case_word resta."
    )
    #expect(article.metadata.title == "Titolo")
    #expect(
      summary(article) == [
        "paragraph: Prima.", "image(credit: nil): Il lago di Como", "rule: ",
        "heading(level: 2): Sezione", "paragraph: snake_case_word resta.",
      ])
  }

  @Test func relativeLinksInALocalFileResolveAgainstTheFile() throws {
    try ImportFixtures.withTemporaryDirectory { directory in
      let file = directory.appendingPathComponent("nota.md")
      try Data("# T\n\nVedi [l'altra](altra.md) e [il sito](https://example.org).".utf8).write(
        to: file)
      let article = try ArticleImporter.importFile(at: file)
      let links = article.document.blocks[0].inlines.compactMap(\.link)
      #expect(
        links == [
          directory.appendingPathComponent("altra.md").absoluteString, "https://example.org",
        ])
    }
  }

  @Test func markdownIsSniffedWhenTheNameSaysNothing() throws {
    let article = try ArticleImporter.importData(
      Data("# Titolo\n\nTesto con **forza**.".utf8), name: "-", options: ImportFixtures.options())
    #expect(article.metadata.title == "Titolo")
    #expect(article.document.blocks.first?.inlines.last?.style == [])
    #expect(article.document.blocks.first?.inlines.contains { $0.style == .strong } == true)
  }
}
