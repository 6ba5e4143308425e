import Foundation

/// One item (RSS) or entry (Atom, JSON Feed) of a feed.
public struct FeedItem: Hashable, Sendable {
  /// The guid (RSS), id (Atom, JSON Feed) or rdf:about (RSS 1.0).
  public var id: String?
  public var title: String?
  /// The item's web page, resolved against `xml:base` and the feed's URL.
  public var link: String?
  public var authors: [FeedPerson]
  public var published: Date?
  public var updated: Date?
  /// A short description or excerpt.
  public var summary: FeedText?
  /// The full body (`content:encoded`, Atom `content`, JSON `content_html`).
  public var content: FeedText?
  public var categories: [String]
  public var enclosures: [FeedEnclosure]
  /// The item's own picture where the feed names one apart from its enclosures:
  /// `media:thumbnail` (RSS, Atom) or JSON Feed's `image`.
  public var image: String?

  public init(
    id: String? = nil, title: String? = nil, link: String? = nil, authors: [FeedPerson] = [],
    published: Date? = nil, updated: Date? = nil, summary: FeedText? = nil,
    content: FeedText? = nil, categories: [String] = [], enclosures: [FeedEnclosure] = [],
    image: String? = nil
  ) {
    self.id = id
    self.title = title
    self.link = link
    self.authors = authors
    self.published = published
    self.updated = updated
    self.summary = summary
    self.content = content
    self.categories = categories
    self.enclosures = enclosures
    self.image = image
  }

  /// What identifies the item across updates: its id/guid, else its link.
  public var identity: String? {
    if let id, !id.isEmpty { return id }
    if let link, !link.isEmpty { return link }
    return nil
  }

  /// True when the feed carries only a summary: no full content, or content no longer
  /// than the summary.
  public var hasOnlySummary: Bool {
    guard let content, !content.value.isEmpty else { return true }
    return false
  }
}

/// A person named by a feed: an author or a contributor.
public struct FeedPerson: Hashable, Sendable {
  public var name: String?
  public var email: String?
  public var uri: String?

  public init(name: String? = nil, email: String? = nil, uri: String? = nil) {
    self.name = name
    self.email = email
    self.uri = uri
  }

  /// The name, else the email address.
  public var displayName: String? { name ?? email }
}

/// A text field and how to read it.
public struct FeedText: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable {
    case text
    case html
  }

  public var kind: Kind
  public var value: String

  public init(_ kind: Kind, _ value: String) {
    self.kind = kind
    self.value = value
  }
}

/// A file attached to an item: a podcast episode, an image, a video.
public struct FeedEnclosure: Hashable, Sendable {
  public var url: String
  public var type: String?
  public var length: Int64?

  public init(url: String, type: String? = nil, length: Int64? = nil) {
    self.url = url
    self.type = type
    self.length = length
  }
}
