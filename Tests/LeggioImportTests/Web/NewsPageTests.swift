import Foundation
import Testing

@testable import LeggioImport

/// A page shaped like an Italian news site (none of the corpus pages): kicker, headline,
/// standfirst, byline, a credited photo, a share bar, an inline "read also" box, a
/// newsletter box, related articles and comments around the body.
@Suite struct NewsPageTests {
  static let html = """
    <!doctype html><html lang="it"><head><meta charset="utf-8">
    <title>Putin e Kim firmano il patto di difesa reciproca | Corriere del Terminale</title>
    <meta property="og:site_name" content="Corriere del Terminale">
    <meta property="article:section" content="Esteri">
    <meta name="description" content="Il presidente russo a Pyongyang per la prima volta in 24 anni.">
    <script>window.dataLayer = [];</script></head>
    <body><div id="cookie-banner" role="dialog"><p>Usiamo i cookie per migliorare il sito.</p></div>
    <header class="masthead"><a href="/">Corriere del Terminale</a><nav class="menu">
    <a href="/politica">Politica</a><a href="/esteri">Esteri</a><a href="/economia">Economia</a></nav></header>
    <main><div class="article-wrapper">
    <span class="kicker">Relazioni strategiche</span>
    <h1 class="headline">Putin e Kim firmano il patto di difesa reciproca</h1>
    <p class="standfirst">Il presidente russo a Pyongyang per la prima volta in 24 anni.</p>
    <div class="byline">di <a href="/autori/marco-rossi">Marco Rossi</a></div>
    <div class="social-share"><a href="#">Facebook</a><a href="#">X</a><a href="#">WhatsApp</a></div>
    <div class="article-body">
    <figure><img src="/foto/vertice.jpg" alt="Putin e Kim a Pyongyang">
    <figcaption>L'incontro al palazzo di Kumsusan <span class="credit">(Foto Ansa)</span></figcaption></figure>
    <p>Vladimir Putin e Kim Jong-un hanno firmato mercoledì a Pyongyang un accordo di partenariato strategico che prevede l'assistenza reciproca in caso di aggressione, secondo quanto riferito dalle agenzie di stampa dei due Paesi.</p>
    <p>Il leader nordcoreano ha definito l'intesa «la più forte mai stipulata» tra i due Stati, mentre il presidente russo ha parlato di un documento «davvero rivoluzionario», che apre una fase nuova nelle relazioni bilaterali.</p>
    <aside class="leggi-anche"><h3>Leggi anche</h3><ul><li><a href="/esteri/seul">Seul convoca l'ambasciatore</a></li></ul></aside>
    <p>La visita, la prima in ventiquattro anni, arriva mentre Washington e Seul accusano Pyongyang di fornire munizioni e missili a Mosca per la guerra in Ucraina, accuse che entrambi i governi respingono.</p>
    <h2>Le reazioni</h2>
    <p>A Tokyo il governo ha espresso «seria preoccupazione», e a Seul il consiglio di sicurezza nazionale si è riunito d'urgenza per valutare le conseguenze dell'accordo sulla penisola.</p>
    <blockquote><p>«Non resteremo a guardare», ha detto un portavoce del ministero degli Esteri sudcoreano.</p></blockquote>
    </div>
    <div class="newsletter-box"><p>Iscriviti alla newsletter Esteri: ogni mattina le notizie dal mondo.</p>
    <form><input type="email"><button>Iscriviti</button></form></div>
    </div></main>
    <section class="related-articles"><h2>Potrebbe interessarti</h2>
    <article><a href="/a">Il vertice di Vladivostok, cinque anni fa, con molte parole e una lunga storia</a></article>
    <article><a href="/b">Le sanzioni contro Pyongyang, spiegate bene, con tutte le cifre in una tabella</a></article></section>
    <div id="comments"><p>Mario: che notizia, davvero, chi l'avrebbe detto, incredibile, non ci credo.</p></div>
    <footer><p>© 2024 Corriere del Terminale, P.IVA 01234567890, tutti i diritti riservati.</p></footer>
    </body></html>
    """

  let extracted = ReadabilityExtractor().extract(
    html: html, url: URL(string: "https://www.corriere-terminale.it/esteri/putin-kim"))

  @Test func theBodyIsKeptWithItsHeadingQuoteAndCreditedFigure() {
    let text = extracted.text
    for kept in [
      "Vladimir Putin e Kim Jong-un", "«la più forte mai stipulata»", "Le reazioni",
      "Non resteremo a guardare", "L'incontro al palazzo di Kumsusan (Foto Ansa)",
    ] {
      #expect(text.contains(kept), "lost \(kept)")
    }
    #expect(
      extracted.content.firstElement(named: "img")?.attribute("src")
        == "https://www.corriere-terminale.it/foto/vertice.jpg")
  }

  @Test func theChromeAroundAndInsideTheBodyIsDropped() {
    let text = extracted.text
    for chrome in [
      "cookie", "Politica", "Facebook", "Leggi anche", "Iscriviti", "Potrebbe interessarti",
      "Mario:", "diritti riservati",
    ] {
      #expect(!text.contains(chrome), "kept \(chrome)")
    }
  }

  @Test func theMetadataComesFromTheTagsAndThePage() {
    let metadata = extracted.metadata
    #expect(metadata.title == "Putin e Kim firmano il patto di difesa reciproca")
    #expect(metadata.siteName == "Corriere del Terminale")
    #expect(metadata.byline == "Marco Rossi")
    #expect(metadata.kicker == "Esteri")
    #expect(metadata.standfirst == "Il presidente russo a Pyongyang per la prima volta in 24 anni.")
    #expect(metadata.language == "it")
  }

  @Test func theStandfirstIsMetadataNotTheDocumentsFirstParagraph() throws {
    let article = try WebPageImporter.importHTML(data: Data(Self.html.utf8), url: nil)
    #expect(article.metadata.standfirst?.hasPrefix("Il presidente russo") == true)
    #expect(!article.document.blocks.contains { $0.plainText.hasPrefix("Il presidente russo") })
    #expect(article.document.blocks.contains { $0.plainText.hasPrefix("Vladimir Putin") })
  }
}
