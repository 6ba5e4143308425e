import Foundation

/// Why a feed could not be read, fetched or stored. Every message names the feed and
/// says what to do.
public enum FeedError: LocalizedError, Hashable, Sendable {
  /// The source had no bytes at all.
  case empty(source: String)
  /// The bytes are neither XML nor JSON.
  case notAFeed(source: String, startsWith: String)
  /// A web page where a feed was expected; `feedLinks` are the feeds it advertises.
  case htmlPage(source: String, feedLinks: [String])
  /// XML, but not RSS, Atom or RDF.
  case unknownXML(source: String, rootElement: String)
  /// JSON, but not a JSON Feed, or not valid JSON.
  case invalidJSON(source: String, detail: String)
  /// XML so broken that nothing could be read.
  case malformedXML(source: String, detail: String)
  /// Entity declarations that could expand without bound ("billion laughs").
  case entityExpansion(source: String, detail: String)
  /// The server answered with an error status.
  case httpStatus(url: String, status: Int)
  /// The network failed: unreachable host, refused connection, TLS error.
  case network(url: String, detail: String)
  /// No answer within the time allowed.
  case timedOut(url: String, seconds: Double)
  /// An OPML file that could not be read.
  case invalidOPML(source: String, detail: String)

  public var errorDescription: String? {
    switch self {
    case .empty(let source):
      "\(source) is empty: the server sent no feed. Check the URL in a browser."
    case .notAFeed(let source, let start):
      "\(source) is not a feed: it starts with “\(start)” rather than XML or JSON."
    case .htmlPage(let source, let links):
      links.isEmpty
        ? "\(source) is a web page, not a feed; look on the site for its RSS or Atom link."
        : "\(source) is a web page, not a feed; it points to: \(links.joined(separator: ", "))"
    case .unknownXML(let source, let root):
      "\(source) is XML but not a feed (its root element is <\(root)>, not rss, feed or RDF)."
    case .invalidJSON(let source, let detail):
      "\(source) is not a JSON Feed: \(detail)."
    case .malformedXML(let source, let detail):
      "\(source) is not well-formed XML and nothing could be read: \(detail)."
    case .entityExpansion(let source, let detail):
      "\(source) was refused: \(detail) (an entity expansion attack or a broken feed)."
    case .httpStatus(let url, let status):
      "\(url) answered HTTP \(status)\(Self.reason(status).isEmpty ? "" : " " + Self.reason(status)); check the feed's address."
    case .network(let url, let detail):
      "\(url) could not be reached: \(detail)."
    case .timedOut(let url, let seconds):
      "\(url) did not answer within \(Int(seconds)) seconds; try again later."
    case .invalidOPML(let source, let detail):
      "\(source) is not an OPML subscription list: \(detail)."
    }
  }

  private static func reason(_ status: Int) -> String {
    switch status {
    case 400: "(Bad Request)"
    case 401: "(Unauthorized)"
    case 403: "(Forbidden)"
    case 404: "(Not Found)"
    case 410: "(Gone)"
    case 429: "(Too Many Requests)"
    case 500: "(Internal Server Error)"
    case 502: "(Bad Gateway)"
    case 503: "(Service Unavailable)"
    default: ""
    }
  }
}
