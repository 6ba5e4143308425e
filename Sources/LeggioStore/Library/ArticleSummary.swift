import Foundation
import LeggioModel

/// One row of the library list: what is shown without loading the article's text.
public struct ArticleSummary: Hashable, Sendable, Identifiable {
  /// The short numeric id people type at the command line.
  public var id: Int64
  /// The article's permanent identity (UUID v7).
  public var uuid: String
  public var title: String
  public var kicker: String?
  public var siteName: String?
  public var byline: String?
  public var published: Date?
  public var addedAt: Date
  /// How far the reader got, 0...1.
  public var progress: Double
  /// Never opened in the reader.
  public var isUnread: Bool
  public var tags: [String]
  public var words: Int
  /// Starred by the person (here or in the service it was imported from).
  public var isStarred: Bool
  /// Only its address is known yet: the page waits for `leggio fetch`.
  public var isPending: Bool

  public init(
    id: Int64, uuid: String, title: String, kicker: String? = nil, siteName: String? = nil,
    byline: String? = nil, published: Date? = nil, addedAt: Date, progress: Double = 0,
    isUnread: Bool = true, tags: [String] = [], words: Int = 0, isStarred: Bool = false,
    isPending: Bool = false
  ) {
    self.id = id
    self.uuid = uuid
    self.title = title
    self.kicker = kicker
    self.siteName = siteName
    self.byline = byline
    self.published = published
    self.addedAt = addedAt
    self.progress = progress
    self.isUnread = isUnread
    self.tags = tags
    self.words = words
    self.isStarred = isStarred
    self.isPending = isPending
  }
}

/// The order of the library list.
public enum ArticleSort: String, CaseIterable, Codable, Hashable, Sendable {
  /// Newest added first.
  case added
  /// Newest published first; articles without a date last.
  case published
  /// Alphabetical, case- and accent-insensitive.
  case title
  /// Least read first.
  case progress
}

/// Which articles the list shows, in which order.
public struct ArticleQuery: Hashable, Sendable {
  /// Full-text query over title, byline and text (diacritics folded); nil or empty for all.
  public var search: String?
  public var tag: String?
  public var unreadOnly: Bool
  /// Only starred articles.
  public var starredOnly: Bool
  /// Only articles waiting for their page (`leggio fetch`).
  public var pendingOnly: Bool
  public var sort: ArticleSort
  /// Only the articles that items of this feed became (`leggio feeds list` ids).
  public var feedID: Int64?

  public init(
    search: String? = nil, tag: String? = nil, unreadOnly: Bool = false, sort: ArticleSort = .added,
    feedID: Int64? = nil, starredOnly: Bool = false, pendingOnly: Bool = false
  ) {
    self.search = search
    self.tag = tag
    self.unreadOnly = unreadOnly
    self.starredOnly = starredOnly
    self.pendingOnly = pendingOnly
    self.sort = sort
    self.feedID = feedID
  }
}

/// An article loaded for reading.
public struct StoredArticle: Hashable, Sendable {
  public var summary: ArticleSummary
  public var metadata: ArticleMetadata
  public var document: Document
  /// This device's saved reading position, a canonical-text scalar offset.
  public var readingOffset: Int?
  /// A book's table of contents and facts; nil for an article.
  public var contents: BookContents?
  /// The pictures kept with the article, by their address in the document; filled by
  /// the reader when it shows pictures (`Library.images(ofArticle:)`), else empty.
  public var images: [String: KeptImage] = [:]

  public init(
    summary: ArticleSummary, metadata: ArticleMetadata, document: Document, readingOffset: Int?,
    contents: BookContents? = nil
  ) {
    self.summary = summary
    self.metadata = metadata
    self.document = document
    self.readingOffset = readingOffset
    self.contents = contents
  }
}

/// The library's counts for the list header.
public struct LibraryCounts: Hashable, Sendable {
  public var total: Int
  public var unread: Int

  public init(total: Int, unread: Int) {
    self.total = total
    self.unread = unread
  }
}
