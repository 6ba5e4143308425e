import Foundation
import Testing

@testable import LeggioImport
@testable import LeggioModel

/// The metadata rules added for issue 18's second quality round, each on a small page
/// shaped like the benchmark pages it came from.
@Suite struct MetadataCascadeTests {
  static func read(_ html: String, url: String? = nil) -> ArticleMetadata {
    PageMetadataReader.read(HTMLParser.parse(html), url: url.flatMap(URL.init(string:)))
  }

  static func imported(head: String = "", body: String, url: String = "https://example.de/a")
    throws -> ImportedArticle
  {
    try WebPageImporter.importHTML(
      data: ExtractionRulesTests.page(head: head, body: body), url: URL(string: url))
  }

  // MARK: Dates

  @Test func aDatelineAboveTheHeadlineGivesTheDate() throws {
    let article = try Self.imported(
      body: """
        <div id="content"><h3>21.01.2022</h3><h1>Jahresbericht 2021</h1>
        \(ExtractionRulesTests.paragraphs)</div>
        """)
    #expect(ExtractionRulesTests.day(article.metadata.published) == "2022-01-21")
  }

  @Test func aShortDatelineUnderTheHeadlineWinsOverADateInTheText() throws {
    let article = try Self.imported(
      body: """
        <div class="topline"><span>06.12.2022</span></div>
        <h1>Bürgerbeteiligung am Windpark</h1>
        <p>Die Bürger können vom 9.1. bis 10.2.2023 zeichnen und so Teil der Energiewende werden.</p>
        \(ExtractionRulesTests.paragraphs)
        """)
    #expect(ExtractionRulesTests.day(article.metadata.published) == "2022-12-06")
  }

  @Test func aDatelineByAHeadlineInASmallerHeadingGivesTheDate() throws {
    func page(title: String) throws -> ImportedArticle {
      try Self.imported(
        head: "<title>\(title)</title>",
        body: """
          <div id="content"><h2>Nachrichten aus der Forschung</h2>
          <p><em>01.11.2023 11:35</em></p><h4>Eine leichtere Batterie für Fahrräder</h4>
          \(ExtractionRulesTests.paragraphs)</div>
          """)
    }
    let matching = try page(title: "Eine leichtere Batterie für Fahrräder")
    #expect(ExtractionRulesTests.day(matching.metadata.published) == "2023-11-01")
    // A heading that is not the title is no headline: its neighbour is not the page's date.
    let other = try page(title: "Wetterdienst meldet Sturm an der Küste")
    #expect(other.metadata.published == nil)
  }

  @Test func timesOfOtherPostsAreNotThePagesDate() throws {
    let related = ["2020-12-03", "2023-01-06", "2017-09-06"].map {
      "<article><a href=\"/x\">Anderer Beitrag</a> <time datetime=\"\($0) 07:32:49\">früher</time></article>"
    }.joined()
    let article = try Self.imported(
      body: """
        <article><h1>Intendanten-Wechsel</h1>
        <p class="post-byline">von Jane · <span class="published">31. Oktober 2023</span></p>
        \(ExtractionRulesTests.paragraphs)</article><aside>\(related)</aside>
        """)
    #expect(ExtractionRulesTests.day(article.metadata.published) == "2023-10-31")
  }

  @Test func aPublishedAndAnUpdatedTimeStillGiveTheFirst() {
    let metadata = Self.read(
      """
      <html><body><h1>T</h1><time datetime="2019-03-05">5.3.</time>
      <time datetime="2019-03-07">7.3.</time></body></html>
      """)
    #expect(ExtractionRulesTests.day(metadata.published) == "2019-03-05")
  }

  @Test func aWebPagesGraphDateCountsWithoutAnArticle() {
    let metadata = Self.read(
      """
      <html><head><script type="application/ld+json">{"@graph":[
      {"@type":"WebPage","name":"About Us","datePublished":"2018-06-07T10:13:17+00:00",
       "dateModified":"2019-12-01T19:06:47+00:00"}]}</script></head><body></body></html>
      """)
    #expect(ExtractionRulesTests.day(metadata.published) == "2018-06-07")
  }

