import Foundation
import LeggioModel
import LeggioStore

/// Stores an article in the library and returns its id. Called once per new item, never
/// inside a feeds transaction (so it may open its own); it must be safe to call from
/// several tasks. The URL is the feed's.
public typealias ArticleSink = @Sendable (ImportedArticle, URL) throws -> Int64

/// Stores many articles in one go (one library transaction), dated as added at the given
/// moment, and returns their ids in order. Same contract as `ArticleSink`; preferred for
/// large feeds, where one commit per item would cost more than parsing.
public typealias ArticleBatchSink = @Sendable ([ImportedArticle], URL, Date) throws -> [Int64]

/// Extracts the article from a fetched web page: its bytes, URL and Content-Type. The
/// integrator points it at the web-page importer.
public typealias PageExtractor = @Sendable (Data, URL, String?) throws -> ImportedArticle

/// Updates feeds: fetches them concurrently (per-host limits, conditional requests),
/// parses them, turns each new item into a library article through the sink, and
/// records items, validators and errors. An item is new when no stored item of its feed
/// has its identity (guid, else link), so an update never duplicates.
public struct FeedUpdater: Sendable {
  public let store: FeedStore
  public let fetcher: FeedFetcher
  public let sink: ArticleBatchSink
  /// The library's sink when given as such: its articles are prepared as they are built.
  let librarySink: LibraryFeedSink?
  public let extractor: PageExtractor?
  /// How many articles go to the sink at once, in one transaction (a 1,000-item feed was
  /// a single batch, all its documents in memory together). Each commit writes again every
  /// page of the indexes its batch touched, so larger batches cost less CPU at 100,000
  /// items (ten feeds of 10,000: 1,000 a batch 18.8 s, 500 21.3 s), but they held 207–240
  /// MB at the peak, newsboat's 232 or more, where 500 held 181.
  public static let batchSize = 500
  /// How many fetched feeds are parsed and built at once. The library has one writer,
  /// so more would not be faster, only hold more feeds' items in memory (ten large feeds
  /// parsed side by side took 630 MB where two take a fraction of it). One feed's parser
  /// and article builder keep both cores busy while they run.
  static let feedsStoredAtOnce = 1
  /// Lets `feedsStoredAtOnce` feeds at a time past their fetch into parsing and building.
  /// A feed hands its turn on (`FeedTurn`) once its last group of articles is handed to
  /// the writer (a feed of one group: once that group holds it), so the next feed is read
  /// while its last articles are built and written:
  /// a feed of 1,000 items is a single commit, and the writer's work on it (about a third
  /// of the feed's time) had nothing beside it.
  private let storing = FeedFetchLimiter(total: feedsStoredAtOnce, perHost: feedsStoredAtOnce)
  /// The library's one writer, taken for each group handed to the sink, in the order
  /// asked. Each group of a feed waits for the one before it, so at most two feeds' items
  /// are in memory: the last group of one, being built or written, and the next feed
  /// being read.
  let writer = FeedFetchLimiter(total: 1, perHost: 1)
  /// Holds fetches back while this many bytes of fetched feeds wait to be read: one
  /// feed of 21 MB at a time (each is parsed beside a copy of its bytes), two of 2 MB,
  /// a dozen of ordinary size. 16 MB let seven feeds of 2 MB wait, 8 MB more at the peak
  /// of a ten-feed update for no gain in time. A feed's bytes are let go once it is read
  /// (`FeedTurn`, `FeedBody`); a feed within this size is fetched while the one before
  /// is read, so that it is there when that one hands its turn on: fetched only then,
  /// each of ten feeds of 1,000 items waited 15–25 ms for its bytes with the writer alone
  /// at work (a few MB more at the peak instead). Larger feeds wait as before.
  private let fetched = FetchedBytesBudget(limit: 6 << 20)

  public init(
    store: FeedStore, fetcher: FeedFetcher = FeedFetcher(), sink: @escaping ArticleSink,
    extractor: PageExtractor? = nil
  ) {
    self.init(
      store: store, fetcher: fetcher,
      batchSink: { articles, url, _ in try articles.map { try sink($0, url) } },
      extractor: extractor)
  }

