import Foundation
import Testing

@testable import LeggioImport

@Suite struct ReadabilityExtractorTests {
  /// A news page: chrome around an article of several paragraphs.
  static func page(article: String, extra: String = "", head: String = "") -> String {
    """
    <html lang="it"><head><title>Il titolo - Giornale</title>\(head)</head><body>
    <header class="site-header"><nav><a href="/">Home</a> <a href="/esteri">Esteri</a></nav></header>
    <div class="sidebar"><ul><li><a href="/a">Articolo uno</a></li><li><a href="/b">Due</a></li></ul></div>
    \(article)
    \(extra)
    <div class="comments"><p>Primo commento, molto lungo, pieno di opinioni, virgole, e parole inutili.</p></div>
    <footer><p>© Giornale, tutti i diritti riservati, partita IVA, contatti, privacy.</p></footer>
    </body></html>
    """
  }

  static let paragraphs = (1...6).map {
    "<p>Paragrafo \($0): la frase racconta i fatti, con calma, con ordine, e con abbastanza parole per contare come testo vero di un articolo di giornale.</p>"
  }.joined(separator: "\n")

  let extractor = ReadabilityExtractor()

  @Test func chromeAroundTheArticleIsDropped() {
    let html = Self.page(
      article: "<article><div class=\"story\">\(Self.paragraphs)</div></article>")
    let text = extractor.extract(html: html, url: nil).text
    #expect(text.contains("Paragrafo 1:"))
    #expect(text.contains("Paragrafo 6:"))
    for chrome in ["Home", "Articolo uno", "commento", "diritti riservati"] {
      #expect(!text.contains(chrome), "kept \(chrome)")
    }
  }

  @Test func hiddenNodesAreDropped() {
    let hidden = """
      <article>\(Self.paragraphs)
      <p style="display: none">Segreto nascosto con display none, abbastanza lungo da contare.</p>
      <p hidden>Segreto con l'attributo hidden, abbastanza lungo da contare davvero.</p>
      <div aria-hidden="true"><p>Segreto aria-hidden, abbastanza lungo da contare come testo.</p></div>
      </article>
      """
    let text = extractor.extract(html: Self.page(article: hidden), url: nil).text
    #expect(!text.contains("Segreto"))
    #expect(text.contains("Paragrafo 3:"))
  }

  @Test func shareBarsAndFormsInsideTheArticleAreDropped() {
    let article = """
      <article><div class="share-buttons"><a href="https://x.com/share">Condividi</a></div>
      \(Self.paragraphs)
      <form action="/newsletter"><input type="email"><button>Iscriviti</button></form></article>
      """
    let text = extractor.extract(html: Self.page(article: article), url: nil).text
    #expect(!text.contains("Condividi"))
    #expect(!text.contains("Iscriviti"))
  }

  @Test func headingsQuotesListsTablesAndCodeAreKept() {
    let article = """
      <article>\(Self.paragraphs)<h2>Un sottotitolo</h2>
      <blockquote><p>Una citazione, tra virgolette, lunga abbastanza da leggere.</p></blockquote>
      <ul><li>primo punto dell'elenco</li><li>secondo punto dell'elenco</li></ul>
      <table><thead><tr><th>Anno</th><th>Voti</th></tr></thead><tbody><tr><td>2024</td><td>51%</td></tr></tbody></table>
      <pre><code>let x = 1</code></pre></article>
      """
    let content = extractor.extract(html: Self.page(article: article), url: nil).content
    #expect(content.firstElement(named: "h2")?.innerText == "Un sottotitolo")
    #expect(content.firstElement(named: "blockquote") != nil)
    #expect(content.elements(named: "li").count == 2)
    #expect(content.firstElement(named: "table")?.innerText.contains("51%") == true)
    #expect(content.firstElement(named: "pre")?.innerText == "let x = 1")
  }

