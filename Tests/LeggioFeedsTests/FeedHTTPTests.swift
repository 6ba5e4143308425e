import FlyingFox
import Foundation
import Testing

@testable import LeggioModel
@testable import LeggioImport
@testable import LeggioFeeds

/// Updates against a real HTTP server on 127.0.0.1, and what each one stores.
@Suite struct FeedHTTPTests {
  private static func rss(_ ids: [Int], prefix: String = "") -> String {
    FeedFixtures.rss(
      ids.map {
        "<item><title>\(prefix)Item \($0)</title><link>/articles/\($0)</link><guid isPermaLink=\"false\">\(prefix)\($0)</guid><description>Teaser \($0)</description></item>"
      }.joined(), channel: "<title>Served</title>")
  }

  @Test func anUnchangedFeedAnswers304AndStoresNothingNew() async throws {
    let server = try await FeedTestServer.start([
      "/feed.xml": { request in
        if request.headers[.ifNoneMatch] == "\"v1\"" {
          return HTTPResponse(statusCode: .notModified)
        }
        return FeedTestServer.ok(
          Self.rss([1, 2]),
          headers: [.eTag: "\"v1\"", .lastModified: "Wed, 21 Oct 2026 07:28:00 GMT"])
      }
    ])
    defer { Task { await server.stop() } }
    let library = try FeedTestLibrary()
    let feed = try library.store.add(url: server.url("feed.xml").absoluteString)
    let first = try await library.updater().update()
    #expect(first.map(\.newItems) == [2] && first[0].notModified == false)
    let stored = try #require(try library.store.feed(id: feed.id!))
    #expect(stored.etag == "\"v1\"" && stored.lastModified == "Wed, 21 Oct 2026 07:28:00 GMT")
    let second = try await library.updater().update()
    #expect(second[0].notModified && second[0].newItems == 0 && second[0].error == nil)
    let headers = await server.requests.headers(of: "/feed.xml")
    #expect(headers.count == 2)
    #expect(headers[1]["if-none-match"] == "\"v1\"")
    #expect(headers[1]["if-modified-since"] == "Wed, 21 Oct 2026 07:28:00 GMT")
    #expect(try library.articleTitles() == ["Item 2", "Item 1"])  // oldest (last listed) first
  }

