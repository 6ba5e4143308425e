import Foundation
import LeggioFeeds
import LeggioImport
import LeggioModel
import LeggioStore

/// `leggio fetch`: fetches the pages of pending articles, a few at a time and at most
/// `perHost` to one host, and stores each as its article's text. The queue lives in the
/// library, and an article leaves it only once its text is stored, so a fetch stopped
/// at any moment (even by `kill -9`) resumes where it was. A failure keeps its reason
/// and the article stays queued, to be tried again.
public struct PendingFetcher: Sendable {
  public let library: Library
  public var fetcher: PageFetcher
  public var maxConcurrent: Int
  public var perHost: Int

  public init(
    library: Library, fetcher: PageFetcher = PageFetcher(), maxConcurrent: Int = 6,
    perHost: Int = 2
  ) {
    self.library = library
    self.fetcher = fetcher
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
      let article = try WebPageImporter.importHTML(
        data: page.data, url: page.finalURL, contentType: page.contentType)
      try library.completeFetch(item, with: article)
      return Result(pending: item, title: article.metadata.title)
    } catch {
      let reason = (error as? LocalizedError)?.errorDescription ?? "\(error)"
      try? library.recordFetchFailure(item, reason: reason)
      return Result(pending: item, error: reason)
    }
  }
}
