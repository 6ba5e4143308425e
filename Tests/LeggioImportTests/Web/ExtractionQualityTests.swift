import Foundation
import LeggioTestSupport
import Testing

@testable import LeggioImport
@testable import LeggioModel

/// The boilerplate and content rules added for issue 18's quality aim, each on a small
/// page shaped like the kind of page it came from (none of them is a benchmark page).
@Suite struct ExtractionQualityTests {
  static func text(_ html: String, url: String = "https://example.org/a/story") -> String {
    let page = ExtractionBenchmarks.Page(
      key: url, url: URL(string: url), data: Data(html.utf8), file: URL(fileURLWithPath: "/x"))
    return ExtractionBenchmarks.leggio(page).text
  }

  static let body = (1...5).map {
    "<p>Paragraph \($0) tells what happened in the town, with enough words, commas, and detail to count as the article's own prose.</p>"
  }.joined(separator: "\n")

  @Test func aLeadLiftedIntoTheTitleBlockStillCountsAsArticleText() throws {
    let lead = "The council voted on Tuesday to keep the old bridge open for another year."
    let html = """
      <html><head><meta name="description" content="\(lead)"><title>Bridge</title></head>
      <body><article><h1>Bridge</h1><p>\(lead)</p>\(Self.body)</article></body></html>
      """
    let (article, lifted) = try WebPageImporter.importHTMLLiftingLead(
      data: Data(html.utf8), url: nil)
    #expect(lifted)
    #expect(article.metadata.standfirst == lead)
    #expect(!article.document.blocks.contains { $0.plainText == lead })
    #expect(Self.text(html).hasPrefix(lead + "\n"))
  }

  @Test func aDescriptionThatIsNotInTheBodyIsNotScoredAsText() {
    let html = """
      <html><head><meta name="description" content="A summary written only for search engines and nobody else."></head>
      <body><article>\(Self.body)</article></body></html>
      """
    #expect(!Self.text(html).contains("search engines"))
  }

  static let absätze = (1...5).map {
    "<p>Absatz \($0): Der Gemeinderat hat am Dienstag entschieden, dass die alte Brücke noch ein Jahr lang offen bleibt, und die Bürger sind damit zufrieden.</p>"
  }.joined(separator: "\n")

  static func extracted(_ body: String, head: String = "") -> String {
    let html = """
      <html lang="de"><head><meta charset="utf-8"><title>Die Brücke bleibt offen</title>\(head)</head>
      <body><nav><a href="/">Start</a> <a href="/news">News</a></nav>\(body)
      <footer><p>© Verlag, Impressum, Datenschutz, Kontakt.</p></footer></body></html>
      """
    return ReadabilityExtractor().extract(html: html, url: URL(string: "https://example.de/a"))
      .text
  }

  @Test func breadcrumbsDatelinesAndLabelsAboveTheArticleGo() {
    let text = Self.extracted(
      """
      <div class="content"><p><a href="/">Startseite</a> <a href="/lokales">Lokales</a></p>
      <p>23.10.2018 11:38</p><p>Kategorie: Lokales</p>\(Self.absätze)</div>
      """)
    #expect(text.hasPrefix("Absatz 1"), "\(text.prefix(80))")
    #expect(text.contains("Absatz 5"))
  }

  @Test func aShortLineInsideTheArticleAndAVerseAtItsTopStay() {
    let text = Self.extracted(
      """
      <div class="content"><p>Über allen Gipfeln ist Ruh</p>\(Self.absätze)
      <p>Ort: Rathaus</p><p>Absatz 6: Und danach geht der Text noch weiter, mit einem letzten ruhigen Satz über die Brücke.</p></div>
      """)
    #expect(text.hasPrefix("Über allen Gipfeln"))
    #expect(text.contains("Ort: Rathaus"))
  }

  @Test func aClosingHeadingOverAGalleryOrLinksGoesAndSourcesStay() {
    let gallery = """
      <div class="content">\(Self.absätze)<h3>Bilder des Treffens</h3>
      <div><img src="/1.jpg" alt=""></div><div><img src="/2.jpg" alt=""></div></div>
      """
    #expect(!Self.extracted(gallery).contains("Bilder des Treffens"))
    let related = """
      <div class="content">\(Self.absätze)<p><a href="/b">Brückenbau im Nachbarort dauert länger</a></p>
      <p><a href="/c">Bürgerversammlung am Freitag</a></p></div>
      """
    #expect(!Self.extracted(related).contains("Nachbarort"))
    let sources = """
      <div class="content">\(Self.absätze)<h3>Quellen</h3>
      <p><a href="https://example.org/gutachten">https://example.org/gutachten</a></p></div>
      """
    #expect(Self.extracted(sources).contains("https://example.org/gutachten"))
  }

