import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A page as fetched: its bytes, where it ended up after redirects, and its Content-Type.
public struct FetchedPage: Sendable {
  public var data: Data
  public var finalURL: URL
  public var contentType: String?
}

/// Fetches web pages over http(s): bounded redirects with loop detection, gzip, a
/// timeout, a size limit, and a clear User-Agent. Non-HTML answers (a PDF, an image)
/// and HTTP errors become `FetchError`s.
public struct PageFetcher: Sendable {
  public static let userAgent = "Leggio/0.1 (+terminal article reader)"

  public var timeout: TimeInterval
  public var maximumRedirects: Int
  public var maximumBytes: Int

  public init(timeout: TimeInterval = 20, maximumRedirects: Int = 10, maximumBytes: Int = 20 << 20)
  {
    self.timeout = timeout
    self.maximumRedirects = maximumRedirects
    self.maximumBytes = maximumBytes
  }

  public func fetch(_ url: URL) async throws -> FetchedPage {
    guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
      throw FetchError.unsupportedScheme(url)
    }
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout
    configuration.httpAdditionalHeaders = [
      "User-Agent": Self.userAgent,
      "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
      "Accept-Encoding": "gzip, deflate",
    ]
    let delegate = FetchDelegate(fetcher: self, url: url)
    let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    defer { session.finishTasksAndInvalidate() }
    var request = URLRequest(url: url)
    request.timeoutInterval = timeout
    return try await withCheckedThrowingContinuation { continuation in
      delegate.start(session.dataTask(with: request), continuation: continuation)
    }
  }

  /// Blocks the calling thread until `fetch` finishes; for synchronous command-line code.
  public func fetchBlocking(_ url: URL) throws -> FetchedPage {
    let box = ResultBox()
    let semaphore = DispatchSemaphore(value: 0)
    Task {
      do { box.set(.success(try await fetch(url))) } catch { box.set(.failure(error)) }
      semaphore.signal()
    }
    semaphore.wait()
    return try box.get()
  }

  /// Maps a URLSession error to what a person can act on.
  func fetchError(for error: Error, url: URL) -> FetchError {
    let nsError = error as NSError
    guard nsError.domain == NSURLErrorDomain else {
      return .failed(url, reason: error.localizedDescription)
    }
    switch nsError.code {
    case NSURLErrorTimedOut: return .timedOut(url, seconds: timeout)
    case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed:
      return .cannotConnect(url, reason: "the host name does not resolve")
    case NSURLErrorCannotConnectToHost:
      return .cannotConnect(url, reason: "the connection was refused")
    case NSURLErrorNetworkConnectionLost, NSURLErrorNotConnectedToInternet:
      return .cannotConnect(url, reason: "the network connection was lost")
    case NSURLErrorHTTPTooManyRedirects: return .tooManyRedirects(url, limit: maximumRedirects)
    case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted,
      NSURLErrorServerCertificateHasBadDate, NSURLErrorServerCertificateHasUnknownRoot:
      return .cannotConnect(url, reason: "the secure connection failed (certificate problem)")
    default: return .failed(url, reason: nsError.localizedDescription)
    }
  }
}

private final class ResultBox: @unchecked Sendable {
  private let lock = NSLock()
  private var result: Result<FetchedPage, Error>?
  func set(_ value: Result<FetchedPage, Error>) { lock.withLock { result = value } }
  func get() throws -> FetchedPage { try lock.withLock { result! }.get() }
}
