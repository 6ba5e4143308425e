import FlyingFox
import Foundation
import Testing

@testable import LeggioModel
@testable import LeggioImport

/// A real HTTP server on 127.0.0.1 serving pages, redirects, errors, slow answers,
/// wrong charsets and non-HTML content; the fetcher and importer go through it.
@Suite struct WebFetchTests {
  static let article = """
    <html><head><title>Il vertice - Giornale</title>
    <meta property="og:site_name" content="Giornale"></head><body>
    <nav><a href="/">Home</a></nav><article>
    \((1...5).map { "<p>Paragrafo \($0): perché la città è là, con parole, virgole e fatti da leggere con calma.</p>" }.joined())
    <p><a href="seguito.html">Il seguito</a> dell'articolo, con altre parole da leggere.</p>
    </article></body></html>
    """

  /// Starts a server with the test routes and runs `body` with its base URL.
  func withServer(_ body: (URL) async throws -> Void) async throws {
    let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0))
    let html = Data(Self.article.utf8)
    let latin1 = Data(Self.article.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
    await server.appendRoute("GET /article.html") { _ in
      Self.respond(statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: html)
    }
    await server.appendRoute("GET /latin1-no-charset.html") { _ in
      Self.respond(statusCode: .ok, headers: [.contentType: "text/html"], body: latin1)
    }
    await server.appendRoute("GET /latin1-wrong-header.html") { _ in
      // Declared UTF-8 but sent as Latin-1: the header wins, bad bytes become U+FFFD.
      Self.respond(
        statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: latin1)
    }
    await server.appendRoute("GET /gzip.html") { _ in
      Self.respond(
        statusCode: .ok, headers: [.contentType: "text/html", .contentEncoding: "gzip"],
        body: try Self.gzip(html))
    }
    await server.appendRoute("GET /moved") { _ in
      Self.respond(statusCode: .movedPermanently, headers: [.location: "/hop"])
    }
    await server.appendRoute("GET /hop") { _ in
      Self.respond(statusCode: .found, headers: [.location: "/article.html"])
    }
    await server.appendRoute("GET /loop-a") { _ in
      Self.respond(statusCode: .found, headers: [.location: "/loop-b"])
    }
    await server.appendRoute("GET /loop-b") { _ in
      Self.respond(statusCode: .found, headers: [.location: "/loop-a"])
    }
    await server.appendRoute("GET /chain/*") { request in
      let step = Int(request.path.split(separator: "/").last ?? "") ?? 0
      return Self.respond(statusCode: .found, headers: [.location: "/chain/\(step + 1)"])
    }
    await server.appendRoute("GET /to-ftp") { _ in
      Self.respond(statusCode: .found, headers: [.location: "ftp://127.0.0.1/article.html"])
    }
    await server.appendRoute("GET /unannounced-size") { _ in
      // Chunked, with no Content-Length: the limit must hold while the body streams in.
      var response = Self.respond(
        statusCode: .ok, headers: [.contentType: "text/html"],
        body: Data(repeating: 0x61, count: 300_000))
      response.headers[.transferEncoding] = "chunked"
      response.headers[.contentLength] = nil
      return response
    }
    await server.appendRoute("GET /missing") { _ in Self.respond(statusCode: .notFound) }
    await server.appendRoute("GET /broken") { _ in Self.respond(statusCode: .internalServerError) }
    await server.appendRoute("GET /slow") { _ in
      // Longer than any wait a test allows, so a fetch that ended never saw the answer.
      try await Task.sleep(for: .seconds(150))
      return Self.respond(statusCode: .ok, headers: [.contentType: "text/html"], body: html)
    }
    await server.appendRoute("GET /paper.pdf") { _ in
      Self.respond(
        statusCode: .ok, headers: [.contentType: "application/pdf"], body: Data("%PDF-1.7\n".utf8))
    }
    await server.appendRoute("GET /mislabelled") { _ in
      Self.respond(
        statusCode: .ok, headers: [.contentType: "text/html"],
        body: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]))
    }
    await server.appendRoute("GET /login") { _ in
      Self.respond(
        statusCode: .ok, headers: [.contentType: "text/html"],
        body: Data(
          "<html><body><form><p>Accedi per continuare a leggere.</p><input name=u></form></body></html>"
            .utf8))
    }
    await server.appendRoute("GET /user-agent") { request in
      Self.respond(
        statusCode: .ok, headers: [.contentType: "text/plain"],
        body: Data((request.headers[.init("User-Agent")] ?? "none").utf8))
    }
    try await server.serving(body)
  }

  static func respond(
    statusCode: HTTPStatusCode, headers: HTTPHeaders = [:], body: Data = Data()
  ) -> HTTPResponse {
    HTTPResponse(statusCode: statusCode, headers: headers, body: body)
  }

  static func gzip(_ data: Data) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
    process.arguments = ["-c"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(data)
    try input.fileHandleForWriting.close()
    let compressed = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return compressed
  }

  /// Generous, so a loaded machine running tests in parallel never times out a fast
  /// answer; only the slow-server test uses a short one.
  let fetcher = PageFetcher(timeout: 60)

  func fetchError(_ url: URL, timeout: TimeInterval? = nil) async -> FetchError? {
    do {
      _ = try await (timeout.map { PageFetcher(timeout: $0) } ?? fetcher).fetch(url)
      return nil
    } catch {
      return error as? FetchError
    }
  }

  @Test func aPageIsFetchedImportedAndReadableOfflineAfterTheServerStops() async throws {
    var saved: ImportedArticle?
    try await withServer { base in
      let page = try await fetcher.fetch(base.appendingPathComponent("article.html"))
      saved = try WebPageImporter.importHTML(
        data: page.data, url: page.finalURL, contentType: page.contentType)
    }
    let article = try #require(saved)
    #expect(article.metadata.title == "Il vertice")
    #expect(article.metadata.siteName == "Giornale")
    #expect(
      article.document.blocks.first?.plainText.hasPrefix("Paragrafo 1: perché la città è là")
        == true)
    #expect(article.originalHTML == Data(Self.article.utf8))
    let links = article.document.blocks.flatMap(\.inlines).compactMap(\.link)
    #expect(links.allSatisfy { $0.hasPrefix("http://127.0.0.1:") && $0.hasSuffix("/seguito.html") })
  }

  @Test func redirectsAreFollowedToTheFinalURL() async throws {
    try await withServer { base in
      let page = try await fetcher.fetch(base.appendingPathComponent("moved"))
      #expect(page.finalURL.path == "/article.html")
      #expect(String(decoding: page.data, as: UTF8.self).contains("Paragrafo 3"))
    }
  }

  @Test func aRedirectLoopIsAClearError() async throws {
    try await withServer { base in
      let url = base.appendingPathComponent("loop-a")
      let error = await fetchError(url)
      #expect(error == .redirectLoop(url))
      #expect(error?.localizedDescription.contains("redirects in a loop") == true)
    }
  }

  @Test func aLongRedirectChainStopsAtTheLimit() async throws {
    try await withServer { base in
      let url = base.appendingPathComponent("chain/0")
      let error = try await #require(throws: FetchError.self) {
        _ = try await PageFetcher(timeout: 60, maximumRedirects: 3).fetch(url)
      }
      #expect(error == .tooManyRedirects(url, limit: 3))
    }
  }

  @Test func aPageOverTheSizeLimitIsRefused() async throws {
    try await withServer { base in
      let url = base.appendingPathComponent("article.html")
      let error = try await #require(throws: FetchError.self) {
        _ = try await PageFetcher(timeout: 60, maximumBytes: 100).fetch(url)
      }
      #expect(error == .tooLarge(url, limit: 100))
    }
  }

  @Test func httpErrorsNameTheStatusAndTheURL() async throws {
    try await withServer { base in
      let missing = base.appendingPathComponent("missing")
      #expect(await fetchError(missing) == .httpStatus(missing, code: 404))
      let broken = base.appendingPathComponent("broken")
      let error = await fetchError(broken)
      #expect(error == .httpStatus(broken, code: 500))
      #expect(
        error?.localizedDescription
          == "\(broken.absoluteString) answered HTTP 500 (Internal Server Error)")
    }
  }

  @Test func aRedirectToAnotherSchemeIsRefused() async throws {
    try await withServer { base in
      let error = await fetchError(base.appendingPathComponent("to-ftp"))
      #expect(error == .unsupportedScheme(URL(string: "ftp://127.0.0.1/article.html")!))
    }
  }

  @Test func aBodyWithoutALengthIsCutAtTheLimitAsItArrives() async throws {
    try await withServer { base in
      let url = base.appendingPathComponent("unannounced-size")
      let error = try await #require(throws: FetchError.self) {
        _ = try await PageFetcher(timeout: 60, maximumBytes: 100_000).fetch(url)
      }
      #expect(error == .tooLarge(url, limit: 100_000))
    }
  }

  @Test func cancellingAFetchStopsItWithoutWaitingForTheServer() async throws {
    try await withServer { base in
      let url = base.appendingPathComponent("slow")
      let started = Date()
      let task = Task { try await PageFetcher(timeout: 180).fetch(url) }
      try await Task.sleep(for: .milliseconds(300))
      task.cancel()
      let outcome = await task.result
      #expect(throws: CancellationError.self) { try outcome.get() }
      // Well before the server would answer (150 s), with room for a loaded machine: a
      // whole-suite run on two busy cores once took 38 s to get here.
      #expect(Date().timeIntervalSince(started) < 120)
    }
  }

  @Test func leggioLinksNoNetworkingLibraryUntilItFetches() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
    process.arguments = [TUITmux.binary.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let libraries = String(
      decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    // The C library is always linked dynamically (SQLite is static in a release build).
    #expect(libraries.contains("libc.so"))
    #expect(!libraries.contains("libcurl"))
    #expect(!libraries.contains("FoundationNetworking"))
  }

  @Test func aSlowServerTimesOut() async throws {
    try await withServer { base in
      let url = base.appendingPathComponent("slow")
      #expect(await fetchError(url, timeout: 1.5) == .timedOut(url, seconds: 1.5))
    }
  }

  @Test func aDeadHostCannotBeReached() async throws {
    // A port bound but never listened on: refused, and no other test's server can take
    // it while this test runs (a stopped server's port could be given to the next one).
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
      }
    }
    try #require(bound)
    let url = URL(string: "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))/article.html")!
    guard case .cannotConnect(let failed, _)? = await fetchError(url) else {
      Issue.record("expected cannotConnect")
      return
    }
    #expect(failed == url)
  }

  @Test func pdfsAndImagesAreRefusedSayingWhatTheyAre() async throws {
    try await withServer { base in
      let pdf = base.appendingPathComponent("paper.pdf")
      #expect(await fetchError(pdf) == .notHTML(pdf, kind: "a PDF document"))
      let png = base.appendingPathComponent("mislabelled")
      #expect(await fetchError(png) == .notHTML(png, kind: "an image (PNG)"))
    }
  }

  @Test func gzipBodiesAreDecompressed() async throws {
    try await withServer { base in
      let page = try await fetcher.fetch(base.appendingPathComponent("gzip.html"))
      #expect(page.data == Data(Self.article.utf8))
    }
  }

  @Test func missingOrWrongCharsetsStillGiveReadableText() async throws {
    try await withServer { base in
      let plain = try await fetcher.fetch(base.appendingPathComponent("latin1-no-charset.html"))
      let detected = try WebPageImporter.importHTML(
        data: plain.data, url: plain.finalURL, contentType: plain.contentType)
      #expect(detected.document.blocks.first?.plainText.contains("perché la città è là") == true)
      let wrong = try await fetcher.fetch(base.appendingPathComponent("latin1-wrong-header.html"))
      let replaced = try WebPageImporter.importHTML(
        data: wrong.data, url: wrong.finalURL, contentType: wrong.contentType)
      #expect(
        replaced.document.blocks.first?.plainText.contains("perch\u{FFFD} la citt\u{FFFD}") == true)
    }
  }

  @Test func aLoginWallKeepsItsTextWithAWarning() async throws {
    try await withServer { base in
      let page = try await fetcher.fetch(base.appendingPathComponent("login"))
      let article = try WebPageImporter.importHTML(
        data: page.data, url: page.finalURL, contentType: page.contentType)
      #expect(article.document.blocks.map(\.plainText) == ["Accedi per continuare a leggere."])
      #expect(article.warnings.contains { $0.contains("login wall") })
    }
  }

  @Test func requestsCarryLeggiosUserAgent() async throws {
    try await withServer { base in
      // A text/plain answer is not refused by the fetcher; the importer decides.
      let page = try await fetcher.fetch(base.appendingPathComponent("user-agent"))
      #expect(String(decoding: page.data, as: UTF8.self) == PageFetcher.userAgent)
    }
  }

  @Test func onlyHTTPAndHTTPSAreFetched() async {
    let url = URL(string: "ftp://example.com/page.html")!
    #expect(await fetchError(url) == .unsupportedScheme(url))
  }
}