  @Test func redirectsAreFollowedAndLinksResolveAgainstTheFinalURL() async throws {
    let server = try await FeedTestServer.start([
      "/old.xml": { _ in
        HTTPResponse(statusCode: .movedPermanently, headers: [.location: "/new/feed.xml"])
      },
      "/new/feed.xml": { _ in
        FeedTestServer.ok(FeedFixtures.rss("<item><title>A</title><link>a.html</link></item>"))
      },
    ])
    defer { Task { await server.stop() } }
    let library = try FeedTestLibrary()
    let feed = try library.store.add(url: server.url("old.xml").absoluteString)
    let summary = try await library.updater().update()
    #expect(summary[0].newItems == 1 && summary[0].error == nil)
    #expect(
      try library.store.items(feedID: feed.id!).map(\.link) == [
        server.url("new/a.html").absoluteString
      ])
  }

  @Test func errorsAreRecordedPerFeedAndTheOtherFeedsStillUpdate() async throws {
    let server = try await FeedTestServer.start([
      "/good.xml": { _ in FeedTestServer.ok(Self.rss([1])) },
      "/gone.xml": { _ in HTTPResponse(statusCode: .notFound) },
      "/page.html": { _ in
        FeedTestServer.ok(
          "<!DOCTYPE html><html><head><link rel=\"alternate\" type=\"application/atom+xml\" href=\"/atom.xml\"></head><body>Blog</body></html>",
          type: "text/html")
      },
      "/empty.xml": { _ in FeedTestServer.ok("") },
      "/text.xml": { _ in FeedTestServer.ok("Service temporarily unavailable", type: "text/plain")
      },
    ])
    defer { Task { await server.stop() } }
    let library = try FeedTestLibrary()
    for path in ["good.xml", "gone.xml", "page.html", "empty.xml", "text.xml"] {
      try library.store.add(url: server.url(path).absoluteString)
    }
    try library.store.add(url: "http://127.0.0.1:9/unreachable.xml")
    let summaries = try await library.updater().update()
    #expect(summaries.map(\.newItems) == [1, 0, 0, 0, 0, 0])
    #expect(summaries[0].error == nil)
    #expect(summaries[1].error?.contains("HTTP 404") == true)
    #expect(summaries[2].error?.contains(server.url("atom.xml").absoluteString) == true)
    #expect(summaries[3].error?.contains("empty") == true)
    #expect(summaries[4].error?.contains("not a feed") == true)
    #expect(summaries[5].error?.contains("could not be reached") == true)
    let listing = try library.store.listing()
    #expect(listing.map { $0.lastError == nil } == [true, false, false, false, false, false])
  }

  @Test func aSlowFeedTimesOutWithoutHoldingUpTheOthers() async throws {
    let server = try await FeedTestServer.start([
      "/slow.xml": { _ in
        try await Task.sleep(for: .seconds(90))
        return FeedTestServer.ok(Self.rss([1]))
      },
      "/fast.xml": { _ in FeedTestServer.ok(Self.rss([1, 2])) },
    ])
    defer { Task { await server.stop() } }
    let library = try FeedTestLibrary()
    try library.store.add(url: server.url("slow.xml").absoluteString)
    try library.store.add(url: server.url("fast.xml").absoluteString)
    // The timeout leaves the fast feed room to answer when the whole suite loads the
    // machine (6 s was not always enough); the slow one still never answers in time.
    let summaries = try await library.updater(fetcher: FeedFetcher(timeout: 20)).update()
    #expect(summaries[0].error?.contains("did not answer") == true)
    #expect(summaries[1].newItems == 2)
  }

  @Test func noMoreThanTwoRequestsRunAtOnceOnOneHost() async throws {
    var routes: [String: @Sendable (HTTPRequest) async throws -> HTTPResponse] = [:]
    for index in 0..<6 {
      routes["/feed\(index).xml"] = { _ in
        try await Task.sleep(for: .milliseconds(150))
        return FeedTestServer.ok(Self.rss([1], prefix: "f\(index)-"))
      }
    }
    let server = try await FeedTestServer.start(routes)
    defer { Task { await server.stop() } }
    let library = try FeedTestLibrary()
    for index in 0..<6 { try library.store.add(url: server.url("feed\(index).xml").absoluteString) }
    let summaries = try await library.updater(fetcher: FeedFetcher(maxConcurrent: 8, perHost: 2))
      .update()
    #expect(summaries.map(\.newItems) == Array(repeating: 1, count: 6))
    let most = await server.requests.maximumInFlight
    #expect(most <= 2)
  }

  @Test func aFullFeedFetchesEachItemsPageAndStoresItsText() async throws {
    let server = try await FeedTestServer.start([
      "/feed.xml": { _ in FeedTestServer.ok(Self.rss([1, 2])) },
      "/articles/:id": { request in
        FeedTestServer.ok(
          "<html><body><p>Whole text of \(request.path)</p></body></html>", type: "text/html")
      },
    ])
    defer { Task { await server.stop() } }
    let library = try FeedTestLibrary()
    try library.store.add(url: server.url("feed.xml").absoluteString, full: true)
    let extractor: PageExtractor = { data, _, contentType in
      #expect(contentType?.hasPrefix("text/html") == true)
      let text = HTMLParser.parse(String(decoding: data, as: UTF8.self)).textContent
      return ImportedArticle(
        metadata: ArticleMetadata(title: ""),
        document: Document(blocks: [Block(.paragraph, text: text)]))
    }
    let summaries = try await library.updater(extractor: extractor).update()
    #expect(summaries[0].newItems == 2 && summaries[0].warnings.isEmpty)
    #expect(
      Set(try library.articleBodies()) == [
        "Whole text of /articles/1", "Whole text of /articles/2",
      ])
  }

  @Test func aGzippedFeedIsDecompressed() async throws {
    // gzip of a small RSS feed, made once with Python's gzip module (mtime 0).
    let gzipped = Data(
      base64Encoded:
        "H4sIAAAAAAACA7MpKi5WKEstKs7Mz7NVMtIzULKzSc5IzMtLzbGzKcksyUm1c87PLShKLS5OTbHRh4jYZJak5sKkqzILCpCk0kszU+yqDG30wQwbfYhSfbiZ+kAL7QDiLfCpdgAAAA=="
    )!
    let server = try await FeedTestServer.start([
      "/feed.xml.gz": { _ in
        HTTPResponse(
          statusCode: .ok,
          headers: [.contentType: "application/rss+xml", .contentEncoding: "gzip"],
          body: gzipped)
      }
    ])
    defer { Task { await server.stop() } }
    let result = try await FeedFetcher().fetch(FeedFetchRequest(url: server.url("feed.xml.gz")))
    guard case .fetched(let response) = result else {
      Issue.record("expected a body")
      return
    }
    let feed = try FeedParser.parse(
      data: response.data, contentType: response.contentType, url: response.finalURL)
    #expect(feed.title == "Compressed")
    #expect(feed.items.map(\.title) == ["zipped"])
  }

  @Test func theHTTPCharsetIsHonoured() async throws {
    let latin1 =
      "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Perché</title></channel></rss>"
      .data(using: .isoLatin1)!
    let server = try await FeedTestServer.start([
      "/latin1.xml": { _ in
        HTTPResponse(
          statusCode: .ok, headers: [.contentType: "text/xml; charset=ISO-8859-1"], body: latin1)
      }
    ])
    defer { Task { await server.stop() } }
    let result = try await FeedFetcher().fetch(FeedFetchRequest(url: server.url("latin1.xml")))
    guard case .fetched(let response) = result else {
      Issue.record("expected a body")
      return
    }
    let feed = try FeedParser.parse(
      data: response.data, contentType: response.contentType, url: response.finalURL)
    #expect(feed.title == "Perché")
  }
}
