import Foundation
import Testing
import LeggioTestSupport

/// `leggio feeds ...` with the real binary against a real server on 127.0.0.1.
@Suite struct CLIFeedsTests {
  /// A port nothing listens on: connecting is refused at once.
  static let unreachable = "http://127.0.0.1:9/feed.xml"

  func feedsJSON(_ cli: CLIHarness) async throws -> [[String: Any]] {
    let result = try await cli.runAsync("feeds", "list", "--json")
    #expect(result.status == 0, "feeds list failed: \(result.stderr)")
    let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    return try #require(parsed as? [[String: Any]])
  }

  func feed(_ feeds: [[String: Any]], url: String) throws -> [String: Any] {
    try #require(feeds.first { $0["url"] as? String == url }, "no feed \(url) in \(feeds)")
  }

  @Test func feedsUpdateIntoTheLibraryOnceAndStayReadableOffline() async throws {
    let cli = try CLIHarness()
    let server = try await CLIFeedServer()
    let rss = server.url("/feed.xml")
    let atom = server.url("/atom.xml")
    let page = server.url("/page.html")

    let added = try await cli.runAsync("feeds", "add", rss, "--tag", "giornale")
    #expect(added.status == 0, "\(added.stderr)")
    #expect(added.stdout.contains("as feed 1"))
    for url in [atom, page, Self.unreachable] {
      #expect(try await cli.runAsync("feeds", "add", url).status == 0)
    }
    let again = try await cli.runAsync("feeds", "add", rss)
    #expect(again.status == 1)
    #expect(again.stderr.contains(rss))

    // The first update stores every item; the broken feeds are recorded, not fatal.
    let first = try await cli.runAsync("feeds", "update")
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("✓ Il Giornale di Prova: 3 new"))
    #expect(first.stdout.contains("✓ Diario Atom: 2 new"))
    #expect(first.stdout.contains("5 new items from 4 feeds, 2 failed."))

    var feeds = try await feedsJSON(cli)
    #expect(feeds.count == 4)
    for listed in feeds {
      let keys = Set(listed.keys)
      #expect(
        keys.isSuperset(of: ["id", "url", "title", "items", "unread", "lastUpdated", "lastError"]))
    }
    let rssFeed = try feed(feeds, url: rss)
    #expect(rssFeed["title"] as? String == "Il Giornale di Prova")
    #expect(rssFeed["items"] as? Int == 3)
    #expect(rssFeed["unread"] as? Int == 3)
    #expect(rssFeed["lastUpdated"] is String)
    #expect(rssFeed["lastError"] is NSNull)
    #expect(try feed(feeds, url: atom)["items"] as? Int == 2)
    let htmlError = try #require(try feed(feeds, url: page)["lastError"] as? String)
    #expect(htmlError.contains(page))
    #expect(htmlError.lowercased().contains("html"))
    let unreachableFeed = try feed(feeds, url: Self.unreachable)
    #expect(unreachableFeed["lastError"] is String)
    #expect(unreachableFeed["lastUpdated"] is NSNull)
    #expect(unreachableFeed["title"] is NSNull)

    // The second update sends the ETag back (304) and re-reads the Atom feed: nothing new.
    let second = try await cli.runAsync("feeds", "update")
    #expect(second.stdout.contains("= Il Giornale di Prova: not modified"))
    #expect(second.stdout.contains("✓ Diario Atom: 0 new"))
    #expect(second.stdout.contains("0 new items from 4 feeds, 2 failed."))
    #expect(await server.log.requests(to: "/feed.xml") == [nil, CLIFeedServer.rssETag])
    #expect(await server.log.requests(to: "/atom.xml").count == 2)

    var articles = try cli.listJSON()
    #expect(articles.count == 5)
    let titles = Set(articles.compactMap { $0["title"] as? String })
    #expect(titles.contains("Notizia 2: la città è più calma"))
    #expect(titles.contains("Secondo giorno"))
    #expect(try cli.listJSON("--tag", "giornale").count == 3)

    // Only the named feed updates.
    let one = try await cli.runAsync("feeds", "update", "2")
    #expect(one.stdout.contains("Diario Atom"))
    #expect(!one.stdout.contains("Giornale"))

    // Removing a feed keeps its articles.
    let removed = try await cli.runAsync("feeds", "remove", "1")
    #expect(removed.status == 0)
    feeds = try await feedsJSON(cli)
    #expect(feeds.count == 3)
    #expect(feeds.allSatisfy { $0["url"] as? String != rss })
    #expect(try await cli.runAsync("feeds", "remove", "1").status == 1)

    await server.stop()
    articles = try cli.listJSON()
    #expect(articles.count == 5)
    let first1 = try #require(articles.first { $0["title"] as? String == "Primo giorno" })
    let id = try #require(first1["id"] as? Int)
    let shown = try cli.run("show", String(id))
    #expect(shown.status == 0, "\(shown.stderr)")
    #expect(shown.stdout.contains("Un lungo paragrafo del primo giorno, scritto con calma."))
    #expect(shown.stdout.contains("Anna Rossi"))
  }

  @Test func subscriptionsTravelAsOPMLWithTheirTags() async throws {
    let cli = try CLIHarness()
    let opml = try cli.write(
      "subscriptions.opml",
      """
      <?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
      <outline text="Notizie">
        <outline text="Il Post" type="rss" xmlUrl="https://www.ilpost.it/feed/"/>
        <outline text="Esteri"><outline text="BBC" type="rss" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml"/></outline>
      </outline>
      <outline text="Blog" type="rss" xmlUrl="https://example.org/atom.xml"/>
      </body></opml>
      """)
    let imported = try await cli.runAsync("feeds", "import", opml)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("Subscribed to 3 feeds"))
    let twice = try await cli.runAsync("feeds", "import", opml)
    #expect(twice.stdout.contains("Subscribed to 0 feeds; 3 already subscribed."))

    let feeds = try await feedsJSON(cli)
    #expect(feeds.count == 3)
    let bbc = try feed(feeds, url: "https://feeds.bbci.co.uk/news/world/rss.xml")
    #expect(bbc["title"] as? String == "BBC")
    #expect(bbc["tags"] as? [String] == ["Notizie", "Esteri"])
    #expect(bbc["items"] as? Int == 0)

    // What is exported imports into another library as the same subscriptions.
    let exported = try await cli.runAsync("feeds", "export")
    #expect(exported.status == 0)
    #expect(exported.stdout.contains("<opml version=\"2.0\">"))
    let other = try CLIHarness()
    let file = try other.write("exported.opml", exported.stdout)
    #expect(try await other.runAsync("feeds", "import", file).status == 0)
    let copied = try await feedsJSON(other)
    // Export groups feeds by folder, so the order may change; each keeps its tags.
    func subscriptions(_ list: [[String: Any]]) -> [String: [String]] {
      Dictionary(uniqueKeysWithValues: list.map { ($0["url"] as! String, $0["tags"] as! [String]) })
    }
    #expect(subscriptions(copied) == subscriptions(feeds))
    #expect(copied.map { $0["title"] as? String }.contains("Il Post"))
  }

  @Test func aMissingOPMLFileIsOneLineNamingIt() async throws {
    let cli = try CLIHarness()
    let result = try await cli.runAsync("feeds", "import", "nowhere.opml")
    #expect(result.status == 1)
    #expect(result.stderr == "leggio: nowhere.opml: does not exist; check the path\n")
  }
}
