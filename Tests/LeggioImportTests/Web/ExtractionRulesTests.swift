import Foundation
import Testing

@testable import LeggioImport
@testable import LeggioModel

/// The extraction rules that issue 18 added, each on a small page shaped like the
/// benchmark pages it came from.
@Suite struct ExtractionRulesTests {
  static let paragraphs = (1...6).map {
    "<p>Absatz \($0): Der Satz erzählt, was geschah, mit Ruhe, mit Ordnung und mit genug Worten, damit er als echter Text eines Artikels zählt.</p>"
  }.joined(separator: "\n")

  /// The canonical text Leggio keeps of `page(body:)`.
  static func text(body: String) throws -> String {
    CanonicalText(
      try WebPageImporter.importHTML(
        data: page(body: body), url: URL(string: "https://example.de/a")
      ).document
    ).text
  }

  static func page(head: String = "", body: String) -> Data {
    Data(
      """
      <html lang="de"><head><meta charset="utf-8">\(head)</head><body>
      <nav><a href="/">Start</a> <a href="/news">News</a></nav>
      \(body)
      <footer><p>© Verlag, alle Rechte vorbehalten, Impressum, Datenschutz, Kontakt.</p></footer>
      </body></html>
      """.utf8)
  }

  static func day(_ date: Date?) -> String? {
    guard let date else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
  }

  static func textStream(_ article: ImportedArticle) -> String {
    article.document.blocks.filter {
      if case .image = $0.kind { return false }
      return true
    }.map(\.plainText).joined(separator: "\n")
  }

  // MARK: Dates

  @Test(arguments: [
    "Veröffentlicht am 5. März 2019", "March 5th, 2019", "Posted on Mar 5, 2019", "5 mars 2019",
    "mardi 5 mars 2019, 12:00", "5 marzo 2019", "5 de marzo de 2019", "5 marca 2019 r.",
    "05.03.2019", "2019-03-05", "am 5.3.2019 um 10 Uhr",
  ])
  func writtenDatesAreReadInTheirLanguage(_ text: String) {
    #expect(Self.day(WrittenDate.first(in: text)) == "2019-03-05", "\(text)")
  }

  @Test func anOffsetTimeKeepsThePagesOwnCalendarDay() {
    #expect(Self.day(PublishedDate.parse("2019-03-05T00:30:00+01:00")) == "2019-03-05")
    #expect(Self.day(PublishedDate.parse("2019-03-05T23:30:00-05:00")) == "2019-03-05")
    #expect(Self.day(PublishedDate.parse("Tue, 05 Mar 2019 23:30:00 -0500")) == "2019-03-05")
  }

  @Test func aDateInTheAddressIsTakenWhenThePageDeclaresNone() throws {
    let article = try WebPageImporter.importHTML(
      data: Self.page(body: "<article><h1>Titel</h1>\(Self.paragraphs)</article>"),
      url: URL(string: "https://blog.example.de/2016/02/28/uberspace-und-lets-encrypt/"))
    #expect(Self.day(article.metadata.published) == "2016-02-28")
  }

  @Test func aDatelineUnderTheHeadlineGivesTheDate() throws {
    let body = """
      <article><h1>Das vermutlich schwulste Musikvideo</h1>
      <div class="postmeta">Veröffentlicht am: 6. August 2009 · Kategorie: Musik</div>
      \(Self.paragraphs)</article>
      """
    let article = try WebPageImporter.importHTML(
      data: Self.page(body: body), url: URL(string: "http://archiv.example.de/?p=2895"))
    #expect(Self.day(article.metadata.published) == "2009-08-06")
  }

  // MARK: Bylines

  @Test(arguments: [
    ("Von: Max Mustermann", "Max Mustermann"), ("Autor: Max Mustermann", "Max Mustermann"),
    ("Autorin: Erika Muster", "Erika Muster"), ("By JANE DOE", "Jane Doe"),
    ("Posted on March 5, 2019 by Jane Doe", "Jane Doe"),
    ("Veröffentlicht vonChris Jung", "Chris Jung"), ("Jane Doe | 05.03.2019", "Jane Doe"),
    ("Jane Doe, 5. März 2019", "Jane Doe"), ("Rob Picheta, CNN", "Rob Picheta"),
    ("Williams Perdomo @wperdomod", "Williams Perdomo"), ("Pierre &amp; Marie", "Pierre & Marie"),
  ])
  func bylineLabelsAndDatesAreDropped(_ raw: String, _ name: String) {
    #expect(PageMetadataReader.cleanByline(raw) == name)
  }

  @Test func severalAuthorsAreAllKept() {
    let html = """
      <html><head><script type="application/ld+json">
      {"@type": "NewsArticle", "headline": "Streit ums Feuerholz",
       "author": [{"@type": "Person", "name": "Roland Brockmann"},
                  {"@type": "Person", "name": "Sebastian Drescher"}]}
      </script></head><body></body></html>
      """
    let metadata = PageMetadataReader.read(HTMLParser.parse(html), url: nil)
    #expect(metadata.byline == "Roland Brockmann, Sebastian Drescher")
  }

