import FlyingFox
import Foundation
import LeggioStore
import LeggioTestSupport
import Testing

/// `leggio add URL` keeps the page's pictures in the library (read offline from then on),
/// names each one it skips on stderr and still saves the article; `--no-images` keeps
/// none; `leggio remove` frees the pictures no other article shows.
@Suite struct CLIPictureTests {
  static let page = """
    <html lang="en"><head><meta charset="utf-8"><title>The summit - Daily</title></head><body>
    <article><h1>The summit</h1>
    \((1...4).map { "<p>Paragraph \($0) of the report, with enough words in it to be read as the article's text.</p>" }.joined())
    <figure><img src="/photo.png" alt="The two leaders"><figcaption>The two leaders © AP Photo/Pool</figcaption></figure>
    <p>More of the report, after the photograph, with its own words and commas, to be kept.</p>
    <figure><img src="/gone.png" alt="A lost picture"><figcaption>A lost picture</figcaption></figure>
    <figure><img src="/bomb.png" alt="A bomb"><figcaption>A bomb</figcaption></figure>
    <p>The last paragraph of the report, which ends here, with a full stop at its end.</p>
    </article></body></html>
    """

  func withServer(_ body: (URL) async throws -> Void) async throws {
    let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0))
    await server.appendRoute("GET /story.html") { _ in
      HTTPResponse(
        statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8"],
        body: Data(Self.page.utf8))
    }
    let photo = TestPictures.png(width: 160, height: 100)
    await server.appendRoute("GET /photo.png") { _ in
      HTTPResponse(statusCode: .ok, headers: [.contentType: "image/png"], body: photo)
    }
    await server.appendRoute("GET /gone.png") { _ in HTTPResponse(statusCode: .notFound) }
    await server.appendRoute("GET /bomb.png") { _ in
      HTTPResponse(
        statusCode: .ok, headers: [.contentType: "image/png"], body: TestPictures.bombPNG())
    }
    try await server.serving(body)
  }

  @Test func aPageIsAddedWithItsPictureAndEachSkippedOneIsNamed() async throws {
    let cli = try CLIHarness()
    var added: CLIHarness.Result?
    var url = ""
    try await withServer { base in
      url = base.appendingPathComponent("story.html").absoluteString
      added = try await cli.runAsync(["add", url, "--timeout", "60"])
    }
    let result = try #require(added)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdoutLines.first?.hasPrefix("added 1  The summit") == true)
    let base = String(url.dropLast("story.html".count))
    #expect(
      result.stderrLines == [
        "leggio: \(url): warning: picture skipped: \(base)gone.png: the server answered HTTP 404",
        "leggio: \(url): warning: picture skipped: \(base)bomb.png: 100000x100000 pixels, too many to decode safely",
      ])
    // The server is gone: the picture is in the library.
    let library = try Library(path: cli.libraryPath)
    let images = try library.images(ofArticle: 1)
    #expect(Array(images.keys) == [base + "photo.png"])
    #expect(images.values.first?.info.width == 160)
    // Removing the article frees it.
    try cli.run("remove", "1")
    #expect(try Library(path: cli.libraryPath).imageTotals().count == 0)
  }

  @Test func noImagesKeepsNone() async throws {
    let cli = try CLIHarness()
    var added: CLIHarness.Result?
    try await withServer { base in
      added = try await cli.runAsync(
        [
          "add", base.appendingPathComponent("story.html").absoluteString, "--no-images",
          "--timeout", "60",
        ])
    }
    let result = try #require(added)
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty, "\(result.stderr)")
    #expect(try Library(path: cli.libraryPath).imageTotals().count == 0)
  }
}
