import Foundation
import Testing


/// Plain-text news articles written for these tests: other bylines, dateline forms,
/// no kicker, English, and texts with no header at all.
@Suite struct NewsHeaderTests {
  static let body = """
    Il consiglio comunale ha approvato ieri sera il nuovo piano per le piste ciclabili, \
    che collegheranno la stazione con il lago entro la fine del prossimo anno.

    La spesa prevista è di quattro milioni di franchi, in parte coperti dalla Confederazione.
    """

  @Test func headlineAndStandfirstWithoutKicker() throws {
    let article = try ImportFixtures.importPlainText(
      """
      Lugano avrà nuove piste ciclabili entro il 2025

      Il piano approvato dal consiglio comunale collega la stazione con il lungolago e costa quattro milioni
      di Mario Rossi
      16 agosto 2023, 20:24

      \(Self.body)
      """)
    #expect(article.metadata.kicker == nil)
    #expect(article.metadata.title == "Lugano avrà nuove piste ciclabili entro il 2025")
    #expect(article.metadata.standfirst?.hasPrefix("Il piano approvato") == true)
    #expect(article.metadata.byline == "Mario Rossi")
    #expect(article.metadata.dateline == "16 agosto 2023, 20:24")
    #expect(ImportFixtures.fields(article.metadata.published) == [2023, 8, 16, 20, 24])
    #expect(article.document.blocks.count == 2)
    #expect(article.metadata.language == "it")
  }

  @Test func kickerOnTheLineRightAboveTheHeadline() throws {
    let article = try ImportFixtures.importPlainText(
      """
      Mobilità
      Lugano avrà nuove piste ciclabili entro il 2025
      Foto: Keystone
      Redazione
      2023-08-16T20:24

      \(Self.body)
      """)
    #expect(article.metadata.kicker == "Mobilità")
    #expect(article.metadata.title == "Lugano avrà nuove piste ciclabili entro il 2025")
    #expect(article.metadata.standfirst == nil)
    #expect(article.metadata.imageCredit == "Foto: Keystone")
    #expect(article.metadata.byline == "Redazione")
    #expect(ImportFixtures.fields(article.metadata.published) == [2023, 8, 16, 20, 24])
  }

  @Test(arguments: [
    ("ANSA", "ANSA"), ("Red. Online", "Red. Online"), ("di Mario Rossi", "Mario Rossi"),
    ("By Jane Doe", "Jane Doe"), ("AP/Reuters", "AP/Reuters"), ("Agenzia Nova", "Agenzia Nova"),
  ])
  func bylineForms(line: String, byline: String) throws {
    let article = try ImportFixtures.importPlainText(
      "Politica\n\nUn titolo qualsiasi per la prova\n\(line)\n16.08.2023 20:24\n\n\(Self.body)")
    #expect(article.metadata.byline == byline)
    #expect(article.metadata.kicker == "Politica")
    #expect(article.document.blocks.count == 2)
  }

  @Test func bylineAndDatelineOnOneLine() throws {
    let article = try ImportFixtures.importPlainText(
      "Un titolo qualsiasi per la prova\nRed. Online, 16.08.2023 20:24\n\n\(Self.body)")
    #expect(article.metadata.byline == "Red. Online")
    #expect(article.metadata.dateline == "16.08.2023 20:24")
  }

  @Test func englishArticle() throws {
    let article = try ImportFixtures.importPlainText(
      """
      World

      Putin and Kim pledge closer ties as Shoigu visits Pyongyang

      The two leaders exchanged letters promising to strengthen cooperation in every field, state media said on Wednesday
      Photo: AP Photo/Alexander Zemlianichenko
      By Jane Doe
      August 16, 2023 8:24 PM

      The letters were published by the state news agencies of both countries on the anniversary of Korea's liberation.

      Analysts say the war in Ukraine has brought the two governments closer than they have been in decades.
      """)
    #expect(article.metadata.kicker == "World")
    #expect(article.metadata.title == "Putin and Kim pledge closer ties as Shoigu visits Pyongyang")
    #expect(article.metadata.standfirst?.hasSuffix("state media said on Wednesday") == true)
    #expect(article.metadata.imageCredit == "Photo: AP Photo/Alexander Zemlianichenko")
    #expect(article.metadata.byline == "Jane Doe")
    #expect(ImportFixtures.fields(article.metadata.published) == [2023, 8, 16, 20, 24])
    #expect(article.metadata.language == "en")
    #expect(article.document.blocks.count == 2)
  }

