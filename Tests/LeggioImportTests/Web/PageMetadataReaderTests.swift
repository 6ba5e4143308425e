import Foundation
import Testing

@testable import LeggioModel
@testable import LeggioImport

@Suite struct PageMetadataReaderTests {
  func read(_ head: String, body: String = "", lang: String = "") -> ArticleMetadata {
    let html = "<html\(lang)><head>\(head)</head><body>\(body)</body></html>"
    return PageMetadataReader.read(
      HTMLParser.parse(html), url: URL(string: "https://www.giornale.it/pezzo"))
  }

  @Test func jsonLDGraphGivesHeadlineAuthorsDateAndSection() {
    let jsonLD = """
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"Giornale"},
      {"@type":"NewsArticle","headline":"Il vertice di Pyongyang","author":[{"@type":"Person","name":"Anna Bianchi"},{"name":"Luca Verdi"}],
       "datePublished":"2024-06-19T08:30:00+02:00","publisher":{"@type":"Organization","name":"Il Giornale"},
       "description":"Putin e Kim firmano un patto.","articleSection":["Esteri"],"inLanguage":"it-IT"}]}
      </script><title>Altro titolo | Il Giornale</title>
      """
    let metadata = read(jsonLD)
    #expect(metadata.title == "Il vertice di Pyongyang")
    #expect(metadata.byline == "Anna Bianchi, Luca Verdi")
    // The page's own wall-clock time, its offset dropped rather than applied.
    #expect(metadata.published == ISO8601DateFormatter().date(from: "2024-06-19T08:30:00Z"))
    #expect(metadata.siteName == "Il Giornale")
    #expect(metadata.standfirst == "Putin e Kim firmano un patto.")
    #expect(metadata.kicker == "Esteri")
    #expect(metadata.language == "it-IT")
    #expect(metadata.source == "https://www.giornale.it/pezzo")
  }

  @Test func openGraphAndArticleMetaTagsFillIn() {
    let metadata = read(
      """
      <meta property="og:title" content="Il patto - Il Giornale">
      <meta property="og:site_name" content="Il Giornale">
      <meta property="og:description" content="Un sommario.">
      <meta property="article:published_time" content="2024-06-19T08:30:00Z">
      <meta property="article:section" content="Esteri">
      <meta property="article:author" content="https://www.giornale.it/autori/anna">
      <meta name="author" content="By ANNA BIANCHI">
      """)
    #expect(metadata.title == "Il patto")
    #expect(metadata.byline == "Anna Bianchi")
    #expect(metadata.kicker == "Esteri")
    #expect(metadata.standfirst == "Un sommario.")
    #expect(metadata.published == ISO8601DateFormatter().date(from: "2024-06-19T08:30:00Z"))
  }

  @Test func dublinCoreIsRead() {
    let metadata = read(
      """
      <meta name="DC.title" content="Titolo Dublin Core"><meta name="DC.creator" content="Carla Neri">
      <meta name="DC.date" content="2023-01-02">
      """)
    #expect(metadata.title == "Titolo Dublin Core")
    #expect(metadata.byline == "Carla Neri")
    #expect(metadata.published == ISO8601DateFormatter().date(from: "2023-01-02T00:00:00Z"))
  }

  @Test func visiblePageGivesTitleBylineDateAndLanguage() {
    let metadata = read(
      "<title>Il titolo vero | Giornale</title>",
      body: """
        <h1>Il titolo vero</h1><p class="byline">Di <a rel="author" href="/anna">Anna Bianchi</a></p>
        <time datetime="2024-06-19T10:00:00+02:00">19 giugno</time>
        """, lang: " lang=\"it\"")
    #expect(metadata.title == "Il titolo vero")
    #expect(metadata.byline == "Anna Bianchi")
    #expect(metadata.published == ISO8601DateFormatter().date(from: "2024-06-19T10:00:00Z"))
    #expect(metadata.language == "it")
  }

  @Test func siteNameSuffixesAreRemovedWhateverTheSeparator() {
    for title in ["Il patto — Il Giornale", "Il patto | Il Giornale", "Il Giornale - Il patto"] {
      #expect(
        TitleCleaner.clean(title, siteName: "Il Giornale", byline: nil, host: nil, headings: [])
          == "Il patto", "\(title)")
    }
    #expect(
      TitleCleaner.clean(
        "Primo piano - Il vertice | Giornale", siteName: nil, byline: nil, host: "giornale.it",
        headings: []) == "Primo piano - Il vertice")
  }

  @Test func aTitleWithoutSuffixIsKeptWhole() {
    #expect(
      TitleCleaner.clean(
        "Putin - Kim, il patto", siteName: "Giornale", byline: nil, host: nil, headings: [])
        == "Putin - Kim, il patto")
  }
}
