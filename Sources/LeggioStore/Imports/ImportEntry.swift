import Foundation
import LeggioModel

/// One item of another service's export, ready for the library: its address and what
/// the service knew, with its text when the export held it.
public struct ImportEntry: Sendable {
  /// Where in the export it was, for messages.
  public var entry: String
  public var url: String
  public var title: String?
  public var byline: String?
  public var published: Date?
  public var savedAt: Date?
  public var tags: [String]
  public var folder: String?
  public var isArchived: Bool
  public var isStarred: Bool
  /// The article's text; nil when only the address is known (the article waits for
  /// `leggio fetch`).
  public var article: ImportedArticle?
  public var highlights: [ImportHighlight]

  public init(
    entry: String, url: String, title: String? = nil, byline: String? = nil,
    published: Date? = nil, savedAt: Date? = nil, tags: [String] = [], folder: String? = nil,
    isArchived: Bool = false, isStarred: Bool = false, article: ImportedArticle? = nil,
    highlights: [ImportHighlight] = []
  ) {
    self.entry = entry
    self.url = url
    self.title = title
    self.byline = byline
    self.published = published
    self.savedAt = savedAt
    self.tags = tags
    self.folder = folder
    self.isArchived = isArchived
    self.isStarred = isStarred
    self.article = article
    self.highlights = highlights
  }
}

/// A highlight from an export, found in the article's text by its quote.
public struct ImportHighlight: Hashable, Sendable {
  public var quote: String
  public var note: String
  public var color: AnnotationColor?
  public var createdAt: Date?

  public init(
    quote: String, note: String = "", color: AnnotationColor? = nil, createdAt: Date? = nil
  ) {
    self.quote = quote
    self.note = note
    self.color = color
    self.createdAt = createdAt
  }
}

/// What importing one entry did.
public enum ImportOutcome: Hashable, Sendable {
  /// A new article with its text.
  case added(Int64)
  /// A new article waiting for its page to be fetched.
  case pending(Int64)
  /// An article already in the library got tags, state or highlights from the entry.
  case merged(Int64)
  /// An article already in the library had everything the entry says.
  case alreadyThere(Int64)

  public var id: Int64 {
    switch self {
    case .added(let id), .pending(let id), .merged(let id), .alreadyThere(let id): id
    }
  }
}

/// Why an entry could not be imported.
public enum ImportEntryError: LocalizedError, Equatable, Sendable {
  case noAddress(String)
  /// An address whose page cannot be fetched (`ftp:`), with no text in the export.
  case notFetchable(String)

  public var errorDescription: String? {
    switch self {
    case .noAddress(let url): "\"\(url)\" is not a web address Leggio can keep"
    case .notFetchable(let url):
      "\(url) cannot be fetched (only http and https pages can) and the export has no text for it"
    }
  }
}
