import Foundation
import GRDB
import LeggioModel

/// A subscription as stored.
public struct FeedRecord: Codable, Hashable, Sendable, Identifiable {
  public var id: Int64?
  public var uuid: UUID
  public var url: String
  public var title: String?
  public var siteURL: String?
  public var tags: [String]
  /// Fetch and extract each item's web page when the feed carries only summaries.
  public var full: Bool
  public var etag: String?
  public var lastModified: String?
  /// When the feed was last fetched successfully (a 304 counts).
  public var lastUpdated: Date?
  /// Why the last update failed; nil when it succeeded.
  public var lastError: String?
  public var createdAt: Date
  public var updatedAt: Date
  public var deletedAt: Date?

  public init(url: String, tags: [String] = [], full: Bool = false, now: Date = Date()) {
    self.uuid = UUIDv7.make(at: now)
    self.url = url
    self.tags = tags
    self.full = full
    self.createdAt = now
    self.updatedAt = now
  }

  /// The title to show: the feed's own, else its URL.
  public var displayTitle: String { title ?? url }
}

extension FeedRecord: FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "feeds"
  public static let items = hasMany(FeedItemRecord.self)

  public enum Columns {
    public static let id = Column(CodingKeys.id)
    public static let url = Column(CodingKeys.url)
    public static let deletedAt = Column(CodingKeys.deletedAt)
  }

  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

  /// Dates read and written as GRDB would, without its calendar and DateFormatter
  /// (`DatabaseDate`): every update reads and writes its feeds, and their first use
  /// loaded ICU's calendars and time zones, megabytes more at the peak.
  public static func databaseDateDecodingStrategy(for column: String)
    -> DatabaseDateDecodingStrategy
  {
    .custom { DatabaseDate.date($0) }
  }

  public static func databaseDateEncodingStrategy(for column: String)
    -> DatabaseDateEncodingStrategy
  {
    .custom { DatabaseDate.value($0) }
  }
}

/// One item of a feed as stored: what it is, and which article it became. Its title,
/// link and date are stored only where they differ from its article's (`FeedItemRepeats`).
public struct FeedItemRecord: Codable, Hashable, Sendable, Identifiable {
  public var id: Int64?
  public var feedId: Int64
  public var identity: String
  public var link: String?
  public var title: String?
  public var published: Date?
  public var articleID: Int64?
  public var createdAt: Date

  public init(
    feedId: Int64, identity: String, link: String?, title: String?, published: Date?,
    articleID: Int64?, now: Date = Date()
  ) {
    self.feedId = feedId
    self.identity = identity
    self.link = link
    self.title = title
    self.published = published
    self.articleID = articleID
    self.createdAt = now
  }
}

extension FeedItemRecord: FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "feed_items"
  public static let feed = belongsTo(FeedRecord.self)

  public enum Columns {
    public static let feedId = Column(CodingKeys.feedId)
    public static let identity = Column(CodingKeys.identity)
    public static let articleID = Column(CodingKeys.articleID)
  }

  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
