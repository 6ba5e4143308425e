import Foundation
import Testing

@testable import LeggioModel
@testable import LeggioImport

/// The reference article, `shared/samples/cdt-putin-kim.txt`, field by field.
@Suite struct ReferenceArticleTests {
  let article: ImportedArticle

  init() throws {
    article = try ArticleImporter.importFile(
      at: ImportFixtures.url("samples/cdt-putin-kim.txt"), options: ImportFixtures.options())
  }

  @Test func kickerIsTheShortFirstLine() {
    #expect(article.metadata.kicker == "Relazioni strategiche")
  }

  @Test func titleIsTheHeadline() {
    #expect(
      article.metadata.title
        == "Quell'amicizia tra Putin e Kim Jong-un che si intensifica sempre di più")
  }

  @Test func standfirstIsTheLedeUnderTheHeadline() throws {
    let standfirst = try #require(article.metadata.standfirst)
    #expect(standfirst.hasPrefix("I rapporti tra Mosca e Pyongyang, già positivi,"))
    #expect(standfirst.hasSuffix("di rafforzare la cooperazione bilaterale in tutti i campi"))
  }

  @Test func imageCreditBylineAndDatelineAreMetadata() {
    #expect(article.metadata.imageCredit == "© AP Photo/Alexander Zemlianichenko, Pool")
    #expect(article.metadata.byline == "Red. Online")
    #expect(article.metadata.dateline == "16.08.2023 20:24")
    #expect(ImportFixtures.fields(article.metadata.published) == [2023, 8, 16, 20, 24])
  }

  @Test func languageIsItalian() {
    #expect(article.metadata.language == "it")
  }

  @Test func bodyIsFourParagraphsWithGuillemetsAndAccentsIntact() throws {
    let blocks = article.document.blocks
    #expect(blocks.count == 4)
    #expect(blocks.allSatisfy { $0.kind == .paragraph })
    #expect(blocks[0].plainText.hasPrefix("Vladimir Putin e Kim Jong-un. Kim Jong-un e Vladimir"))
    #expect(blocks[0].plainText.contains("La «storia d'amore» tra i due leader"))
    #expect(blocks[0].plainText.hasSuffix("sembrerebbe aver gradito le promesse."))
    #expect(blocks[1].plainText.hasPrefix("In risposta, il presidente Putin"))
    #expect(blocks[2].plainText.contains("«non rappresenta una minaccia per nessuno»."))
    #expect(blocks[3].plainText.hasSuffix("Mosca e Pyongyang continuano a negare."))
  }

  @Test func headerLinesNeverReachTheBody() {
    let text = article.document.canonicalText.text
    for line in ["Relazioni strategiche", "Red. Online", "16.08.2023 20:24", "© AP Photo"] {
      #expect(!text.contains(line))
    }
  }

  @Test func bodyTextMatchesTheFileExactly() throws {
    let source = try String(
      contentsOf: ImportFixtures.url("samples/cdt-putin-kim.txt"), encoding: .utf8)
    for block in article.document.blocks {
      #expect(source.contains(block.plainText))
    }
  }
}
