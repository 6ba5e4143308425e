import Foundation
import LeggioModel

/// A bookmark, highlight or note on a passage of an article. Plain value; the database
/// conformances live in `Annotation+Persistence.swift`, the writes in `AnnotationStore`.
public struct Annotation: Codable, Hashable, Sendable, Identifiable {
  public enum Kind: String, Codable, CaseIterable, Hashable, Sendable {
    /// A place to come back to (`m`); its anchor covers the first words there.
    case bookmark
    /// A marked passage (`h`), in one of five colours.
    case highlight
    /// A passage with a note attached (`a`).
    case note
  }

  /// Local short number for people at the command line; nil until stored. Never exported:
  /// what links records is `uuid`.
  public var id: Int64?
  /// Permanent identity, a UUID v7.
  public var uuid: String
  /// The UUID of the article it belongs to.
  public var articleUUID: String
  public var kind: Kind
  public var anchor: TextAnchor
  /// The note's text; empty when there is none.
  public var note: String
  /// The highlight colour; nil for bookmarks.
  public var color: AnnotationColor?
  /// A bookmark's optional name.
  public var name: String?
  public var tags: [String]
  /// The passage could not be found in the article's current text; the anchor is the
  /// last place it was known.
  public var isOrphaned: Bool
  public var createdAt: Date
  public var updatedAt: Date
  /// Set when deleted: the row stays as a tombstone, so a delete can be undone and synced.
  public var deletedAt: Date?

  public init(
    id: Int64? = nil, uuid: String = UUIDv7.string(), articleUUID: String, kind: Kind,
    anchor: TextAnchor, note: String = "", color: AnnotationColor? = nil, name: String? = nil,
    tags: [String] = [], isOrphaned: Bool = false, createdAt: Date = Date(),
    updatedAt: Date? = nil, deletedAt: Date? = nil
  ) {
    self.id = id
    self.uuid = uuid
    self.articleUUID = articleUUID
    self.kind = kind
    self.anchor = anchor
    self.note = note
    self.color = color ?? (kind == .bookmark ? nil : .first)
    self.name = name
    self.tags = tags
    self.isOrphaned = isOrphaned
    self.createdAt = createdAt.roundedToMilliseconds
    self.updatedAt = (updatedAt ?? createdAt).roundedToMilliseconds
    self.deletedAt = deletedAt?.roundedToMilliseconds
  }

  public var isDeleted: Bool { deletedAt != nil }
  public var hasNote: Bool { !note.isEmpty }
}

extension Date {
  /// This date to the millisecond: what the database and the exports keep, so a round
  /// trip gives back equal values.
  public var roundedToMilliseconds: Date {
    Date(timeIntervalSince1970: (timeIntervalSince1970 * 1000).rounded() / 1000)
  }
}