  @Test func aCommentFormsNameLabelIsNoByline() {
    let html = """
      <html><body><article><p>Text.</p></article>
      <div class="comment-author"><label>Name *</label></div>
      <span class="author">Daniel</span></body></html>
      """
    #expect(PageMetadataReader.read(HTMLParser.parse(html), url: nil).byline == "Daniel")
  }

  // MARK: Titles

  @Test func entitiesInTheTitleAreDecoded() {
    let html = """
      <html><head><script type="application/ld+json">
      {"@type": "Article", "headline": "Minions malen &#8211; mit Malerrolle &amp; Farbe"}
      </script></head><body></body></html>
      """
    let metadata = PageMetadataReader.read(HTMLParser.parse(html), url: nil)
    #expect(metadata.title == "Minions malen – mit Malerrolle & Farbe")
  }

  @Test func aSiteNameAfterASpacedColonIsDropped() {
    let html = """
      <html><head><title>Items We Never Knew We Wanted : The Perspective</title>
      <meta property="og:site_name" content="The Perspective"></head><body></body></html>
      """
    #expect(
      PageMetadataReader.read(HTMLParser.parse(html), url: nil).title
        == "Items We Never Knew We Wanted")
  }

  @Test func aSectionNameBeforeTheHeadlineIsDropped() {
    let html = """
      <html><head><title>News - Elder: Aus dem Ghetto nach Augusta</title></head>
      <body><h1>Elder: Aus dem Ghetto nach Augusta</h1></body></html>
      """
    #expect(
      PageMetadataReader.read(HTMLParser.parse(html), url: nil).title
        == "Elder: Aus dem Ghetto nach Augusta")
  }

  @Test func aHeadlineEndingInLowerCaseWordsKeepsThem() {
    let html = """
      <html><head><title>Luftfahrtbranche hebt nach Corona ab - und FACC profitiert</title>
      </head><body></body></html>
      """
    #expect(
      PageMetadataReader.read(HTMLParser.parse(html), url: nil).title
        == "Luftfahrtbranche hebt nach Corona ab - und FACC profitiert")
  }

  @Test func aPageWithoutTitleNeverTakesItsFileName() throws {
    let withHeading = try WebPageImporter.importHTML(
      data: Self.page(body: "<article><h2>Die Überschrift</h2>\(Self.paragraphs)</article>"),
      url: URL(fileURLWithPath: "/tmp/tmpa8f3k2.html"))
    #expect(withHeading.metadata.title == "Die Überschrift")
    let without = try WebPageImporter.importHTML(
      data: Self.page(body: "<article>\(Self.paragraphs)</article>"),
      url: URL(fileURLWithPath: "/tmp/tmpa8f3k2.html"))
    #expect(without.metadata.title == "Untitled page")
  }

  // MARK: Content

  @Test func aCaptionBesideAnImageBecomesTheImagesCaption() throws {
    let body = """
      <article>\(Self.paragraphs)
      <div class="wp-caption"><img src="/bild.jpg" alt="">
      <p class="wp-caption-text">Der Hafen am Morgen. Foto: Jahr Media</p></div>
      <p>Schluss: noch ein Absatz, mit Kommas, mit Inhalt, mit genug Worten für einen Absatz.</p>
      </article>
      """
    let article = try WebPageImporter.importHTML(
      data: Self.page(body: body), url: URL(string: "https://example.de/a"))
    let images = article.document.blocks.filter {
      if case .image = $0.kind { return true }
      return false
    }
    #expect(images.count == 1)
    #expect(images.first?.plainText == "Der Hafen am Morgen.")
    #expect(images.first.map { $0.kind == .image(credit: "Foto: Jahr Media") } == true)
    #expect(!Self.textStream(article).contains("Hafen am Morgen"))
    #expect(Self.textStream(article).contains("Schluss:"))
  }

  @Test func aCreditWithNoImageBesideItIsDropped() throws {
    let body = """
      <article>\(Self.paragraphs)<span class="photo-credit">AFP / MARCO BERTORELLO</span></article>
      """
    let article = try WebPageImporter.importHTML(
      data: Self.page(body: body), url: URL(string: "https://example.de/a"))
    #expect(!CanonicalText(article.document).text.contains("BERTORELLO"))
    #expect(CanonicalText(article.document).text.contains("Absatz 6"))
  }

  @Test func aRelatedArticlesHeadingGoesWithItsLinks() throws {
    let body = """
      <article>\(Self.paragraphs)
      <h3>Auch interessant</h3>
      <ul><li><a href="/x">Ein anderer Artikel über etwas</a></li>
      <li><a href="/y">Noch ein Artikel über anderes</a></li></ul>
      <h3>Weitere Tourentipps</h3><div><a href="/z">Wandern im Harz, drei Tage lang</a></div>
      </article>
      """
    let text = try Self.text(body: body)
    #expect(text.contains("Absatz 6"))
    for furniture in ["Auch interessant", "anderer Artikel", "Tourentipps", "Harz"] {
      #expect(!text.contains(furniture), "kept \(furniture)")
    }
  }

  @Test func labelLinesAreDropped() throws {
    let body = """
      <article>\(Self.paragraphs)<p>Kategorie: News</p><p>Tags: Boot, Tulln</p>
      <p>Keine Kommentare</p></article>
      """
    let text = try Self.text(body: body)
    #expect(text.contains("Absatz 6"))
    for label in ["Kategorie", "Tags:", "Kommentare"] {
      #expect(!text.contains(label), "kept \(label)")
    }
  }

  @Test func aDatelineSetAsAListAboveTheArticleIsDropped() throws {
    let body = """
      <article><header><h1>Neue Regeln für den Herbst</h1></header>
      <ul><li>18 Nov 2019, 19:09</li><li>Updated: 18 Nov 2019, 19:11</li></ul>
      \(Self.paragraphs)
      <ul><li>Erstens: die Regel gilt ab Montag</li><li>Zweitens: sie gilt für alle</li></ul>
      \(Self.paragraphs)</article>
      """
    let text = try Self.text(body: body)
    #expect(!text.contains("Updated"))
    #expect(text.contains("Absatz 1"))
    #expect(text.contains("Zweitens"), "a list between the paragraphs stays")
  }

  @Test func anAdvertSlotsLabelBetweenParagraphsIsDropped() throws {
    let body = """
      <article>\(Self.paragraphs)<p>Story continues below advertisement</p>
      \(Self.paragraphs)</article>
      """
    let text = try Self.text(body: body)
    #expect(text.contains("Absatz 6"))
    #expect(!text.contains("continues below"))
  }

  static func jsonLD(body: String) -> String {
    let object: [String: Any] = [
      "@context": "https://schema.org", "@type": "Article", "headline": "Tischdecke nähen",
      "articleBody": body,
    ]
    let data = try! JSONSerialization.data(withJSONObject: object)
    return "<script type=\"application/ld+json\">\(String(decoding: data, as: UTF8.self))</script>"
  }

  static let declaredLines = (1...6).map {
    "Schritt \($0): Du misst den Tisch aus, schneidest den Stoff zu und nähst den Saum, mit Ruhe und mit genug Worten, damit es zählt."
  }

  @Test func aDeclaredArticleBodyStandsInForAPageThatShowsLittle() throws {
    let body = """
      <div id="app"><h1>Tischdecke nähen</h1><p>Eine Anleitung in sieben Schritten.</p></div>
      """
    let article = try WebPageImporter.importHTML(
      data: Self.page(
        head: Self.jsonLD(body: Self.declaredLines.joined(separator: "\n")), body: body),
      url: URL(string: "https://example.de/a"))
    let text = Self.textStream(article)
    #expect(text.contains("Schritt 1:"))
    #expect(text.contains("Schritt 6:"))
    #expect(article.document.blocks.filter { $0.plainText.hasPrefix("Schritt") }.count == 6)
  }

  @Test(arguments: [2, 6])
  func aDeclaredBodyNoLongerThanTheVisibleArticleNeverReplacesIt(lines: Int) throws {
    let body = "<article><h1>Tischdecke nähen</h1>\(Self.paragraphs)</article>"
    let declared = Self.declaredLines.prefix(lines).joined(separator: "\n")
    let article = try WebPageImporter.importHTML(
      data: Self.page(head: Self.jsonLD(body: declared), body: body),
      url: URL(string: "https://example.de/a"))
    let text = Self.textStream(article)
    #expect(text.contains("Absatz 6"))
    #expect(!text.contains("Schritt 1:"))
  }

  @Test func anArticleAfterAStrayUnclosedNoscriptIsFound() throws {
    // A tracking pixel's <noscript> left open: the parser puts the rest of the body in it.
    let html = """
      <html><head><title>Seite</title></head><body>
      <noscript><img src="/pixel.gif?id=1" width="1" height="1" alt="">
      <article><h1>Seite</h1>\(Self.paragraphs)</article></body></html>
      """
    let root = HTMLParser.parse(html)
    #expect(root.firstElement(named: "noscript")?.firstElement(named: "article") != nil)
    let article = try WebPageImporter.importHTML(
      data: Data(html.utf8), url: URL(string: "https://example.de/a"))
    #expect(CanonicalText(article.document).text.contains("Absatz 6"))
  }

  @Test func anArticleInsideNoscriptIsFound() throws {
    let html = """
      <html><head><title>Seite</title></head><body><div id="app"></div>
      <noscript><article>\(Self.paragraphs)</article></noscript>
      <noscript>Bitte aktivieren Sie JavaScript.</noscript></body></html>
      """
    let article = try WebPageImporter.importHTML(
      data: Data(html.utf8), url: URL(string: "https://example.de/a"))
    let text = CanonicalText(article.document).text
    #expect(text.contains("Absatz 6"))
    #expect(!text.contains("JavaScript"))
  }
}
