import FlyingFox
import Foundation
import LeggioStore
import Testing

/// `leggio fetch` killed with SIGKILL halfway through resumes where it was: the queue is
/// in the library, and an article leaves it only with its text stored.
@Suite struct CLIFetchKillTests {
  static func page(_ n: String) -> String {
    """
    <html><head><title>Page \(n)</title></head><body><article><h1>Page \(n)</h1>
    \((1...4).map { "<p>Paragraph \($0) of page \(n), long enough to be the article, with several words.</p>" }.joined())
    </article></body></html>
    """
  }

  @Test func aFetchKilledHalfwayResumesAndLosesNothing() async throws {
    let cli = try CLIHarness()
    let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 30)
    await server.appendRoute("GET /p/*") { request in
      try await Task.sleep(for: .milliseconds(60))
      let name = request.path.split(separator: "/").last.map(String.init) ?? ""
      return HTTPResponse(
        statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8"],
        body: Data(Self.page(name).utf8))
    }
    try await server.serving { base in
      // Given 80 pending articles from a Pocket export
      let rows = (1...80).map { "Saved \($0),\(base.absoluteString)p/\($0),1600000000,,unread" }
      let file = try cli.write(
        "pocket.csv", "title,url,time_added,tags,status\n" + rows.joined(separator: "\n"))
      let imported = try await cli.runAsync(["import", file])
      #expect(imported.stdoutLines.first?.contains("80 pending a fetch") == true)

      // When `leggio fetch` is killed after its tenth page
      let process = cli.process(["fetch", "--per-host", "1"])
      let output = Pipe()
      process.standardOutput = output
      process.standardError = FileHandle.nullDevice
      try process.run()
      let seen = await withCheckedContinuation { continuation in
        DispatchQueue.global().async {
          var buffer = Data()
          var lines = 0
          while lines < 10 {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer += chunk
            lines = buffer.split(separator: UInt8(ascii: "\n")).count
          }
          kill(process.processIdentifier, SIGKILL)
          process.waitUntilExit()
          continuation.resume(returning: lines)
        }
      }
      #expect(process.terminationReason == .uncaughtSignal)

      // Then the fetched ones have their text and the rest are still pending
      let library = try Library(path: cli.libraryPath, deviceID: "test")
      let waiting = try library.count(ArticleQuery(pendingOnly: true))
      #expect(waiting <= 80 - seen)
      #expect(waiting > 0, "the fetch finished before it was killed; the test proved nothing")
      #expect(try library.integrityProblems() == [])
      for entry in try library.entries(ArticleQuery()) where !entry.summary.isPending {
        #expect(try library.article(id: entry.summary.id)?.document.blocks.count ?? 0 >= 4)
      }

      // When it is run again, it fetches exactly what was left
      let resumed = try await cli.runAsync(["fetch"])
      #expect(resumed.status == 0, "\(resumed.stderr)")
      #expect(resumed.stdoutLines.last == "\(waiting) fetched, 0 failed")
      #expect(try library.count(ArticleQuery(pendingOnly: true)) == 0)
      #expect(try library.count(ArticleQuery()) == 80)
      #expect(try library.integrityProblems() == [])
    }
  }
}
