import Foundation

/// A GET request as Leggio makes it: headers, a time limit and a size limit.
public struct HTTPGetRequest: Sendable {
  public var url: URL
  /// Sent as given; libcurl adds Host and Accept-Encoding (it decodes what it advertises).
  public var headers: [(name: String, value: String)]
  /// The longest the server may stay silent, and the longest connecting may take.
  public var idleTimeout: TimeInterval
  /// The longest one request (one hop of a redirect chain) may take in all.
  public var totalTimeout: TimeInterval
  /// Bodies larger than this are refused, whether announced or streamed.
  public var maximumBytes: Int

  public init(
    url: URL, headers: [(name: String, value: String)] = [], idleTimeout: TimeInterval = 20,
    totalTimeout: TimeInterval? = nil, maximumBytes: Int = 20 << 20
  ) {
    self.url = url
    self.headers = headers
    self.idleTimeout = idleTimeout
    self.totalTimeout = totalTimeout ?? idleTimeout
    self.maximumBytes = maximumBytes
  }
}

/// The status line and headers of an answer, before its body.
public struct HTTPResponseHead: Sendable {
  public var url: URL
  public var status: Int
  /// Lowercased names; repeated headers are joined with ", ".
  public var headers: [String: String]

  public func value(_ name: String) -> String? { headers[name.lowercased()] }
}

/// A complete answer: the last hop's head and its decoded body.
public struct HTTPGetResponse: Sendable {
  public var head: HTTPResponseHead
  public var body: Data

  public var url: URL { head.url }
  public var status: Int { head.status }
  public func value(_ name: String) -> String? { head.value(name) }
}
