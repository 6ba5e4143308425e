import CCurl
import Foundation

/// One request and its answer through a libcurl easy handle, on the calling thread.
/// Redirects are not followed here (``HTTPClient`` does that, to spot loops); the head
/// of each answer can be inspected before its body is read, so a refusal costs nothing.
final class CurlTransfer {
  private let request: HTTPGetRequest
  private let inspect: (HTTPResponseHead) throws -> Void
  private let isCancelled: () -> Bool

  private var status = 0
  private var headers: [String: String] = [:]
  private var body = Data()
  private var refusal: Error?
  private var idleSince = Date()
  private var timedOutIdle = false
  private var cancelled = false
  private var headInspected = false

  init(
    request: HTTPGetRequest, inspect: @escaping (HTTPResponseHead) throws -> Void,
    isCancelled: @escaping () -> Bool
  ) {
    self.request = request
    self.inspect = inspect
    self.isCancelled = isCancelled
  }

  /// What one hop ended with: an answer, or a redirect to follow.
  enum Outcome {
    case answer(HTTPGetResponse)
    case redirect(status: Int, to: URL?)
  }

  static func loadLibrary(for url: URL) throws {
    var message = [CChar](repeating: 0, count: 256)
    if leggio_curl_load(&message, message.count) != 0 {
      throw HTTPTransferError.unavailable(
        url,
        reason: String(
          decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
  }

  func perform() throws -> Outcome {
    try Self.loadLibrary(for: request.url)
    idleSince = Date()
    guard let handle = leggio_curl_easy_init() else {
      throw HTTPTransferError.failed(request.url, reason: "libcurl could not start a transfer")
    }
    defer { leggio_curl_easy_cleanup(handle) }
    var headerList: UnsafeMutableRawPointer?
    for (name, value) in request.headers {
      headerList = leggio_curl_slist_append(headerList, "\(name): \(value)")
    }
    defer { if let headerList { leggio_curl_slist_free_all(headerList) } }

    let url = request.url.absoluteString
    let context = Unmanaged.passUnretained(self).toOpaque()
    let code: Int32 = url.withCString { urlPointer in
      "".withCString { everyEncoding in
        leggio_curl_setopt_pointer(handle, Int32(LEGGIO_CURLOPT_URL), urlPointer)
        leggio_curl_setopt_long(handle, Int32(LEGGIO_CURLOPT_NOSIGNAL), 1)
        leggio_curl_setopt_long(
          handle, Int32(LEGGIO_CURLOPT_PROTOCOLS),
          LEGGIO_CURLPROTO_HTTP | LEGGIO_CURLPROTO_HTTPS)
        leggio_curl_setopt_long(handle, Int32(LEGGIO_CURLOPT_FOLLOWLOCATION), 0)
        // An empty string asks for every encoding this libcurl can decode.
        leggio_curl_setopt_pointer(handle, Int32(LEGGIO_CURLOPT_ACCEPT_ENCODING), everyEncoding)
        leggio_curl_setopt_pointer(handle, Int32(LEGGIO_CURLOPT_HTTPHEADER), headerList)
        leggio_curl_setopt_long(
          handle, Int32(LEGGIO_CURLOPT_CONNECTTIMEOUT_MS), Self.milliseconds(request.idleTimeout))
        leggio_curl_setopt_long(
          handle, Int32(LEGGIO_CURLOPT_TIMEOUT_MS), Self.milliseconds(request.totalTimeout))
        leggio_curl_setopt_data_callback(
          handle, Int32(LEGGIO_CURLOPT_HEADERFUNCTION), curlHeaderReceived)
        leggio_curl_setopt_pointer(handle, Int32(LEGGIO_CURLOPT_HEADERDATA), context)
        leggio_curl_setopt_data_callback(
          handle, Int32(LEGGIO_CURLOPT_WRITEFUNCTION), curlBodyReceived)
        leggio_curl_setopt_pointer(handle, Int32(LEGGIO_CURLOPT_WRITEDATA), context)
        leggio_curl_setopt_long(handle, Int32(LEGGIO_CURLOPT_NOPROGRESS), 0)
        leggio_curl_setopt_progress_callback(
          handle, Int32(LEGGIO_CURLOPT_XFERINFOFUNCTION), curlProgressed)
        leggio_curl_setopt_pointer(handle, Int32(LEGGIO_CURLOPT_XFERINFODATA), context)
        return leggio_curl_easy_perform(handle)
      }
    }
    if cancelled { throw CancellationError() }
    if let refusal { throw refusal }
    if timedOutIdle { throw HTTPTransferError.timedOut(request.url) }
    if code != LEGGIO_CURLE_OK { throw error(for: code, handle: handle) }

    if (300..<400).contains(status), status != 304 {
      var location: UnsafePointer<CChar>?
      leggio_curl_getinfo_string(handle, Int32(LEGGIO_CURLINFO_REDIRECT_URL), &location)
      return .redirect(status: status, to: location.flatMap { URL(string: String(cString: $0)) })
    }
    if !headInspected { try inspectHead() }
    return .answer(HTTPGetResponse(head: head, body: body))
  }

  private var head: HTTPResponseHead {
    HTTPResponseHead(url: request.url, status: status, headers: headers)
  }

  private static func milliseconds(_ seconds: TimeInterval) -> Int {
    max(1, Int((seconds * 1000).rounded()))
  }

  private func error(for code: Int32, handle: UnsafeMutableRawPointer) -> HTTPTransferError {
    let url = request.url
    switch Int(code) {
    case LEGGIO_CURLE_UNSUPPORTED_PROTOCOL: return .unsupportedScheme(url)
    case LEGGIO_CURLE_COULDNT_RESOLVE_HOST, LEGGIO_CURLE_COULDNT_RESOLVE_PROXY:
      return .cannotResolveHost(url)
    case LEGGIO_CURLE_COULDNT_CONNECT: return .cannotConnect(url)
    case LEGGIO_CURLE_OPERATION_TIMEDOUT: return .timedOut(url)
    case LEGGIO_CURLE_GOT_NOTHING, LEGGIO_CURLE_SEND_ERROR,
      LEGGIO_CURLE_RECV_ERROR:
      return .connectionLost(url)
    case LEGGIO_CURLE_SSL_CONNECT_ERROR, LEGGIO_CURLE_SSL_CERTPROBLEM,
      LEGGIO_CURLE_PEER_FAILED_VERIFICATION, LEGGIO_CURLE_SSL_CACERT_BADFILE:
      return .certificate(url)
    default:
      let reason = leggio_curl_strerror(code).map { String(cString: $0) } ?? "error \(code)"
      return .failed(url, reason: reason)
    }
  }

  private func inspectHead() throws {
    headInspected = true
    if let length = headers["content-length"].flatMap(Int.init), length > request.maximumBytes {
      throw HTTPTransferError.tooLarge(request.url)
    }
    try inspect(head)
  }

  // MARK: Callbacks from libcurl, on the thread that called perform.

  fileprivate func received(headerLine line: String) -> Bool {
    idleSince = Date()
    let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.hasPrefix("HTTP/") {
      // A new answer (after a 100 Continue, say): forget the previous one's headers.
      let fields = trimmed.split(separator: " ", maxSplits: 2)
      status = fields.count > 1 ? Int(fields[1]) ?? 0 : 0
      headers = [:]
    } else if let colon = trimmed.firstIndex(of: ":") {
      let name = trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
      let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      headers[name] = headers[name].map { "\($0), \(value)" } ?? value
    } else if trimmed.isEmpty, status >= 200, !(300..<400).contains(status) || status == 304 {
      do { try inspectHead() } catch {
        refusal = error
        return false
      }
    }
    return true
  }

  fileprivate func received(body chunk: UnsafeRawBufferPointer) -> Bool {
    idleSince = Date()
    if (300..<400).contains(status) { return true }  // A redirect's own page is not kept.
    if body.count + chunk.count > request.maximumBytes {
      refusal = HTTPTransferError.tooLarge(request.url)
      return false
    }
    body.append(contentsOf: chunk)
    return true
  }

  /// Called by libcurl about once a second when idle: stops a silent server and honours
  /// cancellation.
  fileprivate func progressed(downloaded: Int64) -> Bool {
    if isCancelled() {
      cancelled = true
      return false
    }
    if Date().timeIntervalSince(idleSince) > request.idleTimeout {
      timedOutIdle = true
      return false
    }
    return true
  }
}

private func curlHeaderReceived(
  _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
  _ context: UnsafeMutableRawPointer?
) -> Int {
  guard let data, let context else { return 0 }
  let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
  let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
  let line = String(decoding: bytes, as: UTF8.self)
  return transfer.received(headerLine: line) ? size * count : 0
}

private func curlBodyReceived(
  _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
  _ context: UnsafeMutableRawPointer?
) -> Int {
  guard let context else { return 0 }
  let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
  let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
  return transfer.received(body: bytes) ? size * count : 0
}

private func curlProgressed(
  _ context: UnsafeMutableRawPointer?, _ downloadTotal: Int64, _ downloaded: Int64,
  _ uploadTotal: Int64, _ uploaded: Int64
) -> Int32 {
  guard let context else { return 1 }
  let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
  return transfer.progressed(downloaded: downloaded) ? 0 : 1
}
