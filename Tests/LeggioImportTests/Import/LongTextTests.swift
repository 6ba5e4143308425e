import Foundation
import Testing

@testable import LeggioImport

/// The long texts of the corpus. The counts were taken by hand with awk over the files:
/// blank-line-separated chunks between the Gutenberg markers, less the producer's
/// credit, for I promessi sposi; chunks after the title for the Divina Commedia.
@Suite struct LongTextTests {
  static let promessiSposi = Result {
    try ArticleImporter.importFile(
      at: ImportFixtures.url("corpus/texts/i-promessi-sposi_pg45334_it.txt"),
      options: ImportFixtures.options())
  }
  static let divinaCommedia = Result {
    try ArticleImporter.importFile(
      at: ImportFixtures.url("corpus/texts/divina-commedia_it.txt"),
      options: ImportFixtures.options())
  }

  @Test func gutenbergHeaderGivesTitleAuthorAndLanguage() throws {
    let metadata = try Self.promessiSposi.get().metadata
    #expect(metadata.title == "I promessi sposi")
    #expect(metadata.byline == "Alessandro Manzoni")
    #expect(metadata.language == "it")
    #expect(metadata.kicker == nil && metadata.published == nil && metadata.standfirst == nil)
  }

  @Test func gutenbergBoilerplateIsKeptOutOfTheBody() throws {
    let text = try Self.promessiSposi.get().document.canonicalText.text
    #expect(!text.localizedCaseInsensitiveContains("Project Gutenberg"))
    #expect(!text.contains("*** START"))
    #expect(!text.contains("Produced by Giovanni Fini"))
    #expect(!text.contains("FULL LICENSE"))
  }

  @Test func hardWrappedProseIsJoinedIntoOneBlockPerParagraph() throws {
    let blocks = try Self.promessiSposi.get().document.blocks
    #expect(blocks.count == 3162)
    let opening = try #require(
      blocks.first { $0.plainText.hasPrefix("Quel ramo del lago di Como") })
    #expect(opening.kind == .paragraph)
    #expect(!opening.plainText.contains("\n"))
    #expect(opening.plainText.contains("il _Resegone_, dai molti suoi cocuzzoli in fila,"))
    #expect(opening.plainText.contains("accarezzavan di tempo in tempo le spalle"))
    #expect(
      blocks.last?.plainText
        == "_Dirigere Commissioni e Vaglia all'Editore_ =Ulrico Hoepli=--=Milano.=")
  }

  @Test func chapterTitlesBecomeHeadings() throws {
    let blocks = try Self.promessiSposi.get().document.blocks
    let chapters = blocks.filter {
      if case .heading = $0.kind { return $0.plainText.hasPrefix("CAPITOLO") }
      return false
    }
    #expect(chapters.count == 38)
    #expect(chapters.first?.plainText == "CAPITOLO PRIMO.")
  }

  @Test func verseQuotedInsideProseKeepsItsLines() throws {
    let blocks = try Self.promessiSposi.get().document.blocks
    #expect(
      blocks.contains {
        $0.plainText == "Alta di monti schiena,\nCui sormontar non vale\nBorea con rigid'ale,"
      })
  }

  @Test func verseKeepsEveryLineAndEachTercetIsOneBlock() throws {
    let article = try Self.divinaCommedia.get()
    let blocks = article.document.blocks
    #expect(article.metadata.title == "LA DIVINA COMMEDIA")
    #expect(article.metadata.byline == "Dante Alighieri")
    #expect(blocks.count == 4914)
    let firstTercet = try #require(blocks.first { $0.kind == .paragraph })
    #expect(
      firstTercet.plainText
        == "Nel mezzo del cammin di nostra vita\nmi ritrovai per una selva oscura,\nché la diritta via era smarrita."
    )
    let verses = blocks.filter { $0.kind == .paragraph }
      .reduce(0) { $0 + $1.plainText.split(separator: "\n").count }
    #expect(verses == 14233)
    #expect(blocks.last?.plainText == "l’amor che move il sole e l’altre stelle.")
  }

  @Test func cantosAndCanticlesBecomeHeadings() throws {
    let blocks = try Self.divinaCommedia.get().document.blocks
    let cantos = blocks.filter { $0.kind == .heading(level: 2) }
    let canticles = blocks.filter { $0.kind == .heading(level: 1) }.map(\.plainText)
    #expect(cantos.count == 100)
    #expect(cantos.first?.plainText == "Inferno · Canto I")
    #expect(canticles == ["INFERNO", "PURGATORIO", "PARADISO"])
  }
}
