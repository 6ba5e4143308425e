import FlyingFox
import Foundation
import LeggioTestSupport

/// A real HTTP server on 127.0.0.1 serving article pages, for the fetch queue's tests:
/// it counts the requests it serves at once, and a page may be made to fail or succeed.
final class PageServer: Sendable {
  actor State {
    var inFlight = 0
    var maximumInFlight = 0
    var failing: Set<String> = []

    func begin() {
      inFlight += 1
      maximumInFlight = max(maximumInFlight, inFlight)
    }
    func end() { inFlight -= 1 }
    func setFailing(_ paths: Set<String>) { failing = paths }
  }

  let server: HTTPServer
  let state = State()
  let base: URL
  private let task: Task<Void, Error>

  private init(server: HTTPServer, task: Task<Void, Error>, base: URL) {
    self.server = server
    self.task = task
    self.base = base
  }

  /// A page whose article readability can find: a title and five paragraphs.
  static func page(_ name: String) -> String {
    """
    <html><head><title>\(name)</title></head><body><nav><a href="/">Home</a></nav>
    <article><h1>\(name)</h1>
    \((1...5).map { "<p>Paragraph \($0) of \(name): a sentence long enough to read, with commas, facts and words.</p>" }.joined(separator: "\n"))
    </article><footer>Cookies</footer></body></html>
    """
  }

  /// Starts a server: `/page/NAME` is a page (after `delay` for `/slow/NAME`),
  /// `/gone/NAME` answers 404 until `setFailing` says otherwise, `/moved/NAME` redirects
  /// to `/page/NAME-moved`.
  static func start(delay: Duration = .milliseconds(700)) async throws -> PageServer {
    let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 30)
    let task = Task(priority: .testServer) { try await server.run() }
    try await server.waitUntilListening(timeout: 60)
    guard case .ip4(_, let port) = await server.listeningAddress else {
      throw URLError(.cannotConnectToHost)
    }
    let pages = PageServer(
      server: server, task: task, base: URL(string: "http://127.0.0.1:\(port)")!)
    let state = pages.state
    await server.appendRoute("GET /*") { request in
      await state.begin()
      defer { Task { await state.end() } }
      let parts = request.path.split(separator: "/").map(String.init)
      guard parts.count == 2 else { return HTTPResponse(statusCode: .notFound) }
      let (kind, name) = (parts[0], parts[1])
      switch kind {
      case "slow":
        try await Task.sleep(for: delay)
        return ok(page(name))
      case "gone" where await state.failing.contains(request.path):
        return HTTPResponse(statusCode: .notFound)
      case "moved":
        return HTTPResponse(
          statusCode: .movedPermanently, headers: [.location: "/page/\(name)-moved"])
      case "page", "gone": return ok(page(name))
      default: return HTTPResponse(statusCode: .notFound)
      }
    }
    return pages
  }

  func url(_ path: String) -> String { base.absoluteString + path }

  func stop() async {
    await server.stop()
    task.cancel()
  }

  static func ok(_ html: String) -> HTTPResponse {
    HTTPResponse(
      statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: Data(html.utf8))
  }
}
