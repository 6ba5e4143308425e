import Foundation
import Testing

@testable import LeggioFeeds

/// Input made to hurt: entity expansion, external entities, things that are no feed.
@Suite struct FeedHostileInputTests {
  private func feedError(_ text: String) -> FeedError? {
    do {
      _ = try FeedFixtures.parse(text)
      return nil
    } catch {
      return error as? FeedError
    }
  }

  @Test func billionLaughsIsRefusedAtOnce() {
    var entities = "<!ENTITY lol \"lol\">"
    for level in 1...9 {
      let previous = level == 1 ? "lol" : "lol\(level - 1)"
      entities += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
    }
    let text =
      "<?xml version=\"1.0\"?><!DOCTYPE rss [\(entities)]><rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>"
    guard case .entityExpansion = feedError(text) else {
      Issue.record("billion laughs was not refused")
      return
    }
  }

  @Test func parameterEntitiesAreRefused() {
    let text = "<!DOCTYPE rss [<!ENTITY % p \"x\">]><rss version=\"2.0\"><channel/></rss>"
    guard case .entityExpansion = feedError(text) else {
      Issue.record("parameter entity was not refused")
      return
    }
  }

  @Test func oneLargeEntityRepeatedIsBounded() {
    let value = String(repeating: "x", count: 60_000)
    let uses = String(repeating: "&big;", count: 2_000)
    let text =
      "<!DOCTYPE rss [<!ENTITY big \"\(value)\">]><rss version=\"2.0\"><channel><title>\(uses)</title></channel></rss>"
    guard case .entityExpansion = feedError(text) else {
      Issue.record("quadratic blowup was not refused")
      return
    }
  }

  @Test func externalEntitiesAreNeverLoaded() throws {
    let text = """
      <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">
      <!ENTITY remote SYSTEM "http://127.0.0.1:9/x">]>
      <rss version="2.0"><channel><title>t&secret;</title><item><title>&remote;i</title></item></channel></rss>
      """
    let feed = try FeedFixtures.parse(text)
    #expect(feed.title == "t")
    #expect(feed.items.first?.title == "i")
    #expect(!String(describing: feed).contains("root:"))
    #expect(feed.warnings.contains { $0.contains("external entity") })
  }

  @Test func smallInternalEntitiesAreExpanded() throws {
    let feed = try FeedFixtures.parse(
      "<!DOCTYPE rss [<!ENTITY name \"Leggio\">]><rss version=\"2.0\"><channel><title>&name; feed</title></channel></rss>"
    )
    #expect(feed.title == "Leggio feed")
  }

  @Test func anHTMLPageNamesTheFeedsItAdvertises() {
    let page = """
      <!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml">
      </head><body>hi</body></html>
      """
    let error = feedError(page)
    #expect(
      error
        == .htmlPage(
          source: "http://example.org/feed.xml", feedLinks: ["http://example.org/rss.xml"]))
    #expect(error?.errorDescription?.contains("web page") == true)
  }

  @Test func plainTextIsRefusedSayingHowItStarts() {
    #expect(
      feedError("Hello, world")
        == .notAFeed(source: "http://example.org/feed.xml", startsWith: "Hello, world"))
  }

  @Test func whitespaceOnlyIsEmpty() {
    #expect(feedError(" \n\t ") == .empty(source: "http://example.org/feed.xml"))
  }

  @Test func deepNestingDoesNotExhaustTheStack() throws {
    let deep = String(repeating: "<x>", count: 5_000) + String(repeating: "</x>", count: 5_000)
    let feed = try FeedFixtures.parse(
      FeedFixtures.rss("<item><title>t</title><description>\(deep)</description></item>"))
    #expect(feed.items.first?.title == "t")
  }
}
