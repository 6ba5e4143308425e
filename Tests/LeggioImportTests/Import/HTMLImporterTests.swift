import Foundation
import Testing

@testable import LeggioImport

@Suite struct HTMLImporterTests {
  @Test func titleComesFromTheOnlyHeadingAndLeavesTheBody() throws {
    let html = """
      <!doctype html><html lang="it-CH"><head><title>Sito | Articolo</title>
      <meta name="author" content="Mario Rossi"></head>
      <body><h1>Il titolo vero</h1><p>Il testo dell'articolo.</p></body></html>
      """
    let article = HTMLImporter.importText(html, fallbackTitle: "pagina", baseURL: nil)
    #expect(article.metadata.title == "Il titolo vero")
    #expect(article.metadata.byline == "Mario Rossi")
    #expect(article.metadata.language == "it")
    #expect(article.document.blocks.map(\.plainText) == ["Il testo dell'articolo."])
  }

  @Test func withoutASingleHeadingTheTitleElementIsUsed() throws {
    let html = "<html><head><title>Note di viaggio</title></head><body><p>Uno.</p></body></html>"
    let article = try ArticleImporter.importData(Data(html.utf8), name: "x", mimeType: "text/html")
    #expect(article.metadata.title == "Note di viaggio")
  }

  @Test func htmlIsSniffedWithoutExtensionOrMimeType() throws {
    let html = "<!DOCTYPE html><html><body><h1>Ciao</h1><p>Mondo.</p></body></html>"
    let article = try ArticleImporter.importData(Data(html.utf8), name: "-")
    #expect(article.metadata.title == "Ciao")
  }

  @Test func anHTMLFileGoesThroughTheArticleExtractorAndKeepsItsPage() throws {
    let paragraphs = (1...4).map {
      "<p>Paragrafo \($0) dell'articolo, con abbastanza parole per sembrare un testo vero.</p>"
    }
    let html = """
      <html><head><meta charset="windows-1252"><title>Il vertice</title></head><body>
      <nav><ul><li><a href="/">Home</a></li><li><a href="/esteri">Esteri</a></li></ul></nav>
      <article>\(paragraphs.joined())<p><a href="seguito.html">Il seguito</a>.</p></article>
      <footer><a href="/privacy">Privacy</a> · perch\u{E9}</footer></body></html>
      """
    let bytes = Data(html.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
    let base = URL(fileURLWithPath: "/tmp/pagine/vertice.html")
    let article = try ArticleImporter.importData(bytes, name: "vertice.html", baseURL: base)
    let texts = article.document.blocks.map(\.plainText)
    #expect(texts.first?.hasPrefix("Paragrafo 1 dell'articolo") == true)
    #expect(!texts.contains { $0.contains("Home") || $0.contains("Privacy") })
    #expect(article.metadata.title == "Il vertice")
    #expect(article.metadata.source == nil)
    #expect(article.originalHTML == bytes)
    let links = article.document.blocks.flatMap(\.inlines).compactMap(\.link)
    #expect(links == ["file:///tmp/pagine/seguito.html"])
  }

  @Test func importableFilesAreRecognisedByExtension() {
    for name in [
      "a.txt", "b.TEXT", "c.md", "d.markdown", "e.mdown", "f.html", "g.htm", "h.xhtml", "i.epub",
    ] {
      #expect(ArticleImporter.isImportable(URL(fileURLWithPath: "/tmp/\(name)")), "\(name)")
    }
    for name in ["a.pdf", "b.png", "c", "d.mobi", ".md.swp"] {
      #expect(!ArticleImporter.isImportable(URL(fileURLWithPath: "/tmp/\(name)")), "\(name)")
    }
  }

  @Test func formatDetectionPrefersExtensionThenMimeTypeThenContent() {
    #expect(ImportFormat.detect(name: "a.txt", mimeType: "text/html", text: "# x") == .plainText)
    #expect(
      ImportFormat.detect(name: "a", mimeType: "text/markdown; charset=utf-8", text: "x")
        == .markdown)
    #expect(ImportFormat.detect(name: "a", mimeType: nil, text: "<html><body>x") == .html)
    #expect(ImportFormat.detect(name: "a", mimeType: nil, text: "Titolo\n\nTesto.") == .plainText)
  }
}