  public init(
    store: FeedStore, fetcher: FeedFetcher = FeedFetcher(), batchSink: @escaping ArticleBatchSink,
    extractor: PageExtractor? = nil
  ) {
    self.store = store
    self.fetcher = fetcher
    self.sink = batchSink
    self.librarySink = nil
    self.extractor = extractor
  }

  /// Stores into the library: each batch is prepared for it (`LibraryFeedSink.prepare`)
  /// as soon as it is built, while the writer stores the batches before it.
  public init(
    store: FeedStore, fetcher: FeedFetcher = FeedFetcher(), batchSink: LibraryFeedSink,
    extractor: PageExtractor? = nil
  ) {
    self.store = store
    self.fetcher = fetcher
    self.sink = { try batchSink($0, $1, $2) }
    self.librarySink = batchSink
    self.extractor = extractor
  }

  /// Updates the feeds `feedIDs` (all when nil) and returns one summary per feed, in the
  /// order of the feeds. One feed's failure is recorded in its summary and its row; the
  /// others go on. Throws only for unknown ids or a database that cannot be read.
  public func update(
    feedIDs: [Int64]? = nil, progress: (@Sendable (FeedUpdateProgress) -> Void)? = nil
  ) async throws -> [FeedUpdateSummary] {
    let feeds = try store.feeds(ids: feedIDs)
    return await withTaskGroup(of: (Int, FeedUpdateSummary).self) { group in
      for (index, feed) in feeds.enumerated() {
        group.addTask { (index, await update(feed)) }
      }
      var summaries = [FeedUpdateSummary?](repeating: nil, count: feeds.count)
      var completed = 0
      for await (index, summary) in group {
        summaries[index] = summary
        completed += 1
        progress?(FeedUpdateProgress(completed: completed, total: feeds.count, latest: summary))
      }
      return summaries.compactMap { $0 }
    }
  }

  /// Updates one feed; never throws, the error goes into the summary and the feed's row.
  public func update(_ feed: FeedRecord) async -> FeedUpdateSummary {
    let feedID = feed.id ?? 0
    var summary = FeedUpdateSummary(feedID: feedID, url: feed.url, title: feed.title)
    do {
      guard let url = URL(string: feed.url) else {
        throw FeedSubscriptionError.invalidURL(feed.url)
      }
      let request = FeedFetchRequest(url: url, etag: feed.etag, lastModified: feed.lastModified)
      await fetched.startFetch()
      let result: FeedFetchResult
      do {
        result = try await fetcher.fetch(request)
      } catch {
        await fetched.fetched(0)
        throw error
      }
      let size = if case .fetched(let response) = result { response.data.count } else { 0 }
      await fetched.fetched(size)
      PhaseTrace.mark("feed \(feedID): fetched \(size) bytes")
      let turn = FeedTurn(holding: size, of: fetched)
      defer { Task { await turn.end() } }
      guard case .fetched(var response) = consume result else {
        try store.recordFetched(
          feedID: feedID, title: nil, siteURL: nil, etag: nil, lastModified: nil, newItems: [])
        summary.notModified = true
        return summary
      }
      let parsed: ParsedFeed
      let stored: Int
      var warnings: [String] = []
      let body = FeedBody(response.data)
      response.data = Data()
      await turn.begin(storing)
      PhaseTrace.mark("feed \(feedID): reading")
      if feed.full {
        // Every item's page is fetched first, so the feed is parsed whole.
        parsed = try FeedParser.parse(
          data: body.take(), contentType: response.contentType, url: response.finalURL)
        await turn.bodyRead()
        let fresh = try newItems(of: parsed.items, feedID: feedID)
        let pages = await fullArticles(fresh.map(\.item), feed: parsed, warnings: &warnings)
        let batches = AsyncStream<FreshBatch> { continuation in
          for batch in fresh.chunks(of: Self.batchSize) {
            continuation.yield(FreshBatch(items: Array(batch), feed: parsed))
          }
          continuation.finish()
        }
        stored = await store(
          batches, feedID: feedID, feedURL: url, baseURL: response.finalURL, pages: pages,
          tags: feed.tags, warnings: &warnings, readingDone: turn.end)
      } else {
        (parsed, stored) = try await parseAndStore(
          response, body: body, feedID: feedID, feedURL: url, tags: feed.tags, warnings: &warnings,
          bodyRead: turn.bodyRead, readingDone: turn.end)
      }
      summary.title = parsed.title ?? feed.title
      summary.warnings = parsed.warnings + warnings
      try store.recordFetched(
        feedID: feedID, title: parsed.title, siteURL: parsed.link, etag: response.etag,
        lastModified: response.lastModified, newItems: [])
      summary.newItems = stored
    } catch {
      summary.error = Self.describe(error)
      try? store.recordError(feedID: feedID, message: summary.error!)
    }
    return summary
  }