  @Test func aPHPWarningPrintedIntoThePageGoes() {
    let text = Self.extracted(
      """
      <div class="content">\(Self.absätze)<p><b>Warning</b>: Creating default object from empty value in /www/htdocs/wp-includes/classes.php on line 407</p>
      <p>Absatz 6: Und danach geht der Text noch weiter, mit einem letzten ruhigen Satz über die Brücke.</p></div>
      """)
    #expect(!text.contains("classes.php"))
    #expect(text.contains("Absatz 6"))
  }

  @Test func aProductsDetailsAfterTheTextStay() {
    let text = Self.extracted(
      """
      <div class="content">\(Self.absätze)<p>Stückpreis: 36,00 EUR</p><p>Lieferzeit: 15 - 21 Tage</p></div>
      """)
    #expect(text.contains("Stückpreis: 36,00 EUR"))
  }

  @Test func authorBiosAndNewsletterBoxesInsideTheArticleGo() {
    let text = Self.extracted(
      """
      <div class="content">\(Self.absätze)
      <div class="about-author"><h4>Zur Person</h4><p>Anna Muster schreibt seit 2015 über Brücken, Straßen und Gemeinderäte, am liebsten über die, die niemand mehr braucht.</p></div>
      <section class="signup-box"><p>Abonniere unseren Newsletter und erfahre alles Wissenswerte.</p></section>
      <p>Absatz 6: Und danach geht der Text noch weiter, mit einem letzten ruhigen Satz über die Brücke.</p></div>
      """)
    #expect(!text.contains("Anna Muster"))
    #expect(!text.contains("Newsletter"))
    #expect(text.contains("Absatz 6"))
  }

  @Test func aTeaserJustBeforeTheArticleIsItsLead() {
    let text = Self.extracted(
      """
      <div class="intro"><h1>Die Brücke bleibt offen</h1><div class="date">25. Januar 2022</div>
      <div class="teaser-text"><p>Der Gemeinderat stimmt für die alte Brücke: Sie bleibt noch ein Jahr lang offen.</p></div></div>
      <div class="main"><div class="content">\(Self.absätze)</div></div>
      """)
    #expect(text.hasPrefix("Der Gemeinderat stimmt"), "\(text.prefix(80))")
    #expect(text.contains("Absatz 5"))
  }

  @Test func aBlockWhoseClassReadsAsFurnitureButHoldsTheHeadlineIsTheArticle() {
    let text = Self.extracted(
      """
      <div class="above-footer"><div class="post"><h1>Die Brücke bleibt offen</h1>
      <div class="article-body">\(Self.absätze)\(Self.absätze)</div></div></div>
      """)
    #expect(text.contains("Absatz 1"))
    #expect(text.contains("Absatz 5"))
  }

  @Test func stopWordsTellTheLanguageAndProseFromAKeywordRow() {
    let german =
      "Der Rat hat entschieden, dass die Brücke offen bleibt, und das ist für die Stadt gut, weil sie in der Mitte liegt und von allen genutzt wird."
    #expect(StopWords.detect(german)?.words.contains("und") == true)
    #expect(StopWords.detect("Lorem ipsum dolor sit amet, consectetur adipisicing elit") == nil)
    let french = StopWords.detect(
      "Le conseil a décidé que le pont reste ouvert pour une année de plus, et les habitants sont contents de la décision qui a été prise dans la mairie."
    )
    #expect(french?.words.contains("le") == true)
    let row = StopWords.german.density(
      "Brücke, Gemeinderat, Haushalt, Verkehr, Stadtplanung, Bürger")
    #expect(row.density < 0.1 && row.words == 6)
    #expect(StopWords.german.density(german).density > 0.3)
  }

  @Test func aNewsroomNamedRedaktionKeepsTheWordButARedaktionLabelGoes() {
    #expect(PageMetadataReader.cleanByline("Redaktion Polizeiticker") == "Redaktion Polizeiticker")
    #expect(PageMetadataReader.cleanByline("Redaktion: Anna Muster") == "Anna Muster")
    #expect(PageMetadataReader.cleanByline("Von Anna Muster") == "Anna Muster")
  }

  @Test func aLinkedSentenceClosingTheArticleStays() {
    let text = Self.extracted(
      """
      <div class="content">\(Self.absätze)<p>Siehe <a href="/b">den Bericht von gestern</a>.</p></div>
      """)
    #expect(text.contains("den Bericht von gestern"))
  }
}