  @Test func aDayFirstDateWithDashesIsRead() {
    #expect(
      ExtractionRulesTests.day(WrittenDate.first(in: "Created 03-10-2004 2:20pm")) == "2004-10-03")
    #expect(ExtractionRulesTests.day(WrittenDate.first(in: "Tel. 030-12-2004")) == nil)
  }

  @Test func millisecondsAfterAColonStillParse() {
    #expect(
      ExtractionRulesTests.day(PublishedDate.parse("2022-01-10T22:06:08:684Z")) == "2022-01-10")
  }

  @Test func theModifiedTimeIsTheLastResort() {
    let metadata = Self.read(
      """
      <html><head><meta property="og:updated_time" content="2022-01-28T11:05:37+0100">
      </head><body><p>Kein Datum hier.</p></body></html>
      """)
    #expect(ExtractionRulesTests.day(metadata.published) == "2022-01-28")
    let published = Self.read(
      """
      <html><head><meta property="og:updated_time" content="2022-01-28T11:05:37+0100">
      <meta property="article:published_time" content="2022-01-20T09:00:00"></head></html>
      """)
    #expect(ExtractionRulesTests.day(published.published) == "2022-01-20")
  }

  // MARK: Bylines

  @Test(arguments: [
    (", par Attac France", "Attac France"), ("vom Krimiblogger", "Krimiblogger"),
    ("Text & Fotos: Ivan Valetny", "Ivan Valetny"),
    ("Jessica Holly, Gail Levy, 7 News WSVN", "Jessica Holly, Gail Levy, 7 News WSVN"),
    ("Jane Doe 05.03.2019 10:30", "Jane Doe"),
  ])
  func bylineLabelsEndingInAColonAndLeadingPunctuationGo(_ raw: String, _ name: String) {
    #expect(PageMetadataReader.cleanByline(raw) == name)
  }

  @Test func figuresAndCreditsAreNoNames() {
    #expect(!PageMetadataReader.isPlausibleName("01:30 Min"))
    #expect(!PageMetadataReader.isPlausibleName("Bild © hr"))
    #expect(PageMetadataReader.isPlausibleName("Dr. Tim Loppe"))
  }

  @Test func aDomainOrTheSitesNameIsThePublisher() {
    #expect(PageMetadataReader.namesPublisher("stern.de", siteName: nil))
    #expect(PageMetadataReader.namesPublisher("stol.it / Suedtirol Online", siteName: nil))
    #expect(PageMetadataReader.namesPublisher("buchmesse.ARD.de", siteName: nil))
    #expect(PageMetadataReader.namesPublisher("Auto Illustrierte", siteName: "Auto Illustrierte"))
    #expect(!PageMetadataReader.namesPublisher("Dr. Tim Loppe", siteName: "Naturstrom"))
    #expect(!PageMetadataReader.namesPublisher("J.R.R. Tolkien", siteName: nil))
  }

  @Test func aPublisherNamedAsAuthorYieldsToThePersonShown() {
    let metadata = Self.read(
      """
      <html><head><meta name="author" content="Auto Illustrierte">
      <meta name="DC.publisher" content="Auto Illustrierte"></head><body>
      <td class="authorbold"><b>Text &amp; Fotos:</b> Ivan Valetny </td>
      <h1>Bielersee-Winterhechte</h1></body></html>
      """)
    #expect(metadata.byline == "Ivan Valetny")
  }

  @Test func aPublisherStaysWhenThePageShowsNoOneElse() {
    let metadata = Self.read(
      """
      <html><head><meta name="author" content="katholisch.at"></head>
      <body><div class="comment-author">Leserin</div><h1>T</h1></body></html>
      """)
    #expect(metadata.byline == "katholisch.at")
  }

  @Test func severalAuthorMetaTagsAreAllKept() {
    let metadata = Self.read(
      """
      <html><head><meta name="parsely-author" content="Jessica Holly">
      <meta name="parsely-author" content="Gail Levy">
      <meta name="parsely-author" content="7 News WSVN"></head><body></body></html>
      """)
    #expect(metadata.byline == "Jessica Holly, Gail Levy, 7 News WSVN")
  }

  @Test func anAuthorNamedByReferenceCountsWhenThePageShowsTheName() {
    func page(shown: String) -> String {
      """
      <html><head><script type="application/ld+json">{"@graph":[
      {"@type":"Article","headline":"BGE","author":{"@id":"https://x.at/#/schema/person/1"}},
      {"@type":"Person","@id":"https://x.at/#/schema/person/1","name":"Harald Bauer"}]}</script>
      <meta name="author" content="Theme designed by Fuchsy"></head>
      <body><a rel="author" href="/author/hb">\(shown)</a></body></html>
      """
    }
    #expect(Self.read(page(shown: "Harald Bauer")).byline == "Harald Bauer")
    // The account that posted is not the writer the page shows.
    #expect(Self.read(page(shown: "Jessica Holly")).byline != "Harald Bauer")
  }

  @Test func aBylineLineAtTheArticlesStartIsTheByline() throws {
    let article = try Self.imported(
      body: """
        <article><h1>So lernen wir Grenzen zu setzen</h1><p><i>von Daniela Obers</i></p>
        \(ExtractionRulesTests.paragraphs)</article>
        """)
    #expect(article.metadata.byline == "Daniela Obers")
    #expect(LeadByline.name(in: "Blog Beitrag von Margarita Koreneva") == "Margarita Koreneva")
    #expect(LeadByline.name(in: "Por Agencia EFE") == "Agencia EFE")
    #expect(LeadByline.name(in: "Von Berlin nach Paris mit dem Zug") == nil)
  }

  @Test(arguments: [
    ("Escrito por Juan Pérez", "Juan Pérez"), ("Écrit par Jeanne Dupont", "Jeanne Dupont"),
    ("Auteur Jeanne Dupont", "Jeanne Dupont"), ("Pubblicato da Marco Rossi", "Marco Rossi"),
    ("Napisał Jan Kowalski", "Jan Kowalski"),
  ])
  func bylineLabelsInOtherLanguagesGo(_ raw: String, _ name: String) {
    #expect(PageMetadataReader.cleanByline(raw) == name)
  }

  @Test func aSignatureLineAtTheArticlesEndIsTheByline() throws {
    let article = try Self.imported(
      body: """
        <article><h1>Neue Regeln für den Herbst</h1>
        \(ExtractionRulesTests.paragraphs)
        <p>Autoren Jane Roe und John Doe</p></article>
        """)
    #expect(article.metadata.byline == "Jane Roe und John Doe")
  }

  @Test func aClosingSentenceIsNoSignature() throws {
    let article = try Self.imported(
      body: """
        <article><h1>Neue Regeln für den Herbst</h1>
        \(ExtractionRulesTests.paragraphs)
        <p>Von Montag an gilt die neue Regel.</p></article>
        """)
    #expect(article.metadata.byline == nil)
  }

  // MARK: Titles

  @Test func aHeadlineHoldingADashIsKeptWhole() {
    let metadata = Self.read(
      """
      <html><head><meta property="og:title" content="Sperrfristende 01. Februar - Rechtliche Hinweise zur N-Düngung">
      </head><body><h1>Sperrfristende 01. Februar - Rechtliche Hinweise zur N-Düngung</h1></body></html>
      """)
    #expect(metadata.title == "Sperrfristende 01. Februar - Rechtliche Hinweise zur N-Düngung")
  }

  @Test func aSeparatorInsideQuotesDoesNotCut() {
    let metadata = Self.read(
      "<html><head><title>Record of The Week: Luboku, ‘Pale Blue Dot / Lift Off’</title></head></html>"
    )
    #expect(metadata.title == "Record of The Week: Luboku, ‘Pale Blue Dot / Lift Off’")
  }

  @Test func aLogoHeadingIsNotTheHeadline() {
    let metadata = Self.read(
      """
      <html><head><title>Vegetarier zu sein. Bedarf oder Trend? | Ethify</title></head>
      <body><h1><a href="/">Ethify</a></h1><h1>Vegetarier zu sein. Bedarf oder Trend?</h1>
      </body></html>
      """, url: "https://ethify.org/content/vegetarier")
    #expect(metadata.title == "Vegetarier zu sein. Bedarf oder Trend?")
  }

  @Test func theSitesNameInsideTheTitleEndsTheHeadline() {
    let metadata = Self.read(
      """
      <html><head><title>Das schwulste Musikvideo : Krimiblog-Archiv | Ermittlungen zum Verfall eines Genres</title>
      </head><body></body></html>
      """, url: "http://archiv.krimiblog.de/?p=2895")
    #expect(metadata.title == "Das schwulste Musikvideo")
  }

  // MARK: Choosing the article

  @Test func aListOfSignatoriesUnderALetterIsNotTheArticle() throws {
    let letter = (1...4).map {
      "<p>Absatz \($0) des Briefes: Wir glauben an offene Debatte, an Widerspruch und an die Freiheit des Wortes, die uns allen dient.</p>"
    }.joined()
    let names = (1...60).map { "<strong>Name \($0)</strong>, Universität \($0)<br />" }.joined()
    let article = try Self.imported(
      body: """
        <div class="entry"><h1>Ein Brief über Gerechtigkeit</h1>\(letter)
        <table><tr><td>\(names)</td></tr></table></div>
        """)
    let text = ExtractionRulesTests.textStream(article)
    #expect(text.contains("Absatz 1 des Briefes"))
    #expect(text.contains("Absatz 4 des Briefes"))
    let cell = HTMLParser.parse("<table><tr><td>\(names)</td></tr></table>").elements(named: "td")[
      0]
    #expect(ArticleGrabber.isListOfLines(cell, length: cell.innerTextLength))
    let verse = HTMLParser.parse("<p>\(letter)<br>\(letter)</p>").elements(named: "p")[0]
    #expect(!ArticleGrabber.isListOfLines(verse, length: verse.innerTextLength))
  }

  @Test func aSignUpFormBesideTheArticleIsNotScoredButAPageWrappingFormIs() {
    let page = HTMLParser.parse(
      """
      <html><body><form id="aspnetForm"><main>\(ExtractionRulesTests.paragraphs)</main>
      <aside><form method="post"><p>Erhalten Sie unseren Brief, höchstens zweimal im Monat.</p></form></aside>
      </form></body></html>
      """)
    let body = page.elements(named: "body")[0]
    let forms = page.elements(named: "form")
    #expect(forms.count == 2)
    #expect(!ArticleGrabber.isFormBesideArticle(forms[0], pageLength: body.innerTextLength))
    #expect(ArticleGrabber.isFormBesideArticle(forms[1], pageLength: body.innerTextLength))
  }
}
