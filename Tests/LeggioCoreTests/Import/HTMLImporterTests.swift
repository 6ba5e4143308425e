import Foundation
import Testing

@testable import LeggioCore

@Suite struct HTMLImporterTests {
  @Test func titleComesFromTheOnlyHeadingAndLeavesTheBody() throws {
    let html = """
      <!doctype html><html lang="it-CH"><head><title>Sito | Articolo</title>
      <meta name="author" content="Mario Rossi"></head>
      <body><h1>Il titolo vero</h1><p>Il testo dell'articolo.</p></body></html>
      """
    let article = try ArticleImporter.importData(Data(html.utf8), name: "pagina.html")
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

  @Test func importableFilesAreRecognisedByExtension() {
    for name in ["a.txt", "b.TEXT", "c.md", "d.markdown", "e.mdown", "f.html", "g.htm", "h.xhtml"] {
      #expect(ArticleImporter.isImportable(URL(fileURLWithPath: "/tmp/\(name)")), "\(name)")
    }
    for name in ["a.pdf", "b.png", "c", "d.epub", ".md.swp"] {
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
