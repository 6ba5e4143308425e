import Foundation

/// What is known about an article besides its body.
public struct ArticleMetadata: Codable, Hashable, Sendable {
  /// The headline.
  public var title: String
  /// The section label printed above the headline ("Relazioni strategiche").
  public var kicker: String?
  /// The lede printed under the headline.
  public var standfirst: String?
  public var byline: String?
  /// When the article was published, if the source says.
  public var published: Date?
  /// The dateline exactly as the source printed it.
  public var dateline: String?
  public var imageCredit: String?
  /// A BCP 47 language tag such as "it" or "en", if known or detected.
  public var language: String?
  /// Where the article came from: a file path or a URL.
  public var source: String?
  public var siteName: String?
  public var tags: [String]

  public init(
    title: String,
    kicker: String? = nil,
    standfirst: String? = nil,
    byline: String? = nil,
    published: Date? = nil,
    dateline: String? = nil,
    imageCredit: String? = nil,
    language: String? = nil,
    source: String? = nil,
    siteName: String? = nil,
    tags: [String] = []
  ) {
    self.title = title
    self.kicker = kicker
    self.standfirst = standfirst
    self.byline = byline
    self.published = published
    self.dateline = dateline
    self.imageCredit = imageCredit
    self.language = language
    self.source = source
    self.siteName = siteName
    self.tags = tags
  }
}

/// What an importer produces: the article's metadata and its body.
public struct ImportedArticle: Hashable, Sendable {
  public var metadata: ArticleMetadata
  public var document: Document
  /// Problems that did not stop the import ("no article found, kept the best text").
  public var warnings: [String]
  /// The page's bytes as fetched or read, for web pages; the library keeps them.
  public var originalHTML: Data?
  /// A book's table of contents and facts (EPUB); nil for articles.
  public var contents: BookContents?
  /// The article's pictures, kept with it (empty when none were fetched or read).
  public var images: [KeptImage] = []

  public init(
    metadata: ArticleMetadata, document: Document, warnings: [String] = [],
    originalHTML: Data? = nil, contents: BookContents? = nil
  ) {
    self.metadata = metadata
    self.document = document
    self.warnings = warnings
    self.originalHTML = originalHTML
    self.contents = contents
  }
}
