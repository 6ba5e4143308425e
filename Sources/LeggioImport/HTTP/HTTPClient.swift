import Foundation

/// GET over http(s) through libcurl: redirects followed by hand (so a loop is named as
/// one and a redirect to another scheme refused), bodies decoded, limits on time and
/// size, and the head of the final answer inspected before its body is read.
public struct HTTPClient: Sendable {
  public var maximumRedirects: Int

  public init(maximumRedirects: Int = 10) {
    self.maximumRedirects = maximumRedirects
  }

  /// Fetches on the calling thread, which it blocks.
  /// - Parameter inspect: sees the final answer's status and headers; what it throws
  ///   stops the transfer and is thrown from here.
  public func get(
    _ request: HTTPGetRequest, inspect: @escaping (HTTPResponseHead) throws -> Void = { _ in },
    isCancelled: @escaping () -> Bool = { false }
  ) throws -> HTTPGetResponse {
    var hop = request
    var visited: Set<String> = [request.url.absoluteString]
    while true {
      try Self.requireWebScheme(hop.url)
      let transfer = CurlTransfer(request: hop, inspect: inspect, isCancelled: isCancelled)
      switch try transfer.perform() {
      case .answer(let response):
        return response
      case .redirect(let status, let next):
        // A 3xx without a usable Location is an answer in its own right.
        guard let next else {
          return HTTPGetResponse(
            head: HTTPResponseHead(url: hop.url, status: status, headers: [:]), body: Data())
        }
        if !visited.insert(next.absoluteString).inserted {
          throw HTTPTransferError.redirectLoop(request.url)
        }
        if visited.count > maximumRedirects + 1 {
          throw HTTPTransferError.tooManyRedirects(request.url)
        }
        try Self.requireWebScheme(next)
        hop.url = next
      }
    }
  }

  /// Fetches on a thread of its own, so a slow server never holds up Swift's small pool
  /// of cooperative threads; cancelling the task stops the transfer.
  public func get(
    _ request: HTTPGetRequest,
    inspect: @escaping @Sendable (HTTPResponseHead) throws -> Void = { _ in }
  ) async throws -> HTTPGetResponse {
    let cancelled = CancellationFlag()
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
          continuation.resume(
            with: Result {
              try self.get(request, inspect: inspect, isCancelled: { cancelled.isSet })
            })
        }
        thread.name = "leggio-http"
        thread.start()
      }
    } onCancel: {
      cancelled.set()
    }
  }

  private static func requireWebScheme(_ url: URL) throws {
    guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
      throw HTTPTransferError.unsupportedScheme(url)
    }
  }
}

/// Set once from any thread, read from the transfer's thread.
private final class CancellationFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false
  var isSet: Bool { lock.withLock { value } }
  func set() { lock.withLock { value = true } }
}
