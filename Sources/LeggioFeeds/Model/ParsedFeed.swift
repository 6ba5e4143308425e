import Foundation

/// The feed formats Leggio reads.
public enum FeedFormat: String, Codable, Hashable, Sendable {
  case rss090 = "RSS 0.90"
  case rss091 = "RSS 0.91"
  case rss092 = "RSS 0.92"
  case rss093 = "RSS 0.93"
  case rss094 = "RSS 0.94"
  case rss10 = "RSS 1.0"
  case rss20 = "RSS 2.0"
  case atom03 = "Atom 0.3"
  case atom10 = "Atom 1.0"
  case json10 = "JSON Feed 1.0"
  case json11 = "JSON Feed 1.1"
}

/// A feed as read from its bytes, before anything is stored. Every string is free of
/// control characters; every link is absolute when the feed or its URL allows it.
public struct ParsedFeed: Hashable, Sendable {
  public var format: FeedFormat
  public var title: String?
  /// The web site the feed belongs to (not the feed's own URL).
  public var link: String?
  /// The feed's subtitle or description, as plain text or HTML as the feed gave it.
  public var subtitle: String?
  public var language: String?
  public var authors: [FeedPerson]
  public var updated: Date?
  public var items: [FeedItem]
  /// Problems that did not stop the parse ("recovered from malformed XML at line 12").
  public var warnings: [String]

  public init(
    format: FeedFormat, title: String? = nil, link: String? = nil, subtitle: String? = nil,
    language: String? = nil, authors: [FeedPerson] = [], updated: Date? = nil,
    items: [FeedItem] = [], warnings: [String] = []
  ) {
    self.format = format
    self.title = title
    self.link = link
    self.subtitle = subtitle
    self.language = language
    self.authors = authors
    self.updated = updated
    self.items = items
    self.warnings = warnings
  }
}
