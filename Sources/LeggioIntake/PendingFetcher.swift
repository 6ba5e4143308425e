import Foundation
import LeggioFeeds
import LeggioImport
import LeggioModel
import LeggioStore

/// `leggio fetch`: fetches the pages of pending articles, a few at a time and at most
/// `perHost` to one host, and stores each as its article's text. The queue lives in the
/// library, and an article leaves it only once its text is stored, so a fetch stopped
/// at any moment (even by `kill -9`) resumes where it was. A failure keeps its reason
/// and the article stays queued, to be tried again. The page's pictures are kept with it
/// as `leggio add` keeps them (`pictures`; nil keeps none).
public struct PendingFetcher: Sendable {
  public let library: Library
  public var fetcher: PageFetcher
  public var pictures: ImageCollector?
  public var maxConcurrent: Int
  public var perHost: Int

  public init(
    library: Library, fetcher: PageFetcher = PageFetcher(), maxConcurrent: Int = 6,
    perHost: Int = 2, pictures: ImageCollector? = ImageCollector()
  ) {
    self.library = library
    self.fetcher = fetcher
    self.pictures = pictures
    self.maxConcurrent = maxConcurrent
    self.perHost = perHost
  }

  /// What happened to one pending article.
  public struct Result: Sendable {
    public var pending: PendingFetch
    /// The stored title when fetched, nil when it failed.
    public var title: String?
    /// Why it failed, nil when fetched.
    public var error: String?
    /// What was skipped though the page was stored (`picture skipped: URL: why`).
    public var warnings: [String] = []
  }

  /// Fetches `items`, calling `progress` as each one ends (from any task).
  public func fetch(
    _ items: [PendingFetch], progress: @escaping @Sendable (Result) -> Void = { _ in }
  ) async -> [Result] {
    let limiter = FeedFetchLimiter(total: maxConcurrent, perHost: perHost)
    return await withTaskGroup(of: Result.self) { group in
      for item in items {
        group.addTask {
          let host = URL(string: item.url)?.host?.lowercased() ?? ""
          await limiter.acquire(host: host)
          let result = await fetchOne(item)
          await limiter.release(host: host)
          progress(result)
          return result
        }
      }
      var results: [Result] = []
      for await result in group { results.append(result) }
      return results
    }
  }

  func fetchOne(_ item: PendingFetch) async -> Result {
    do {
      guard let url = URL(string: item.url) else {
        throw FetchError.unsupportedScheme(URL(fileURLWithPath: item.url))
      }
      let page = try await fetcher.fetch(url)
      var article = try WebPageImporter.importHTML(
        data: page.data, url: page.finalURL, contentType: page.contentType)
      if let pictures {
        // Its pictures are fetched on a thread of their own: the collector blocks.
        article = await Self.collect(pictures, into: article)
      }
      try library.completeFetch(item, with: article)
      return Result(
        pending: item, title: article.metadata.title, warnings: article.warnings)
    } catch {
      let reason = (error as? LocalizedError)?.errorDescription ?? "\(error)"
      try? library.recordFetchFailure(item, reason: reason)
      return Result(pending: item, error: reason)
    }
  }

  private static func collect(_ pictures: ImageCollector, into article: ImportedArticle) async
    -> ImportedArticle
  {
    await withCheckedContinuation { continuation in
      DispatchQueue.global().async {
        var article = article
        pictures.collect(into: &article)
        continuation.resume(returning: article)
      }
    }
  }
}
