import Foundation

/// One saved item of a read-it-later service's or a browser's export: what the service
/// knew about it, and its text when the export holds it.
public struct ExportedItem: Hashable, Sendable {
  /// Where in the export the item was ("line 4", "entry 3", "content/slug.html"), for
  /// messages about it.
  public var entry: String
  public var url: String
  /// The title the service kept; nil or empty when it had none.
  public var title: String?
  public var author: String?
  /// When the person saved it.
  public var savedAt: Date?
  public var publishedAt: Date?
  public var tags: [String]
  /// The service's folder or list ("Bookmarks bar/Misc" for nested bookmark folders).
  public var folder: String?
  /// Read, or moved to the archive (both mean "done" in these services).
  public var isArchived: Bool
  public var isStarred: Bool
  /// The article's HTML, when the export carries it (wallabag, Omnivore).
  public var html: String?
  public var highlights: [ExportedHighlight]

  public init(
    entry: String, url: String, title: String? = nil, author: String? = nil,
    savedAt: Date? = nil, publishedAt: Date? = nil, tags: [String] = [], folder: String? = nil,
    isArchived: Bool = false, isStarred: Bool = false, html: String? = nil,
    highlights: [ExportedHighlight] = []
  ) {
    self.entry = entry
    self.url = url
    self.title = title
    self.author = author
    self.savedAt = savedAt
    self.publishedAt = publishedAt
    self.tags = tags
    self.folder = folder
    self.isArchived = isArchived
    self.isStarred = isStarred
    self.html = html
    self.highlights = highlights
  }
}

/// A highlighted passage from an export, placed later by its quote.
public struct ExportedHighlight: Hashable, Sendable {
  public var quote: String
  public var note: String
  /// 1–5 when the service named a colour Leggio has, else nil (the first colour).
  public var color: Int?
  public var createdAt: Date?

  public init(quote: String, note: String = "", color: Int? = nil, createdAt: Date? = nil) {
    self.quote = quote
    self.note = note
    self.color = color
    self.createdAt = createdAt
  }

  /// Leggio's colour (the default theme's yellow, green, blue, pink, purple) for a
  /// service's colour name; nil for others.
  public static func color(named name: String?) -> Int? {
    switch name?.lowercased().trimmingCharacters(in: .whitespaces) {
    case "yellow", "orange": 1
    case "green": 2
    case "blue": 3
    case "pink", "red": 4
    case "purple": 5
    default: nil
    }
  }
}

/// Highlights that name their article by title and author rather than URL (Readwise):
/// matched to an item of the same export, else to an article of the library.
public struct DetachedHighlight: Hashable, Sendable {
  public var entry: String
  public var title: String
  public var author: String?
  public var highlight: ExportedHighlight

  public init(entry: String, title: String, author: String?, highlight: ExportedHighlight) {
    self.entry = entry
    self.title = title
    self.author = author
    self.highlight = highlight
  }
}

/// An entry of an export that could not be read; the others still are.
public struct ExportProblem: Hashable, Sendable, CustomStringConvertible {
  public var entry: String
  public var reason: String

  public init(entry: String, reason: String) {
    self.entry = entry
    self.reason = reason
  }

  public var description: String { "\(entry): \(reason)" }
}

/// What reading an export gave: its items, highlights still to be matched to an article,
/// and the entries that could not be read.
public struct ExportContents: Hashable, Sendable {
  public var format: ExportFormat
  public var items: [ExportedItem]
  public var detachedHighlights: [DetachedHighlight]
  public var problems: [ExportProblem]

  public init(
    format: ExportFormat, items: [ExportedItem] = [], detachedHighlights: [DetachedHighlight] = [],
    problems: [ExportProblem] = []
  ) {
    self.format = format
    self.items = items
    self.detachedHighlights = detachedHighlights
    self.problems = problems
  }

  mutating func append(_ other: ExportContents) {
    items += other.items
    detachedHighlights += other.detachedHighlights
    problems += other.problems
  }
}
