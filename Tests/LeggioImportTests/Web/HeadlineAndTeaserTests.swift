import Foundation
import Testing

@testable import LeggioImport
@testable import LeggioModel

/// Issue 18's fourth quality round: a page's one headline as its title, links to other
/// stories shouted in capitals between the paragraphs, and a newsletter's call to sign up
/// at the article's end, each on a small page shaped like the benchmark pages they came
/// from.
@Suite struct HeadlineAndTeaserTests {
  static func title(head: String, body: String) throws -> String {
    try MetadataCascadeTests.imported(
      head: head, body: "<article>" + body + ExtractionRulesTests.paragraphs + "</article>"
    ).metadata.title
  }

  @Test func aPagesOneHeadlineIsItsTitleOverAShorterDeclaredOne() throws {
    let title = try Self.title(
      head: """
        <title>Zaubernuss im Winter | Gartenjournal</title>
        <meta property="og:title" content="Zaubernuss im Winter">
        """,
      body: "<h1>Wie pflege ich meine Zaubernuss im Winter?</h1>")
    #expect(title == "Wie pflege ich meine Zaubernuss im Winter?")
  }

  @Test func aHeadingThatNamesASectionIsNotTheTitle() throws {
    let title = try Self.title(
      head: """
        <meta property="og:title" content="Militares enviaram 88 questões ao TSE sobre eleições">
        """,
      body: "<h1>Brasília</h1>")
    #expect(title == "Militares enviaram 88 questões ao TSE sobre eleições")
  }

  @Test func aHeadlineCarryingTheSectionsNameGivesWayToTheDeclaredTitle() throws {
    let title = try Self.title(
      head: """
        <meta property="og:title" content="Brothel catering to politicians busted in Boston">
        """,
      body: "<h1>Local News | Brothel catering to politicians busted in Boston</h1>")
    #expect(title == "Brothel catering to politicians busted in Boston")
  }

  @Test func twoHeadlinesLeaveTheDeclaredTitle() throws {
    let title = try Self.title(
      head: "<title>Blockhaus Typ 3 in Ludorf</title>",
      body: "<h1>Blockhaus 3</h1><h1>Unser Newsletter</h1>")
    #expect(title == "Blockhaus Typ 3 in Ludorf")
  }

  @Test func aTestPagesPlaceholderHeadingLeavesTheTitle() throws {
    let title = try Self.title(head: "<title>Replace brs test</title>", body: "<h1>Lorem</h1>")
    #expect(title == "Replace brs test")
  }

  @Test func aLinkToAnotherStoryShoutedInCapitalsGoesFromTheText() throws {
    let body = """
      <article><h1>Home Depot cuts its outlook</h1>
      <p>Absatz eins: Der Satz erzählt, was geschah, mit Ruhe, mit Ordnung und mit genug Worten, damit er zählt.</p>
      <p><strong><a href="/markets/co-founder">CO-FOUNDER 'PROUD' OF HOME DEPOT EMPLOYEES</a></strong></p>
      <p>NASA and ESA: a sentence in capitals at first, then <a href="/x">one link</a> in it, told at length.</p>
      <p><strong>THIS PARAGRAPH SHOUTS BUT LINKS NOWHERE AT ALL</strong></p>
      <p><a href="/apps">GET FOX BUSINESS ON THE GO BY CLICKING HERE</a></p>
      \(ExtractionRulesTests.paragraphs)</article>
      """
    let article = try WebPageImporter.importHTML(
      data: ExtractionRulesTests.page(body: body), url: URL(string: "https://example.com/a"))
    let text = ExtractionRulesTests.textStream(article)
    #expect(!text.contains("CO-FOUNDER"))
    #expect(!text.contains("GET FOX BUSINESS"))
    #expect(text.contains("THIS PARAGRAPH SHOUTS BUT LINKS NOWHERE AT ALL"))
    #expect(text.contains("NASA and ESA"))
    #expect(text.contains("Absatz 6"))
  }

  @Test func aCallToSignUpForANewsletterClosingTheArticleGoes() throws {
    let body = """
      <article><h1>Why can't Taylor Swift perform her own songs?</h1>
      \(ExtractionRulesTests.paragraphs)
      <p>Newsletter und Abo: Wer den Text liest, muss nichts abonnieren, und der Absatz bleibt ein Satz des Artikels.</p>
      <p>There's plenty more where that came from. Sign up for <a href="/nl">The Water Coolest</a> today to get the free daily newsletter delivered to your inbox daily.</p>
      </article>
      """
    let article = try WebPageImporter.importHTML(
      data: ExtractionRulesTests.page(body: body), url: URL(string: "https://example.com/a"))
    let text = ExtractionRulesTests.textStream(article)
    #expect(!text.contains("plenty more"))
    #expect(text.contains("Newsletter und Abo"))
    #expect(text.contains("Absatz 6"))
    #expect(NewsletterPromo.invites("Jetzt den Newsletter abonnieren"))
    #expect(!NewsletterPromo.invites("The newsletter went out on Monday."))
  }

  @Test(arguments: [
    ("SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'", true),
    ("NASA ESA", false), ("Watch the video", false), ("蔡健雅 百度 百科 更多", false),
  ])
  func shoutingIsThreeWordsInCapitals(_ text: String, _ shouted: Bool) {
    #expect(ArticleGrabber.isShouted(text) == shouted)
  }
}