  @Test func noteWithoutHeaderTakesItsTitleFromTheFirstLine() throws {
    let article = try ImportFixtures.importPlainText(
      "Idee per il viaggio\n\nPrenotare il treno per Milano e chiedere a Luca se viene anche lui.\n",
      name: "note.txt")
    #expect(article.metadata.title == "Idee per il viaggio")
    #expect(article.metadata.byline == nil && article.metadata.published == nil)
    #expect(article.metadata.kicker == nil && article.metadata.standfirst == nil)
    #expect(
      article.document.blocks.map(\.plainText) == [
        "Prenotare il treno per Milano e chiedere a Luca se viene anche lui."
      ])
  }

  @Test func textWithoutAnyShortFirstLineTakesItsTitleFromTheFileName() throws {
    let paragraph = String(repeating: "Una frase lunga che continua senza sosta. ", count: 6)
    let article = try ImportFixtures.importPlainText(
      paragraph + "\n\n" + paragraph, name: "notes/appunti_di_viaggio.txt")
    #expect(article.metadata.title == "appunti di viaggio")
    #expect(article.document.blocks.count == 2)
  }

  @Test func unwrappedParagraphsOnConsecutiveLinesStaySeparate() throws {
    let source = try String(
      contentsOf: ImportFixtures.url("samples/cdt-putin-kim.txt"), encoding: .utf8)
    let collapsed = source.replacingOccurrences(of: " \n\n", with: "\n")
      .replacingOccurrences(of: ".\n\nE in", with: ".\nE in")
    let article = try ImportFixtures.importPlainText(collapsed)
    #expect(article.metadata.byline == "Red. Online")
    #expect(article.document.blocks.count == 4)
  }

  @Test func shortLinesOfANoteKeepTheirLineBreaks() throws {
    let article = try ImportFixtures.importPlainText(
      "Spesa\n\nlatte\npane\nuova\n", name: "spesa.txt")
    #expect(article.metadata.title == "Spesa")
    #expect(article.document.blocks.map(\.plainText) == ["latte\npane\nuova"])
  }

  @Test func bulletedAndNumberedLinesBecomeListItems() throws {
    let article = try ImportFixtures.importPlainText(
      "Da fare\n\n- latte\n- pane\n  - integrale\n\n1. chiamare Luca\n2) prenotare\n\n2023 è stato un anno.",
      name: "todo.txt")
    #expect(
      article.document.blocks.map(\.kind) == [
        .listItem(depth: 1, ordinal: nil), .listItem(depth: 1, ordinal: nil),
        .listItem(depth: 2, ordinal: nil), .listItem(depth: 1, ordinal: 1),
        .listItem(depth: 1, ordinal: 2), .paragraph,
      ])
    #expect(article.document.blocks.map(\.plainText).prefix(3) == ["latte", "pane", "integrale"])
  }

  @Test func aLoneDashedLineIsDialogueNotAList() throws {
    let article = try ImportFixtures.importPlainText(
      "Capitolo\n\n- Vieni qui, disse Renzo.\n\nAltro.")
    #expect(article.document.blocks.first?.kind == .paragraph)
  }

  @Test func bodySentenceMentioningADateIsNotTakenForAHeader() throws {
    let article = try ImportFixtures.importPlainText(
      "Cronaca del giorno\n\nIl 16 agosto 2023 il consiglio ha votato il piano.\n\nAltro testo.")
    #expect(article.metadata.published == nil)
    #expect(article.metadata.title == "Cronaca del giorno")
    #expect(article.document.blocks.count == 2)
  }
}
