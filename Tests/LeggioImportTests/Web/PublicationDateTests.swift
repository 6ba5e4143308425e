import Foundation
import Testing

@testable import LeggioImport
@testable import LeggioModel

/// How a page's publication day is chosen among what it declares and what it shows
/// (`PublicationDateChoice`, `VisibleDate`, `WrittenDate`), each rule on a small page.
@Suite struct PublicationDateTests {
  static func day(_ html: String, url: String = "https://example.org/news/a") -> String? {
    ExtractionRulesTests.day(
      PageMetadataReader.read(HTMLParser.parse(html), url: URL(string: url)).published)
  }

  static func page(head: String = "", body: String) -> String {
    "<html><head><title>Ein Tag am See</title>\(head)</head><body>\(body)</body></html>"
  }

  // MARK: Declarations weighed against the page

  @Test func declarationsThatDisagreeAreSettledByTheDateline() {
    let head = """
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Ein Tag am See",
      "datePublished":"2022-01-04T07:29:00.000Z"}</script>
      <meta property="article:published_time" content="2022-01-06T08:29:34">
      """
    let shown = Self.page(head: head, body: "<h1>Ein Tag am See</h1><div>06.01.2022</div>")
    #expect(Self.day(shown) == "2022-01-06")
    // Without a dateline to settle it, the first declaration stands.
    #expect(Self.day(Self.page(head: head, body: "<h1>Ein Tag am See</h1>")) == "2022-01-04")
  }

  @Test func aDisagreementIsNotSettledByAnotherPostsDate() {
    // The time element and the marked date both belong to a related post in the sidebar.
    let html = Self.page(
      head: """
        <meta property="article:published_time" content="2020-08-14T21:30:04-07:00">
        """,
      body: """
        <h1>Ein Tag am See</h1>\(ExtractionRulesTests.paragraphs)
        <div class="related"><span class="date">12.10.2020</span>
        <time datetime="2020-10-12T09:35:53-07:00">Oktober</time></div>
        """)
    #expect(Self.day(html) == "2020-08-14")
  }

  @Test func aUTCTimeKeepsThePagesOwnDayWhenTheDatelineShowsIt() {
    let html = Self.page(
      head: """
        <meta property="article:published_time" content="2022-05-04T00:25:56.152Z">
        """,
      body: "<h1>Ein Tag am See</h1><p class=\"when\">3 de mayo de 2022 21:25</p>")
    #expect(Self.day(html) == "2022-05-03")
  }

  @Test func aUTCTimeAtNoonIsNotMovedToAnotherDay() {
    // No time zone puts 12:53 UTC on the day before: the other day shown is not this one.
    let html = Self.page(
      head: """
        <meta property="article:published_time" content="2020-02-18T12:53:40+00:00">
        """,
      body: "<h1>Ein Tag am See</h1><p>17.02.2020</p>")
    #expect(Self.day(html) == "2020-02-18")
  }

  @Test func aLocalTimeIsNeverMovedByTheDateline() {
    let html = Self.page(
      head: """
        <meta property="article:published_time" content="2022-05-03T22:46:08-03:00">
        """,
      body: "<h1>Ein Tag am See</h1><p>04.05.2022</p>")
    #expect(Self.day(html) == "2022-05-03")
  }

  @Test func aBareDateMetaYieldsToTheDatelineUnderTheHeadline() {
    let head = #"<meta name="date" content="2021-12-20T11:02:44+01:00">"#
    let shown = Self.page(
      head: head, body: "<h1>Ein Tag am See</h1><span class=\"date\">27.01.2022</span>")
    #expect(Self.day(shown) == "2022-01-27")
    // Named as the publication, the declaration stands.
    let published = Self.page(
      head: #"<meta property="article:published_time" content="2021-12-20T11:02:44+01:00">"#,
      body: "<h1>Ein Tag am See</h1><span class=\"date\">27.01.2022</span>")
    #expect(Self.day(published) == "2021-12-20")
  }

  // MARK: Dates the page shows

  @Test func aTwoDigitYearInADatelineIsRead() {
    let html = Self.page(
      body: "<h1>Ein Tag am See</h1><div class=\"uploaded-date\">23.09.22</div><p>Text.</p>")
    #expect(Self.day(html) == "2022-09-23")
  }

  @Test func aTwoDigitYearInRunningTextIsNotADate() {
    #expect(WrittenDate.first(in: "Version 1.10.22 ist da") == nil)
    #expect(WrittenDate.firstWithShortYear(in: "Version 1.10.22.4 ist da") == nil)
    #expect(WrittenDate.firstWithShortYear(in: "Stand 1.2.3") == nil)
    #expect(WrittenDate.firstWithShortYear(in: "Version 2.01.19") == nil)
    #expect(
      ExtractionRulesTests.day(WrittenDate.firstWithShortYear(in: "23.09.98")) == "1998-09-23")
  }

  @Test func aDateSeparatedByBarsIsRead() {
    #expect(ExtractionRulesTests.day(WrittenDate.first(in: "26 | 01 | 2022 ")) == "2022-01-26")
    let html = Self.page(
      body: """
        <h2>Anderes</h2><div class="subline"><table><tr><td>26 | 01 | 2022</td>
        <td>Schweiz | Praxis</td></tr></table></div><p>Text.</p>
        """)
    #expect(Self.day(html) == "2022-01-26")
  }

  @Test func aForumsClockIsNotThePostsDate() {
    let html = Self.page(
      body: """
        <h2 class="topic-title">Ein Tag am See</h2>
        <dl><dd><strong>Registriert:</strong> 18.09.2008, 05:56</dd></dl>
        <p class="author">Beitrag von r23 » 21.01.2009, 05:42</p>
        <div class="content">Ein Beitrag, der viel erzählt.</div>
        <p class="time">Aktuelle Zeit: 14.10.2020, 12:18</p>
        """)
    #expect(Self.day(html) == "2009-01-21")
  }

  @Test func aDatelineFiveLinesAboveTheHeadlineCounts() {
    let html = Self.page(
      body: """
        <div class="boxHeader"><span>14. Februar 2012</span><a href="/print">Drucken</a></div>
        <span>© 2012 APA/AP</span><span class="category">Politik</span>
        <h1>Ein Tag am See</h1><p>Ein Absatz ohne ein Datum.</p>
        """)
    #expect(Self.day(html) == "2012-02-14")
  }
}
