import Foundation
import LeggioTestSupport
import Testing

@testable import LeggioImport

/// The choosing and cleaning rules of issue 18's third round, each on the real pages of
/// trafilatura's evaluation set it came from: the page's own must-have snippets are all
/// found and the furniture the rule removes is not.
@Suite struct ExtractionCorpusRulesTests {
  static let set = Result {
    try ExtractionBenchmarks.loadTrafilatura(
      ExtractionBenchmarkTests.extraction.appendingPathComponent("trafilatura"))
  }

  /// The page stored as `file`, its expectation and Leggio's text of it, whitespace
  /// collapsed as the benchmark compares.
  static func extracted(_ file: String) throws -> (
    text: String, expected: ExtractionBenchmarks.Expectation
  ) {
    let set = try Self.set.get()
    let page = try #require(set.pages.first { $0.file.lastPathComponent == file + ".gz" })
    let expected = try #require(set.expected[page.key])
    let text = BenchmarkScoring.normalizedSpace(ExtractionBenchmarks.leggio(page).text)
    return (text, expected)
  }

  /// Every must-have snippet of the page is found, and none of `gone`.
  static func expectKept(_ file: String, gone: [String]) throws {
    let (text, expected) = try extracted(file)
    for snippet in expected.with {
      #expect(text.contains(BenchmarkScoring.normalizedSpace(snippet)), "\(file): \(snippet)")
    }
    for snippet in gone {
      #expect(!text.contains(snippet), "\(file) kept \(snippet)")
    }
  }

  @Test func anAuthorBioLongerThanAProductRoundupIsNotTheArticle() throws {
    try Self.expectKept(
      "journelles.de.westwing.html",
      gone: ["Ich bin Jessie Weiß", "Anzeige, enthält Affiliate Links"])
  }

  @Test func aStorySplitIntoRowsKeepsTheParagraphsBesideItsPhotoCredit() throws {
    try Self.expectKept("politico.com.retirement.html", gone: ["Notice to California Residents"])
  }

  @Test func aProductsTabsUnderAMenuClassAreKeptWhenTheyHoldProse() throws {
    try Self.expectKept("ebrosia.de.zinfandel.html", gone: ["Kunden kauften auch"])
  }

  @Test func disclosureAndSignUpBoxesGo() throws {
    try Self.expectKept(
      "thepointsguy.com.alaska.html",
      gone: ["This post contains references to products from one or more"])
    try Self.expectKept(
      "together.ch.schaffhausen.html", gone: ["Abonniere unseren Newsletter"])
  }

  @Test func teasersEndingInReadMoreAfterTheArticleGo() throws {
    try Self.expectKept(
      "zamg.ac.at-Jahresbericht.html",
      gone: ["Auskunft über vergangenes", "Berechnung der erwartbaren"])
  }

  @Test func aDatelineUnderAHeadlineKeptAsAParagraphGoes() throws {
    try Self.expectKept("adac.de.kindersitze.html", gone: ["23.10.2018"])
  }

  @Test func imageDescriptionsBecomeCaptionsAndAnAuthorBoxAfterTheArticleGoes() throws {
    try Self.expectKept("sportnews.bz-peking.html", gone: ["AFP / MARCO BERTORELLO"])
    try Self.expectKept("peta.de-veterinärämter.html", gone: ["Alle Blogbeiträge zu unseren"])
  }

  @Test func advertisementLabelsInTheTextGo() throws {
    let (text, _) = try Self.extracted("motorsport-total.com-romeo.html")
    #expect(!text.contains("ANZEIGE"))
  }

  @Test func aContactFormsNoteBesideTheArticleIsNotJoinedAsProse() throws {
    try Self.expectKept(
      "von-der-see.de.design.html", gone: ["Wenn Sie uns per Kontaktformular Anfragen"])
  }

  @Test(arguments: [
    "Auskunft über vergangenes Wetter… mehr  •••", "Mehr lesen...", "Five ways to save » Read more",
    "La réforme des retraites expliquée. Lire la suite", "Leggi tutto ›", "Mehr erfahren",
  ])
  func readMoreEndingsMarkTeasers(_ line: String) {
    #expect(TeaserLine.endsInReadMore(line))
  }

  @Test(arguments: [
    "Tell me more", "Wir wollen mehr", "Die Stadt braucht nicht mehr.", "Learn more about it.",
    "Wer das Buch kennt, will mehr lesen.",
  ])
  func sentencesEndingInMoreAreNoTeasers(_ line: String) {
    #expect(!TeaserLine.endsInReadMore(line))
  }
}
