import Foundation
import Testing

@testable import LeggioModel
@testable import LeggioStore
@testable import LeggioFeeds
import LeggioTestSupport

/// Feed items stored through the real library: articles, versions, tags, full text.
@Suite struct LibraryFeedArticlesTests {
  @Test func aBatchBecomesSearchableArticlesInOrder() throws {
    let library = try Library.inMemory()
    let ids = try library.addFeedArticles([
      imported("Il vertice", ["Si è parlato di più città."], source: "https://a.example/1"),
      imported("La pace", ["Nessun accordo ieri."], source: "https://a.example/2"),
    ])
    #expect(ids.count == 2)
    #expect(try library.article(id: ids[0])?.summary.title == "Il vertice")
    #expect(
      try library.article(id: ids[1])?.document.blocks.first?.plainText
        == "Nessun accordo ieri.")
    #expect(try library.search("piu citta").map(\.id) == [ids[0]])
    #expect(try library.counts() == LibraryCounts(total: 2, unread: 2))
  }

  @Test func anItemWhosePageIsAlreadyAnArticleLinksToItUnchanged() throws {
    let library = try Library.inMemory()
    let saved = try library.add(
      imported(
        "La pagina intera", ["Il testo completo, salvato a mano."],
        source: "https://a.example/pezzo?utm_source=feed"))
    let ids = try library.addFeedArticles([
      imported("Il riassunto", ["Solo il riassunto."], source: "http://A.example/pezzo")
    ])
    #expect(ids == [saved.id])
    #expect(try library.article(id: saved.id)?.summary.title == "La pagina intera")
    #expect(try library.counts().total == 1)
  }

  @Test func twoItemsWithOneLinkInOneBatchAreOneArticle() throws {
    let library = try Library.inMemory()
    let ids = try library.addFeedArticles([
      imported("Uno", ["Primo."], source: "https://a.example/x"),
      imported("Due", ["Secondo."], source: "https://a.example/x"),
    ])
    #expect(ids[0] == ids[1])
    #expect(try library.counts().total == 1)
  }

  @Test func anArticleTheReaderRemovedStaysRemoved() throws {
    let library = try Library.inMemory()
    let first = try library.addFeedArticles([
      imported("Uno", ["Primo."], source: "https://a.example/x")
    ])
    try library.remove(ids: first)
    let again = try library.addFeedArticles([
      imported("Uno", ["Primo."], source: "https://a.example/x")
    ])
    #expect(again == first)
    #expect(try library.counts().total == 0)
  }

  @Test func categoriesBecomeTagsAndBlankOnesAreDropped() throws {
    let library = try Library.inMemory()
    var article = imported("Uno", ["Primo."], source: "https://a.example/x")
    article.metadata.tags = ["Esteri", "esteri", " \u{7} ", "Politica"]
    let ids = try library.addFeedArticles([article])
    #expect(try library.article(id: ids[0])?.summary.tags.sorted() == ["Esteri", "Politica"])
  }

  @Test func aTitleOnlyItemIsStoredWithItsTitleAsText() throws {
    let library = try Library.inMemory()
    let ids = try library.addFeedArticles([imported("Solo un titolo", [])])
    let stored = try #require(try library.article(id: ids[0]))
    #expect(stored.document.blocks.map(\.plainText) == ["Solo un titolo"])
  }

  @Test func unreadCountsFollowTheArticlesReadState() throws {
    let library = try Library.inMemory()
    let feed = try library.feedStore.add(url: "https://a.example/feed.xml")
    let ids = try library.addFeedArticles([
      imported("Uno", ["Primo."], source: "https://a.example/1"),
      imported("Due", ["Secondo."], source: "https://a.example/2"),
    ])
    try library.feedStore.recordFetched(
      feedID: feed.id!, title: nil, siteURL: nil, etag: nil, lastModified: nil,
      newItems: ids.enumerated().map { index, id in
        FeedItemRecord(
          feedId: feed.id!, identity: "item-\(index)", link: nil, title: nil, published: nil,
          articleID: id)
      })
    #expect(try library.feedListings().map(\.unread) == [2])
    try library.saveReadingPosition(articleID: ids[0], offset: 0, progress: 0.1)
    #expect(try library.feedListings().map(\.unread) == [1])
    try library.remove(ids: [ids[1]])
    let listing = try #require(try library.feedListings().first)
    #expect(listing.unread == 0)
    #expect(listing.items == 2)
  }

  @Test func theListFiltersByFeedAndSharesReadStateWithIt() async throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let library = try Library(path: directory.appendingPathComponent("library.sqlite").path)
    func feedFile(_ name: String, _ links: [String]) throws -> String {
      let items = links.map {
        "<item><title>Voce \($0)</title><link>https://\(name).example/\($0)</link>"
          + "<description>Il testo di \($0).</description></item>"
      }
      return try writeFeed(items, named: name, in: directory).absoluteString
    }
    let first = try library.feedStore.add(url: try feedFile("uno", ["a", "b"]))
    let second = try library.feedStore.add(url: try feedFile("due", ["c"]))
    _ = try library.add(imported("A mano", ["Salvato a mano."], source: "https://altro.example/x"))
    let updater = FeedUpdater(store: library.feedStore, batchSink: library.feedArticleSink)
    let summaries = try await updater.update()
    #expect(summaries.map(\.newItems) == [2, 1])

    let byFirst = ArticleQuery(sort: .title, feedID: first.id)
    let titles = try library.summaries(byFirst, offset: 0, limit: 10).map(\.title)
    #expect(titles == ["Voce a", "Voce b"])
    #expect(try library.count(ArticleQuery(feedID: second.id)) == 1)
    #expect(try library.count(ArticleQuery()) == 4)

    let read = try #require(try library.summaries(byFirst, offset: 0, limit: 1).first)
    try library.saveReadingPosition(articleID: read.id, offset: 0, progress: 1)
    var unread = byFirst
    unread.unreadOnly = true
    #expect(try library.summaries(unread, offset: 0, limit: 10).map(\.title) == ["Voce b"])
    #expect(try library.feedListings().map(\.unread) == [1, 1])
  }

  @Test func aFeedStoredInSeveralBatchesListsInTheFeedsOrderByDateAdded() async throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("leggio-batches-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let library = try Library(path: directory.appendingPathComponent("library.sqlite").path)
    // Newest first, as feeds list them; more than two batches.
    let numbers = Array((1...2_300).reversed())
    let items = numbers.map {
      "<item><title>Voce \($0)</title><link>https://uno.example/\($0)</link></item>"
    }
    let url = try writeFeed(items, named: "uno", in: directory)
    _ = try library.feedStore.add(url: url.absoluteString)
    let updater = FeedUpdater(store: library.feedStore, batchSink: library.feedArticleSink)
    #expect(try await updater.update().map(\.newItems) == [2_300])
    let newestAdded = try library.summaries(ArticleQuery(sort: .added), offset: 0, limit: 3_000)
    #expect(newestAdded.map(\.title) == numbers.map { "Voce \($0)" })
    #expect(try await updater.update().map(\.newItems) == [0])
  }

  @Test func everyItemOfALargeUpdateIsFoundBySearchFromAnotherProcess() async throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("library.sqlite").path
    let library = try Library(path: path)
    // Three batches; each item's own word ("parolaN") and one they share.
    let items = (1...2_300).map {
      "<item><title>Voce \($0)</title><link>https://uno.example/\($0)</link>"
        + "<description>&lt;p&gt;La nebbia sul lago, parola\($0).&lt;/p&gt;</description></item>"
    }
    let url = try writeFeed(items, named: "uno", in: directory)
    _ = try library.feedStore.add(url: url.absoluteString)
    let updater = FeedUpdater(store: library.feedStore, batchSink: library.feedArticleSink)
    #expect(try await updater.update().map(\.newItems) == [2_300])

    // Searched as `leggio search` would, from a library opened afresh.
    let other = try Library(path: path)
    #expect(try other.search("nebbia", limit: 5_000).count == 2_300)
    #expect(try other.search("parola1777").map(\.title) == ["Voce 1777"])
    #expect(try other.count(ArticleQuery(search: "lago")) == 2_300)
    #expect(try other.integrityProblems().isEmpty)
  }

  @Test func twoUpdatesOfOneFeedAtOnceCountOnlyWhatEachStored() async throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("library.sqlite").path
    let items = (1...3_000).map {
      "<item><title>Voce \($0)</title><link>https://uno.example/\($0)</link></item>"
    }
    let url = try writeFeed(items, named: "uno", in: directory)
    // The reader's and the command line's libraries: two connections to one file.
    let reader = try Library(path: path)
    let commandLine = try Library(path: path)
    _ = try reader.feedStore.add(url: url.absoluteString)
    let first = FeedUpdater(store: reader.feedStore, batchSink: reader.feedArticleSink)
    let second = FeedUpdater(
      store: commandLine.feedStore, batchSink: commandLine.feedArticleSink)
    async let one = first.update()
    async let two = second.update()
    let counts = try await one.map(\.newItems) + two.map(\.newItems)
    #expect(counts.reduce(0, +) == 3_000, "\(counts)")
    #expect(try reader.count(ArticleQuery()) == 3_000)
  }

  @Test func documentJSONIsWhatJSONEncoderWrites() throws {
    var documents = [
      Document(blocks: [
        Block(.heading(level: 2), [Inline("Titolo \"citato\" / con \\ barra")]),
        Block(
          .paragraph,
          [
            Inline("Testo "), Inline("forte", style: [.strong, .emphasis]),
            Inline(" link", link: "https://a.example/a/b?c=d&e=\"f\""),
          ]),
        Block(.blockQuote(depth: 2), text: "Tab\tand\nnewline\r\u{8}\u{C}\u{1}\u{1F}\u{7F} é 日本 😀"),
        Block(.listItem(depth: 1, ordinal: nil), text: "voce"),
        Block(.listItem(depth: 2, ordinal: 3), text: "terza"),
        Block(.preformatted, text: "let x = 1\n"),
        Block(.rule, []),
        Block(.image(credit: nil), text: "alt"),
        Block(.image(credit: "Foto: \"Ansa\""), []),
        Block.table(
          [[[Inline("a", style: .strong)], [Inline("b")]], [[Inline("c", link: "/x")], []]],
          alignments: [.left, .none], headerRows: 1),
        {
          var block = Block(.preformatted, text: "x")
          block.language = "swift"
          block.containers = [
            .quote(1), BlockContainer(id: 2, list: ListPlace(id: 3, ordinal: 4, isLoose: true)),
            BlockContainer(id: 5, list: ListPlace(id: 6, ordinal: nil, isLoose: false)),
          ]
          return block
        }(),
        {
          var block = Block(.image(credit: nil), text: "alt")
          (block.source, block.title) = ("a.png", "Il \"titolo\"")
          return block
        }(),
        Block(
          .paragraph,
          [
            {
              var run = Inline("t", style: [.strong, .emphasis], link: "/u")
              run.title = "titolo"
              run.nesting = [.strong, [], .emphasis]
              return run
            }(),
            {
              var run = Inline("badge", link: "/ci")
              run.image = InlineImage(source: "b.svg", title: "Il \"titolo\"")
              return run
            }(),
            {
              var run = Inline("")
              run.image = InlineImage(source: "c.png")
              return run
            }(),
          ]),
      ]),
      Document(),
    ]
    let files = FileManager.default.enumerator(atPath: FeedFixtures.corpus.path)!
    while let path = files.nextObject() as? String {
      guard path.hasSuffix(".xml") || path.hasSuffix(".atom") || path.hasSuffix(".json"),
        let feed = try? FeedFixtures.parseCorpus(path)
      else { continue }
      documents += feed.items.map { $0.article(feed: feed, feedURL: nil).document }
    }
    #expect(documents.count > 50)
    for document in documents {
      #expect(DocumentJSON.encode(document) == (try Library.encodeWithFoundation(document)))
    }
  }
}

/// An RSS file of `items` (one `<item>` each) named `NAME.xml` in `directory`.
private func writeFeed(_ items: [String], named name: String, in directory: URL) throws -> URL {
  let url = directory.appendingPathComponent("\(name).xml")
  try FeedFixtures.rss(items.joined(separator: "\n")).write(
    to: url, atomically: true, encoding: .utf8)
  return url
}
