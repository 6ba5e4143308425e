import FlyingFox
import Foundation
import LeggioTestSupport
import Testing

extension HTTPServer {
  /// Runs the server on 127.0.0.1, calls `body` with its base URL once it listens, and
  /// stops it (as the end-to-end tests' helper does).
  nonisolated func serving(_ body: (URL) async throws -> Void) async throws {
    let task = Task(priority: .testServer) { try await self.run() }
    defer { task.cancel() }
    try await self.waitUntilListening(timeout: 60)
    guard case .ip4(_, let port) = await self.listeningAddress else {
      Issue.record("the server has no IPv4 address")
      return
    }
    try await body(URL(string: "http://127.0.0.1:\(port)/")!)
    await self.stop()
  }
}
