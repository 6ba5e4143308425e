import FlyingFox
import Foundation
import LeggioImport
import LeggioModel
import LeggioTestSupport
import Testing

@testable import LeggioFeeds
@testable import LeggioStore

/// Feed items keep their pictures as `leggio add URL` keeps a page's: fetched from a real
/// server on 127.0.0.1 after their batch is stored, checked by their bytes, kept once per
/// hash, each failure named once; a picture the library already keeps is not fetched
/// again; removing the items frees them.
@Suite struct FeedPictureTests {
  /// An RSS feed whose items show pictures in their text, as a `media:content`, and
  /// (twice) a missing one, with an HTML page sent as `image/png`.
  static func rss(base: URL, extra: Bool = false) -> String {
    let root = base.absoluteString
    let more =
      extra
      ? """
      <item><title>Il faro</title><link>\(root)/faro</link><guid>faro</guid>
      <content:encoded><![CDATA[<p>Il faro, di nuovo con il porto.</p><figure><img src="/img/porto.png" alt="Il porto"><figcaption>Il porto</figcaption></figure>]]></content:encoded></item>
      """ : ""
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
        xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Il Porto</title>
      <link>\(root)/</link><description>Notizie dal porto</description>
      \(more)
      <item><title>La gru</title><link>\(root)/gru</link><guid>gru</guid>
      <content:encoded><![CDATA[<p>Una gru nuova.</p><figure><img src="/img/porto.png" alt="Il porto"><figcaption>Il porto</figcaption></figure><figure><img src="/img/perduta.png" alt="Una foto perduta"><figcaption>Una foto perduta</figcaption></figure>]]></content:encoded></item>
      <item><title>La nave</title><link>\(root)/nave</link><guid>nave</guid>
      <description>Una nave arriva in porto.</description>
      <media:content url="\(root)/img/nave.jpg" type="image/jpeg" medium="image"/></item>
      <item><title>Il molo</title><link>\(root)/molo</link><guid>molo</guid>
      <content:encoded><![CDATA[<p>Il molo vecchio.</p><figure><img src="/img/porto.png" alt="Il porto"><figcaption>Il porto</figcaption></figure><figure><img src="/img/perduta.png" alt="Ancora perduta"><figcaption>Ancora perduta</figcaption></figure><figure><img src="/img/pagina.png" alt="Una pagina"><figcaption>Una pagina</figcaption></figure>]]></content:encoded></item>
      </channel></rss>
      """
  }

  final class Feed: @unchecked Sendable {
    var extra = false
  }

  static func server(_ feed: Feed) async throws -> FeedTestServer {
    let porto = TestPictures.png(width: 120, height: 80)
    let nave = try TestPictures.jpeg(width: 160, height: 90)
    let base = BaseBox()
    let server = try await FeedTestServer.start([
      "/feed.xml": { _ in FeedTestServer.ok(Self.rss(base: base.value!, extra: feed.extra)) },
      "/img/porto.png": { _ in
        HTTPResponse(statusCode: .ok, headers: [.contentType: "image/png"], body: porto)
      },
      "/img/nave.jpg": { _ in
        HTTPResponse(statusCode: .ok, headers: [.contentType: "image/jpeg"], body: nave)
      },
      "/img/perduta.png": { _ in HTTPResponse(statusCode: .notFound) },
      "/img/pagina.png": { _ in
        HTTPResponse(
          statusCode: .ok, headers: [.contentType: "image/png"],
          body: Data("<!doctype html><title>Non trovata</title><p>Spiacenti".utf8))
      },
    ])
    base.value = server.base
    return server
  }

  final class BaseBox: @unchecked Sendable { var value: URL? }

  func ids(_ library: Library) throws -> [String: Int64] {
    Dictionary(
      uniqueKeysWithValues: try library.summaries(ArticleQuery(), offset: 0, limit: 100).map {
        ($0.title, $0.id)
      })
  }

  @Test func aFeedsItemsKeepTheirPicturesAndEachFailureIsNamedOnce() async throws {
    let feed = Feed()
    let server = try await Self.server(feed)
    let library = try Library.inMemory()
    let record = try library.feedStore.add(url: server.url("feed.xml").absoluteString)
    let pictures = FeedPictureFetcher(library: library, collector: ImageCollector(timeout: 60))
    let updater = FeedUpdater(
      store: library.feedStore, batchSink: library.feedArticleSink(pictures: pictures))
    // When the feed is updated and its pictures are in
    var summaries = try await updater.update()
    let report = await pictures.finish(into: &summaries)
    let root = server.base.absoluteString
    // Then its three items are stored, and the two bad pictures named once each
    #expect(summaries.map(\.newItems) == [3])
    #expect(summaries[0].url == record.url)
    #expect(
      Set(summaries[0].warnings) == [
        "picture skipped: \(root)/img/perduta.png: the server answered HTTP 404",
        "picture skipped: \(root)/img/pagina.png: not a JPEG, PNG, GIF or WebP picture (sent as image/png)",
      ])
    #expect(summaries[0].warnings.count == 2, "\(summaries[0].warnings)")
    #expect(report.kept == 2)
    #expect(report.reused == 1)
    // and each item reads with its pictures, the one the items share kept once
    let id = try ids(library)
    let gru = try library.images(ofArticle: try #require(id["La gru"]))
    #expect(Array(gru.keys) == ["\(root)/img/porto.png"])
    #expect(gru.values.first?.info == ImageInfo(format: .png, width: 120, height: 80))
    #expect(Array(try library.images(ofArticle: id["Il molo"]!).keys) == ["\(root)/img/porto.png"])
    let nave = try library.images(ofArticle: try #require(id["La nave"]))
    #expect(nave["\(root)/img/nave.jpg"]?.info == ImageInfo(format: .jpeg, width: 160, height: 90))
    // (the media:content picture leads the item's text, so the reader shows it)
    let naveText = try #require(try library.article(id: id["La nave"]!)?.document)
    #expect(naveText.blocks.first?.source == "\(root)/img/nave.jpg")
    #expect(try library.imageTotals().count == 2)
    // each address asked for once, however many items show it
    #expect(await server.requests.headers(of: "/img/porto.png").count == 1)
    #expect(await server.requests.headers(of: "/img/perduta.png").count == 1)

    // When a new item shows a picture the library keeps already
    feed.extra = true
    summaries = try await updater.update()
    let second = await pictures.finish(into: &summaries)
    // Then it is linked, not fetched again
    #expect(summaries.map(\.newItems) == [1])
    #expect(summaries[0].warnings.isEmpty, "\(summaries[0].warnings)")
    #expect((second.kept, second.reused) == (0, 1))
    #expect(await server.requests.headers(of: "/img/porto.png").count == 1)
    #expect(try library.images(ofArticle: try ids(library)["Il faro"]!).count == 1)
    await server.stop()

    // When the items are removed, their pictures are freed once nothing shows them
    try library.remove(ids: [id["La gru"]!, id["Il molo"]!])
    #expect(try library.imageTotals().count == 2)
    try library.remove(ids: [try ids(library)["Il faro"]!])
    #expect(try library.imageTotals().count == 1)
    try library.remove(ids: [id["La nave"]!])
    #expect(try library.imageTotals().count == 0)
  }

  @Test func withoutAFetcherNoPictureIsAskedFor() async throws {
    let server = try await Self.server(Feed())
    let library = try Library.inMemory()
    try library.feedStore.add(url: server.url("feed.xml").absoluteString)
    let updater = FeedUpdater(
      store: library.feedStore, batchSink: library.feedArticleSink(pictures: nil))
    let summaries = try await updater.update()
    #expect(summaries.map(\.newItems) == [3])
    #expect(try library.imageTotals().count == 0)
    #expect(await server.requests.headers(of: "/img/porto.png").isEmpty)
    await server.stop()
  }

  @Test func itemsNameTheirPicturesInEveryFormat() throws {
    let rss = """
      <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
      <item><title>Una</title><guid>1</guid><media:thumbnail url="/t1.jpg"/></item>
      <item><title>Due</title><guid>2</guid><media:group><media:content url="/v.mp4" type="video/mp4"><media:thumbnail url="/t2.jpg"/></media:content></media:group></item>
      <item><title>Tre</title><guid>3</guid><enclosure url="/a.mp3" type="audio/mpeg" length="1"/><enclosure url="/e.png" type="image/png" length="1"/></item>
      <item><title>Quattro</title><guid>4</guid><enclosure url="/a.mp3" type="audio/mpeg" length="1"/></item>
      </channel></rss>
      """
    let parsed = try FeedParser.parse(
      data: Data(rss.utf8), contentType: nil, url: URL(string: "https://x.example/feed")!)
    #expect(
      parsed.items.map(\.picture) == [
        "https://x.example/t1.jpg", "https://x.example/t2.jpg", "https://x.example/e.png", nil,
      ])
    let json = """
      {"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [
        {"id": "1", "content_html": "<p>Testo.</p>", "image": "/j.webp"},
        {"id": "2", "content_html": "<p>Testo <img src=\\"/dentro.png\\" alt=\\"dentro\\"> qui.</p>", "image": "/j2.webp"}]}
      """
    let items = try FeedParser.parse(
      data: Data(json.utf8), contentType: "application/feed+json",
      url: URL(string: "https://j.example/feed.json")!
    ).items
    #expect(items.map(\.picture) == ["https://j.example/j.webp", "https://j.example/j2.webp"])
    // The lead picture comes first, unless the text shows a picture of its own.
    let first = items[0].article(feed: ParsedFeed(format: .json11), feedURL: nil).document
    #expect(first.blocks.first?.source == "https://j.example/j.webp")
    let second = items[1].article(
      feed: ParsedFeed(format: .json11), feedURL: URL(string: "https://j.example/feed.json")
    ).document
    #expect(ImageCollector.sources(in: second) == ["https://j.example/dentro.png"])
  }
}
