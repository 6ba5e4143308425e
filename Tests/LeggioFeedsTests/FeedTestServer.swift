import FlyingFox
import Foundation
import LeggioTestSupport

/// A real HTTP server on 127.0.0.1 for the fetch and update tests, with a log of the
/// requests it received and the most requests it ever served at once.
final class FeedTestServer: Sendable {
  actor Log {
    private(set) var requests: [(path: String, headers: [String: String])] = []
    private(set) var inFlight = 0
    private(set) var maximumInFlight = 0

    func begin(_ request: HTTPRequest) {
      var headers: [String: String] = [:]
      for (name, value) in request.headers { headers[name.rawValue.lowercased()] = value }
      requests.append((request.path, headers))
      inFlight += 1
      maximumInFlight = max(maximumInFlight, inFlight)
    }

    func end() { inFlight -= 1 }

    func headers(of path: String) -> [[String: String]] {
      requests.filter { $0.path == path }.map(\.headers)
    }
  }

  let server: HTTPServer
  let requests: Log
  private let task: Task<Void, Error>
  let base: URL

  private init(server: HTTPServer, requests: Log, task: Task<Void, Error>, base: URL) {
    self.server = server
    self.requests = requests
    self.task = task
    self.base = base
  }

  /// Starts a server whose routes map a path to a handler.
  static func start(
    _ routes: [String: @Sendable (HTTPRequest) async throws -> HTTPResponse]
  ) async throws -> FeedTestServer {
    let server = HTTPServer(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0), timeout: 30)
    let log = Log()
    for (path, handler) in routes {
      await server.appendRoute(HTTPRoute(stringLiteral: "GET \(path)")) { request in
        await log.begin(request)
        defer { Task { await log.end() } }
        return try await handler(request)
      }
    }
    let task = Task(priority: .testServer) { try await server.run() }
    try await server.waitUntilListening(timeout: 60)
    guard case .ip4(_, let port) = await server.listeningAddress else {
      throw URLError(.cannotConnectToHost)
    }
    return FeedTestServer(
      server: server, requests: log, task: task, base: URL(string: "http://127.0.0.1:\(port)")!)
  }

  func url(_ path: String) -> URL { base.appendingPathComponent(path) }

  func stop() async {
    await server.stop()
    task.cancel()
  }

  static func ok(_ body: String, type: String = "application/rss+xml", headers: HTTPHeaders = [:])
    -> HTTPResponse
  {
    var all = headers
    all[.contentType] = type
    return HTTPResponse(statusCode: .ok, headers: all, body: Data(body.utf8))
  }
}
