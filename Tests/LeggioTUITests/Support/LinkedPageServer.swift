import FlyingFox
import Foundation
import LeggioTestSupport

/// A real HTTP server on 127.0.0.1 for the pages the TUI fetches in the background:
/// `/page/NAME` is an article page titled NAME, anything else answers 404.
final class LinkedPageServer: Sendable {
  let server: HTTPServer
  let base: URL
  private let task: Task<Void, Error>

  private init(server: HTTPServer, task: Task<Void, Error>, base: URL) {
    self.server = server
    self.task = task
    self.base = base
  }

  static func start() async throws -> LinkedPageServer {
    let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 30)
    let task = Task(priority: .testServer) { try await server.run() }
    try await server.waitUntilListening(timeout: 60)
    guard case .ip4(_, let port) = await server.listeningAddress else {
      throw URLError(.cannotConnectToHost)
    }
    await server.appendRoute("GET /page/*") { request in
      let name = request.path.split(separator: "/").last.map(String.init) ?? "page"
      let paragraphs = (1...5).map {
        "<p>Paragraph \($0) of \(name): a sentence long enough to read, with commas and facts.</p>"
      }
      let html = """
        <html><head><title>\(name)</title></head><body><article><h1>\(name)</h1>
        \(paragraphs.joined(separator: "\n"))</article></body></html>
        """
      return HTTPResponse(
        statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8"],
        body: Data(html.utf8))
    }
    return LinkedPageServer(
      server: server, task: task, base: URL(string: "http://127.0.0.1:\(port)")!)
  }

  func url(_ path: String) -> String { base.absoluteString + path }

  func stop() async {
    await server.stop()
    task.cancel()
  }
}
