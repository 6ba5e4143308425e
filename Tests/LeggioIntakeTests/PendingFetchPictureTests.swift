import FlyingFox
import Foundation
import LeggioImport
import LeggioIntake
import LeggioStore
import LeggioTestSupport
import Testing

/// A page saved with only its address (an export, a link saved from the reader) keeps its
/// pictures when it is fetched, as `leggio add` keeps them: each picture fetched, checked
/// and kept once; each one skipped named in the result's warnings.
@Suite struct PendingFetchPictureTests {
  static let page = """
    <html lang="en"><head><title>The harbour</title></head><body><article><h1>The harbour</h1>
    \((1...4).map { "<p>Paragraph \($0) about the harbour, long enough to be read as the article's own text.</p>" }.joined())
    <figure><img src="/boats.png" alt="The boats"><figcaption>The boats © Port Authority</figcaption></figure>
    <figure><img src="/gone.png" alt="Gone"><figcaption>A lost one</figcaption></figure>
    <p>The last paragraph about the harbour, which ends the article with a full stop.</p>
    </article></body></html>
    """

  /// Imports the page's address as pending, fetches it with `pictures`, and returns the
  /// library, the fetch's result and the server's base address.
  func fetch(pictures: ImageCollector?) async throws -> (Library, PendingFetcher.Result, String) {
    let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 30)
    await server.appendRoute("GET /harbour.html") { _ in
      HTTPResponse(
        statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8"],
        body: Data(Self.page.utf8))
    }
    let boats = TestPictures.png(width: 200, height: 120)
    await server.appendRoute("GET /boats.png") { _ in
      HTTPResponse(statusCode: .ok, headers: [.contentType: "image/png"], body: boats)
    }
    await server.appendRoute("GET /gone.png") { _ in HTTPResponse(statusCode: .notFound) }
    let task = Task(priority: .testServer) { try await server.run() }
    defer { task.cancel() }
    try await server.waitUntilListening(timeout: 60)
    guard case .ip4(_, let port) = await server.listeningAddress else {
      throw URLError(.cannotConnectToHost)
    }
    let base = "http://127.0.0.1:\(port)/"
    let library = try Library.inMemory()
    let csv = "URL,Title,Selection,Folder\n\(base)harbour.html,The harbour,,Unread\n"
    _ = try IntakeFixtures.importText(csv, name: "instapaper.csv", into: library)
    let fetcher = PendingFetcher(
      library: library, fetcher: PageFetcher(timeout: 60), pictures: pictures)
    let results = await fetcher.fetch(try library.pendingFetches())
    await server.stop()
    return (library, try #require(results.first), base)
  }

  @Test func aFetchedPageKeepsItsPictureAndNamesTheOneSkipped() async throws {
    let (library, result, base) = try await fetch(pictures: ImageCollector(timeout: 60))
    #expect(result.error == nil)
    #expect(
      result.warnings == ["picture skipped: \(base)gone.png: the server answered HTTP 404"])
    let id = try #require(try library.entries(ArticleQuery()).first?.summary.id)
    let images = try library.images(ofArticle: id)
    #expect(Array(images.keys) == [base + "boats.png"])
    #expect(images.values.first?.info.width == 200)
  }

  @Test func withoutACollectorNoPictureIsKept() async throws {
    let (library, result, _) = try await fetch(pictures: nil)
    #expect(result.error == nil && result.warnings.isEmpty)
    #expect(try library.imageTotals().count == 0)
  }
}