  /// The items not stored yet, each with its identity, first occurrence only.
  private func newItems(of items: [FeedItem], feedID: Int64) throws -> [(
    item: FeedItem, identity: String
  )] {
    var seen = Set<String>()
    return Self.newItems(items, known: try store.knownIdentities(feedID: feedID), seen: &seen)
  }

  /// The items whose identity is neither `known` nor in `seen`, which they join.
  static func newItems(_ items: [FeedItem], known: Set<String>, seen: inout Set<String>)
    -> [(item: FeedItem, identity: String)]
  {
    var result: [(FeedItem, String)] = []
    for item in items {
      // An item with neither guid nor link is known by its title and date.
      let identity =
        item.identity ?? "title:\(item.displayTitle)|\(item.published?.timeIntervalSince1970 ?? 0)"
      guard !known.contains(identity), seen.insert(identity).inserted else { continue }
      result.append((item, identity))
    }
    return result
  }

  /// For a `full` feed: fetches and extracts the page of every item that carries only a
  /// summary, concurrently under the fetcher's limits. Keyed by identity; an item whose
  /// page fails keeps its summary and adds a warning.
  private func fullArticles(_ items: [FeedItem], feed: ParsedFeed, warnings: inout [String]) async
    -> [String: ImportedArticle]
  {
    guard let extractor else { return [:] }
    let candidates = items.filter { $0.hasOnlySummary && $0.link.flatMap(URL.init(string:)) != nil }
    let fetcher = self.fetcher
    let results = await withTaskGroup(of: (String, Result<ImportedArticle, Error>).self) { group in
      for item in candidates {
        group.addTask {
          let link = URL(string: item.link!)!
          do {
            let page = try await fetcher.fetchPage(link)
            var article = try extractor(page.data, page.finalURL, page.contentType)
            article.metadata = Self.merge(
              article.metadata, item.article(feed: feed, feedURL: nil).metadata)
            return (item.identity ?? item.link!, .success(article))
          } catch {
            return (item.identity ?? item.link!, .failure(error))
          }
        }
      }
      var collected: [(String, Result<ImportedArticle, Error>)] = []
      for await result in group { collected.append(result) }
      return collected
    }
    var articles: [String: ImportedArticle] = [:]
    for (identity, result) in results {
      switch result {
      case .success(let article): articles[identity] = article
      case .failure(let error):
        warnings.append("kept the summary of \(identity): \(Self.describe(error))")
      }
    }
    return articles
  }

  /// The extracted page's metadata, completed with what the feed knows.
  private static func merge(_ page: ArticleMetadata, _ item: ArticleMetadata) -> ArticleMetadata {
    var merged = page
    if merged.title.isEmpty { merged.title = item.title }
    merged.byline = merged.byline ?? item.byline
    merged.published = merged.published ?? item.published
    merged.source = item.source ?? merged.source
    merged.siteName = merged.siteName ?? item.siteName
    merged.language = merged.language ?? item.language
    merged.tags = Array(Set(merged.tags + item.tags)).sorted()
    return merged
  }

  static func describe(_ error: Error) -> String {
    (error as? LocalizedError)?.errorDescription ?? String(describing: error)
  }
}
