import FlyingFox
import Foundation
import LeggioTestSupport

/// A real HTTP server on 127.0.0.1 for the feeds commands: an RSS feed with an ETag (304
/// when it is sent back), an Atom feed without validators, an HTML page, a 404, and a
/// log of the conditional headers each request carried.
final class CLIFeedServer: Sendable {
  actor Log {
    private(set) var entries: [(path: String, ifNoneMatch: String?)] = []
    func append(_ path: String, _ ifNoneMatch: String?) { entries.append((path, ifNoneMatch)) }
    func requests(to path: String) -> [String?] {
      entries.filter { $0.path == path }.map(\.ifNoneMatch)
    }
  }

  static let rssETag = "\"rss-v1\""

  static let rss = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0"><channel><title>Il Giornale di Prova</title>
    <link>http://example.org/</link><description>Notizie</description>
    \((1...3).map { index in """
      <item><title>Notizia \(index): la città è più calma</title>
      <link>http://example.org/notizie/\(index).html</link>
      <guid>notizia-\(index)</guid><pubDate>Mon, 0\(index) Sep 2025 10:00:00 +0200</pubDate>
      <description>&lt;p&gt;Il testo della notizia \(index), perché si legga anche offline.&lt;/p&gt;</description></item>
      """ }.joined(separator: "\n"))
    </channel></rss>
    """

  static let atom = """
    <?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>Diario Atom</title>
    <id>urn:diario</id><updated>2025-09-02T10:00:00Z</updated>
    <link href="http://diario.example/"/>
    <entry><title>Primo giorno</title><id>urn:diario:1</id>
    <link href="http://diario.example/1"/><updated>2025-09-01T10:00:00Z</updated>
    <author><name>Anna Rossi</name></author>
    <content type="html">&lt;p&gt;Un lungo paragrafo del primo giorno, scritto con calma.&lt;/p&gt;</content></entry>
    <entry><title>Secondo giorno</title><id>urn:diario:2</id>
    <link href="http://diario.example/2"/><updated>2025-09-02T10:00:00Z</updated>
    <summary>Il riassunto del secondo giorno.</summary></entry>
    </feed>
    """

  let server: HTTPServer
  let log = Log()
  let base: URL
  private let task: Task<Void, Error>

  init() async throws {
    server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 30)
    let log = self.log
    await server.appendRoute("GET /feed.xml") { request in
      let sent = request.headers[HTTPHeader("If-None-Match")]
      await log.append("/feed.xml", sent)
      if sent == Self.rssETag { return HTTPResponse(statusCode: .notModified) }
      return HTTPResponse(
        statusCode: .ok,
        headers: [.contentType: "application/rss+xml", HTTPHeader("ETag"): Self.rssETag],
        body: Data(Self.rss.utf8))
    }
    await server.appendRoute("GET /atom.xml") { _ in
      await log.append("/atom.xml", nil)
      return HTTPResponse(
        statusCode: .ok, headers: [.contentType: "application/atom+xml"],
        body: Data(Self.atom.utf8))
    }
    await server.appendRoute("GET /page.html") { _ in
      HTTPResponse(
        statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8"],
        body: Data(
          "<html><head><title>Una pagina</title></head><body><p>Non un feed.</p></body></html>".utf8
        ))
    }
    await server.appendRoute("GET /missing.xml") { _ in HTTPResponse(statusCode: .notFound) }
    let server = self.server
    task = Task(priority: .testServer) { try await server.run() }
    try await server.waitUntilListening(timeout: 60)
    guard case .ip4(_, let port) = await server.listeningAddress else {
      throw URLError(.cannotConnectToHost)
    }
    base = URL(string: "http://127.0.0.1:\(port)")!
  }

  func url(_ path: String) -> String { base.absoluteString + path }

  func stop() async {
    await server.stop()
    task.cancel()
  }
}

extension CLIHarness {
  /// Runs leggio on a thread of its own, so that waiting for it never holds one of the
  /// few threads the in-process server needs to answer it.
  func runAsync(_ arguments: String...) async throws -> Result {
    nonisolated(unsafe) let harness = self
    return try await withCheckedThrowingContinuation { continuation in
      Thread.detachNewThread {
        continuation.resume(with: Swift.Result { try harness.run(arguments) })
      }
    }
  }
}
