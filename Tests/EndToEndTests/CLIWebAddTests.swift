import FlyingFox
import Foundation
import Testing

/// `leggio add URL...` against a real HTTP server on 127.0.0.1: pages are fetched,
/// extracted and stored with their original HTML, failures are one line per URL, and the
/// stored article is shown after the server has gone.
@Suite struct CLIWebAddTests {
  static let page = """
    <html lang="it"><head><meta charset="utf-8"><title>Il vertice di Vladivostok - Giornale</title>
    <meta property="og:site_name" content="Giornale"></head><body>
    <nav><a href="/">Home</a> <a href="/esteri">Esteri</a></nav><article><h1>Il vertice di Vladivostok</h1>
    \((1...5).map { "<p>Paragrafo \($0): perché la città è là, con parole, virgole e fatti da leggere con calma.</p>" }.joined())
    </article><footer>Pubblicità e cookie</footer></body></html>
    """

  /// Serves `/article.html`, a 404 at `/missing` and a PDF at `/paper.pdf` while `body` runs.
  func withServer(_ body: (URL) async throws -> Void) async throws {
    let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0))
    await server.appendRoute("GET /article.html") { _ in
      HTTPResponse(
        statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8"],
        body: Data(Self.page.utf8))
    }
    await server.appendRoute("GET /missing") { _ in HTTPResponse(statusCode: .notFound) }
    await server.appendRoute("GET /paper.pdf") { _ in
      HTTPResponse(
        statusCode: .ok, headers: [.contentType: "application/pdf"],
        body: Data("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj\n".utf8))
    }
    try await server.serving(body)
  }

  @Test func aBatchOfURLsStoresTheGoodPageAndNamesEachFailureOnItsOwnLine() async throws {
    let cli = try CLIHarness()
    try cli.run("add", CLIHarness.referenceArticle)
    var urls: [String] = []
    var result: CLIHarness.Result?
    // Given a server with a page, a 404 and a PDF
    try await withServer { base in
      urls = ["article.html", "missing", "paper.pdf"].map {
        base.appendingPathComponent($0).absoluteString
      }
      // When the three URLs are added in one batch
      result = try await cli.runAsync(["add"] + urls + ["--timeout", "60"])
    }
    let added = try #require(result)
    // Then the page is stored, each failure is one line naming its URL, the status says so
    #expect(added.status != 0)
    #expect(added.stdoutLines.first?.hasPrefix("added 2  Il vertice di Vladivostok") == true)
    #expect(added.stdoutLines.last == "1 added, 0 updated, 0 unchanged, 2 failed")
    #expect(added.stderrLines.count == 2, "\(added.stderr)")
    #expect(added.stderrLines.first == "leggio: \(urls[1]): answered HTTP 404 (Not Found)")
    #expect(added.stderrLines.last?.hasPrefix("leggio: \(urls[2]): is a PDF document") == true)
    let listed = try cli.listJSON("--sort", "added")
    #expect(listed.count == 2)
    let stored = try #require(listed.first { $0["id"] as? Int == 2 })
    #expect(stored["source"] as? String == urls[0])
    #expect(stored["siteName"] as? String == "Giornale")

    // When the server has stopped, the article is still there to read
    let shown = try cli.run("show", "2")
    #expect(shown.status == 0, "\(shown.stderr)")
    #expect(shown.stdout.contains("Paragrafo 5: perché la città è là"))
    #expect(!shown.stdout.contains("Pubblicità") && !shown.stdout.contains("Esteri"))
    let page = try cli.run("show", "2", "--width", "50", "--height", "10", "--page", "1")
    #expect(page.status == 0, "\(page.stderr)")
    #expect(page.stdoutLines.last?.hasPrefix("page 1/") == true)
    let original = try cli.run("show", "2", "--format", "original")
    #expect(original.stdout == Self.page)
    let written = try cli.run("show", "2", "--format", "html")
    #expect(written.stdout.hasPrefix("<!DOCTYPE html>\n<html"), "\(written.stdout)")
    #expect(written.stdout.contains("<p>Paragrafo 5: perché la città è là"))
    #expect(!written.stdout.contains("Pubblicità"))
    let notAPage = try cli.run("show", "1", "--format", "original")
    #expect(notAPage.status != 0)
    #expect(
      notAPage.stderrLines == ["leggio: 1 did not come from a web page; there is no original HTML"])
    // And adding the same URL again while offline fails without touching the library
    let before = try cli.snapshot()
    let offline = try cli.run("add", urls[0], "--timeout", "2")
    #expect(offline.status != 0)
    #expect(offline.stderrLines.count == 1, "\(offline.stderr)")
    #expect(offline.stderrLines.first?.contains(urls[0]) == true)
    #expect(try cli.snapshot() == before)
  }

  @Test func aSavedHTMLFileLosesItsMenusAndKeepsItsPath() throws {
    let cli = try CLIHarness()
    let path = try cli.write("salvata/vertice.html", Self.page)
    let result = try cli.run("add", path)
    #expect(result.status == 0, "\(result.stderr)")
    let stored = try #require(try cli.listJSON().first)
    #expect(stored["source"] as? String == path)
    #expect(stored["title"] as? String == "Il vertice di Vladivostok")
    let shown = try cli.run("show", "1")
    #expect(shown.stdout.contains("Paragrafo 1: perché"))
    #expect(!shown.stdout.contains("Esteri"))
  }
}
