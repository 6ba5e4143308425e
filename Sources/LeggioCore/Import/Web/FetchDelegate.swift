import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Follows one fetch: counts redirects and spots loops, stops early on HTTP errors,
/// non-HTML content and oversized bodies, and resumes the caller once.
final class FetchDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  private let fetcher: PageFetcher
  private let url: URL
  private let lock = NSLock()
  private var continuation: CheckedContinuation<FetchedPage, Error>?
  private var body = Data()
  private var visited: Set<String> = []
  private var failure: FetchError?
  private var response: HTTPURLResponse?

  init(fetcher: PageFetcher, url: URL) {
    self.fetcher = fetcher
    self.url = url
    visited.insert(url.absoluteString)
  }

  func start(_ task: URLSessionDataTask, continuation: CheckedContinuation<FetchedPage, Error>) {
    lock.withLock { self.continuation = continuation }
    task.resume()
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask,
    willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
  ) {
    let next = request.url
    let allowed: Bool = lock.withLock {
      guard let next else { return false }
      if !visited.insert(next.absoluteString).inserted {
        failure = .redirectLoop(url)
      } else if visited.count > fetcher.maximumRedirects + 1 {
        failure = .tooManyRedirects(url, limit: fetcher.maximumRedirects)
      } else if !["http", "https"].contains(next.scheme?.lowercased() ?? "") {
        failure = .unsupportedScheme(next)
      }
      return failure == nil
    }
    if allowed {
      completionHandler(request)
    } else {
      completionHandler(nil)
      task.cancel()
    }
  }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
  ) {
    let http = response as? HTTPURLResponse
    let finalURL = response.url ?? url
    var stop: FetchError?
    if let http, http.statusCode >= 400 {
      stop = .httpStatus(finalURL, code: http.statusCode)
    } else if let type = http?.value(forHTTPHeaderField: "Content-Type")?.lowercased(),
      ["application/pdf", "image/", "video/", "audio/"].contains(where: type.hasPrefix),
      let kind = ContentSniffer.nonHTMLKind(contentType: type, prefix: Data())
    {
      stop = .notHTML(finalURL, kind: kind)
    } else if response.expectedContentLength > Int64(fetcher.maximumBytes) {
      stop = .tooLarge(finalURL, limit: fetcher.maximumBytes)
    }
    lock.withLock {
      self.response = http
      if failure == nil { failure = stop }
    }
    completionHandler(stop == nil ? .allow : .cancel)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    let overflow: Bool = lock.withLock {
      body.append(data)
      if body.count > fetcher.maximumBytes, failure == nil {
        failure = .tooLarge(dataTask.currentRequest?.url ?? url, limit: fetcher.maximumBytes)
        return true
      }
      return false
    }
    if overflow { dataTask.cancel() }
  }

  func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
    let (continuation, outcome):
      (CheckedContinuation<FetchedPage, Error>?, Result<FetchedPage, Error>) =
        lock.withLock {
          let taken = self.continuation
          self.continuation = nil
          return (taken, result(task: task, error: error))
        }
    continuation?.resume(with: outcome)
  }

  /// Must be called with the lock held.
  private func result(task: URLSessionTask, error: Error?) -> Result<FetchedPage, Error> {
    if let failure { return .failure(failure) }
    if let error { return .failure(fetcher.fetchError(for: error, url: url)) }
    let finalURL = response?.url ?? task.currentRequest?.url ?? url
    if let response, (300..<400).contains(response.statusCode) {
      return .failure(FetchError.tooManyRedirects(url, limit: fetcher.maximumRedirects))
    }
    let contentType = response?.value(forHTTPHeaderField: "Content-Type")
    if let kind = ContentSniffer.nonHTMLKind(contentType: contentType, prefix: body) {
      return .failure(FetchError.notHTML(finalURL, kind: kind))
    }
    return .success(FetchedPage(data: body, finalURL: finalURL, contentType: contentType))
  }
}
