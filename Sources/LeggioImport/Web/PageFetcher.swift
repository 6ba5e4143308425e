import Foundation

/// A page as fetched: its bytes, where it ended up after redirects, and its Content-Type.
public struct FetchedPage: Sendable {
  public var data: Data
  public var finalURL: URL
  public var contentType: String?
}

/// Fetches web pages over http(s): bounded redirects with loop detection, gzip, a
/// timeout, a size limit, and a clear User-Agent. Non-HTML answers (a PDF, an image)
/// and HTTP errors become `FetchError`s, found from the headers before any body is read.
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
    let request = try request(for: url)
    do {
      return try page(from: try await client.get(request, inspect: Self.refuseEarly))
    } catch let error as HTTPTransferError {
      throw fetchError(for: error)
    }
  }

  /// Fetches on the calling thread, which it blocks; for synchronous command-line code.
  public func fetchBlocking(_ url: URL) throws -> FetchedPage {
    let request = try request(for: url)
    do {
      return try page(from: try client.get(request, inspect: Self.refuseEarly))
    } catch let error as HTTPTransferError {
      throw fetchError(for: error)
    }
  }

  private var client: HTTPClient { HTTPClient(maximumRedirects: maximumRedirects) }

  private func request(for url: URL) throws -> HTTPGetRequest {
    guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
      throw FetchError.unsupportedScheme(url)
    }
    return HTTPGetRequest(
      url: url,
      headers: [
        ("User-Agent", Self.userAgent),
        ("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"),
      ],
      idleTimeout: timeout, totalTimeout: timeout, maximumBytes: maximumBytes)
  }

  /// HTTP errors and media that are plainly not pages stop the transfer at the headers.
  @Sendable private static func refuseEarly(_ head: HTTPResponseHead) throws {
    if head.status >= 400 { throw FetchError.httpStatus(head.url, code: head.status) }
    if let type = head.value("Content-Type")?.lowercased(),
      ["application/pdf", "image/", "video/", "audio/"].contains(where: type.hasPrefix),
      let kind = ContentSniffer.nonHTMLKind(contentType: type, prefix: Data())
    {
      throw FetchError.notHTML(head.url, kind: kind)
    }
  }

  private func page(from response: HTTPGetResponse) throws -> FetchedPage {
    if (300..<400).contains(response.status) {
      throw FetchError.tooManyRedirects(response.url, limit: maximumRedirects)
    }
    let contentType = response.value("Content-Type")
    if let kind = ContentSniffer.nonHTMLKind(contentType: contentType, prefix: response.body) {
      throw FetchError.notHTML(response.url, kind: kind)
    }
    return FetchedPage(data: response.body, finalURL: response.url, contentType: contentType)
  }

  /// Maps a transfer error to what a person can act on.
  func fetchError(for error: HTTPTransferError) -> FetchError {
    switch error {
    case .unavailable(let url, let reason): .failed(url, reason: reason)
    case .unsupportedScheme(let url): .unsupportedScheme(url)
    case .cannotResolveHost(let url):
      .cannotConnect(url, reason: "the host name does not resolve")
    case .cannotConnect(let url): .cannotConnect(url, reason: "the connection was refused")
    case .connectionLost(let url):
      .cannotConnect(url, reason: "the network connection was lost")
    case .certificate(let url):
      .cannotConnect(url, reason: "the secure connection failed (certificate problem)")
    case .timedOut(let url): .timedOut(url, seconds: timeout)
    case .redirectLoop(let url): .redirectLoop(url)
    case .tooManyRedirects(let url): .tooManyRedirects(url, limit: maximumRedirects)
    case .tooLarge(let url): .tooLarge(url, limit: maximumBytes)
    case .failed(let url, let reason): .failed(url, reason: reason)
    }
  }
}
