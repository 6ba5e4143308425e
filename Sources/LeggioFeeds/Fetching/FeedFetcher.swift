import Foundation
import LeggioImport

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

/// Fetches feeds over HTTP(S): conditional requests (ETag -> If-None-Match,
/// Last-Modified -> If-Modified-Since), redirects followed, a timeout, every encoding
/// libcurl decodes, a size limit, and a bound on requests per host and in total.
/// `file://` URLs are read from disk.
public final class FeedFetcher: Sendable {
  public static let userAgent = "Leggio/0.1 (terminal article reader; +https://github.com/leggio)"
  /// Larger than any real feed; a body beyond it is refused rather than filling memory.
  public static let maximumBytes = 64 << 20

  private let client = HTTPClient(maximumRedirects: 10)
  private let limiter: FeedFetchLimiter
  public let timeout: TimeInterval

  public init(maxConcurrent: Int = 8, perHost: Int = 2, timeout: TimeInterval = 20) {
    self.limiter = FeedFetchLimiter(total: maxConcurrent, perHost: perHost)
    self.timeout = timeout
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
    var headers = [
      (name: "User-Agent", value: Self.userAgent),
      (
        name: "Accept",
        value:
          "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5"
      ),
    ]
    if let etag = request.etag { headers.append(("If-None-Match", etag)) }
    if let lastModified = request.lastModified {
      headers.append(("If-Modified-Since", lastModified))
    }
    let response: HTTPGetResponse
    do {
      response = try await client.get(
        HTTPGetRequest(
          url: request.url, headers: headers, idleTimeout: timeout, totalTimeout: timeout * 3,
          maximumBytes: Self.maximumBytes))
    } catch let error as HTTPTransferError {
      throw translate(error, url: request.url)
    }
    if response.status == 304 { return .notModified }
    guard (200..<300).contains(response.status) else {
      throw FeedError.httpStatus(url: request.url.absoluteString, status: response.status)
    }
    return .fetched(
      FeedResponse(
        data: response.body, contentType: response.value("Content-Type"),
        etag: response.value("ETag"), lastModified: response.value("Last-Modified"),
        finalURL: response.url))
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

  private func translate(_ error: HTTPTransferError, url: URL) -> FeedError {
    let text = url.absoluteString
    return switch error {
    case .timedOut: .timedOut(url: text, seconds: timeout)
    case .unavailable(_, let reason): .network(url: text, detail: reason)
    case .unsupportedScheme(let target):
      .network(
        url: text, detail: "it leads to \(target.absoluteString), which is not http or https")
    case .cannotResolveHost: .network(url: text, detail: "the host name is unknown")
    case .cannotConnect: .network(url: text, detail: "the connection was refused")
    case .connectionLost: .network(url: text, detail: "the connection was lost")
    case .certificate: .network(url: text, detail: "its TLS certificate is not valid")
    case .redirectLoop: .network(url: text, detail: "it redirects in a loop")
    case .tooManyRedirects:
      .network(url: text, detail: "it redirects more than \(client.maximumRedirects) times")
    case .tooLarge:
      .network(url: text, detail: "it is larger than \(Self.maximumBytes >> 20) MiB")
    case .failed(_, let reason): .network(url: text, detail: reason)
    }
  }
}