  @Test func lazyImagesGetTheirRealSourceAndAlt() {
    let article = """
      <article>\(Self.paragraphs)
      <figure><img class="lazyload" src="data:image/gif;base64,R0lGOD" data-src="/img/foto.jpg" alt="Il ponte">
      <figcaption>Il ponte all'alba. <span class="credit">Foto Rossi</span></figcaption></figure>
      <figure><img src="placeholder.gif" alt=""><noscript><img src="/img/vero.png" alt="La piazza"></noscript></figure>
      </article>
      """
    let content = extractor.extract(
      html: Self.page(article: article), url: URL(string: "https://giornale.it/esteri/pezzo.html")
    ).content
    let images = content.elements(named: "img")
    #expect(
      images.map { $0.attribute("src") } == [
        "https://giornale.it/img/foto.jpg", "https://giornale.it/img/vero.png",
      ])
    #expect(images.map { $0.attribute("alt") } == ["Il ponte", "La piazza"])
    #expect(content.firstElement(named: "figcaption")?.innerText.contains("Foto Rossi") == true)
  }

  @Test func relativeLinksResolveAgainstTheBaseElement() {
    let article =
      "<article>\(Self.paragraphs)<p>Vedi <a href=\"altro.html\">l'altro pezzo</a> e <a href=\"/radice\">la radice</a>.</p></article>"
    let html = Self.page(
      article: article, head: "<base href=\"https://cdn.giornale.it/archivio/\">")
    let links = extractor.extract(html: html, url: URL(string: "https://giornale.it/x/y.html"))
      .content.elements(named: "a").compactMap { $0.attribute("href") }
    #expect(
      links == ["https://cdn.giornale.it/archivio/altro.html", "https://cdn.giornale.it/radice"])
  }

  @Test func relativeLinksResolveAgainstThePageURLWithoutABase() {
    let article =
      "<article>\(Self.paragraphs)<p>Vedi <a href=\"../altro.html\">l'altro</a>.</p></article>"
    let links = extractor.extract(
      html: Self.page(article: article), url: URL(string: "https://giornale.it/x/y/z.html")
    ).content.elements(named: "a").compactMap { $0.attribute("href") }
    #expect(links == ["https://giornale.it/x/altro.html"])
  }

  @Test func bylineInThePageIsFoundAndLeavesTheText() {
    let article = "<article><p class=\"byline\">di Maria Rossi</p>\(Self.paragraphs)</article>"
    let extracted = extractor.extract(html: Self.page(article: article), url: nil)
    #expect(extracted.metadata.byline == "Maria Rossi")
    #expect(!extracted.text.contains("Maria Rossi"))
  }

  @Test func aShortPageKeepsItsTextWithAWarning() {
    let html =
      "<html><body><div class=\"login\"><p>Accedi per leggere l'articolo.</p></div></body></html>"
    let extracted = extractor.extract(html: html, url: nil)
    #expect(extracted.text.contains("Accedi per leggere"))
    #expect(extracted.warnings.count == 1)
  }

  @Test func paragraphsSplitByDoubleBreaksAreScored() {
    let lines = (1...6).map {
      "Riga \($0), con parole, virgole e abbastanza testo da essere un paragrafo vero e proprio."
    }
    let html =
      "<html><body><div id=\"testo\">\(lines.joined(separator: "<br><br>"))</div></body></html>"
    let content = extractor.extract(html: html, url: nil).content
    #expect(content.elements(named: "p").count == 6)
  }

  @Test func articleBodyMarkupWinsOverALongerUnmarkedBlock() {
    let reader = (1...4).map {
      "<p>Lettore \($0): un commento lungo, con opinioni, virgole, ripetizioni, e tanto testo senza fine.</p>"
    }.joined()
    let html = """
      <html><body><div id="x1">\(reader)</div>
      <div itemprop="articleBody">\(Self.paragraphs)</div></body></html>
      """
    let text = extractor.extract(html: html, url: nil).text
    #expect(text.contains("Paragrafo 1:"))
    #expect(!text.contains("Lettore"))
  }

  @Test func anIndexPageOfLinksWarnsThatItIsNoArticle() {
    let links = (1...40).map { "<li><a href=\"/p\($0)\">Titolo del pezzo numero \($0)</a></li>" }
    let html = "<html><body><ul class=\"list\">\(links.joined())</ul></body></html>"
    let extracted = extractor.extract(html: html, url: nil)
    #expect(!extracted.warnings.isEmpty)
  }
}
