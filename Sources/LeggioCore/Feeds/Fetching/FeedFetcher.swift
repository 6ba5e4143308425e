import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// What a conditional fetch is asked for.
public struct FeedFetchRequest: Hashable, Sendable {
  public var url: URL
  /// The validators of the last successful fetch.
  public var etag: String?
  public var lastModified: String?

  public init(url: URL, etag: String? = nil, lastModified: String? = nil) {
    self.url = url
    self.etag = etag
    self.lastModified = lastModified
  }
}

/// What came back.
public enum FeedFetchResult: Hashable, Sendable {
  /// 304: the feed did not change since the validators were given.
  case notModified
  case fetched(FeedResponse)
}

public struct FeedResponse: Hashable, Sendable {
  public var data: Data
  public var contentType: String?
  public var etag: String?
  public var lastModified: String?
  /// Where the feed was found after redirects.
  public var finalURL: URL
}

/// Fetches feeds over HTTP(S) with URLSession: conditional requests (ETag ->
/// If-None-Match, Last-Modified -> If-Modified-Since), redirects followed, a timeout,
/// gzip and deflate (URLSession decodes them), a bound on requests per host and in
/// total. `file://` URLs are read from disk.
public final class FeedFetcher: Sendable {
  public static let userAgent = "Leggio/0.1 (terminal article reader; +https://github.com/leggio)"

  private let session: URLSession
  private let limiter: FeedFetchLimiter
  public let timeout: TimeInterval

  public init(maxConcurrent: Int = 8, perHost: Int = 2, timeout: TimeInterval = 20) {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout * 3
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.urlCache = nil
    configuration.httpMaximumConnectionsPerHost = perHost
    configuration.httpAdditionalHeaders = [
      "User-Agent": Self.userAgent,
      "Accept":
        "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5",
    ]
    self.session = URLSession(configuration: configuration)
    self.limiter = FeedFetchLimiter(total: maxConcurrent, perHost: perHost)
    self.timeout = timeout
  }

  deinit {
    session.finishTasksAndInvalidate()
  }

  /// Fetches one feed, waiting for a free slot for its host. Throws `FeedError`.
  public func fetch(_ request: FeedFetchRequest) async throws -> FeedFetchResult {
    if request.url.isFileURL { return try readFile(request.url) }
    let host = request.url.host ?? ""
    await limiter.acquire(host: host)
    do {
      let result = try await perform(request)
      await limiter.release(host: host)
      return result
    } catch {
      await limiter.release(host: host)
      throw error
    }
  }

  /// Fetches any page (the web page of a `full` feed's item) under the same limits.
  public func fetchPage(_ url: URL) async throws -> FeedResponse {
    switch try await fetch(FeedFetchRequest(url: url)) {
    case .fetched(let response): return response
    case .notModified: throw FeedError.httpStatus(url: url.absoluteString, status: 304)
    }
  }

  private func perform(_ request: FeedFetchRequest) async throws -> FeedFetchResult {
    var urlRequest = URLRequest(url: request.url, timeoutInterval: timeout)
    if let etag = request.etag { urlRequest.setValue(etag, forHTTPHeaderField: "If-None-Match") }
    if let lastModified = request.lastModified {
      urlRequest.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since")
    }
    let data: Data
    let response: URLResponse
    do {
      (data, response) = try await session.data(for: urlRequest)
    } catch {
      throw translate(error, url: request.url)
    }
    guard let http = response as? HTTPURLResponse else {
      throw FeedError.network(url: request.url.absoluteString, detail: "the answer is not HTTP")
    }
    if http.statusCode == 304 { return .notModified }
    guard (200..<300).contains(http.statusCode) else {
      throw FeedError.httpStatus(url: request.url.absoluteString, status: http.statusCode)
    }
    return .fetched(
      FeedResponse(
        data: data, contentType: http.value(forHTTPHeaderField: "Content-Type"),
        etag: http.value(forHTTPHeaderField: "ETag"),
        lastModified: http.value(forHTTPHeaderField: "Last-Modified"),
        finalURL: http.url ?? request.url))
  }

  private func readFile(_ url: URL) throws -> FeedFetchResult {
    do {
      return .fetched(
        FeedResponse(
          data: try Data(contentsOf: url), contentType: nil, etag: nil, lastModified: nil,
          finalURL: url))
    } catch {
      throw FeedError.network(url: url.path, detail: "the file cannot be read")
    }
  }

  private func translate(_ error: Error, url: URL) -> FeedError {
    let nsError = error as NSError
    let text = url.absoluteString
    guard nsError.domain == NSURLErrorDomain else {
      return .network(url: text, detail: nsError.localizedDescription)
    }
    switch nsError.code {
    case NSURLErrorTimedOut: return .timedOut(url: text, seconds: timeout)
    case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed:
      return .network(url: text, detail: "the host name is unknown")
    case NSURLErrorCannotConnectToHost:
      return .network(url: text, detail: "the connection was refused")
    case NSURLErrorNotConnectedToInternet:
      return .network(url: text, detail: "there is no network connection")
    case NSURLErrorHTTPTooManyRedirects:
      return .network(url: text, detail: "it redirects in a loop")
    case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted,
      NSURLErrorServerCertificateHasBadDate, NSURLErrorServerCertificateHasUnknownRoot:
      return .network(url: text, detail: "its TLS certificate is not valid")
    default: return .network(url: text, detail: nsError.localizedDescription)
    }
  }
}
