import Foundation

/// One annotation as Leggio's JSON writes it: the fields of `leggio annotations --json`
/// (`id`, `articleId`, `kind`, `start`, `end`, `quote`, `prefix`, `suffix`, `note`,
/// `color`, `orphaned`, `createdAt`, `updatedAt`) and the rest of the model (`name`,
/// `tags`, `textHash`, `deletedAt`), so that a round trip loses nothing.
/// `id` and `articleId` are UUIDs; dates are ISO 8601 in UTC with milliseconds.
public struct AnnotationJSON: Codable, Hashable, Sendable {
  public var id: String
  public var articleId: String
  public var kind: Annotation.Kind
  public var start: Int
  public var end: Int
  public var quote: String
  public var prefix: String
  public var suffix: String
  public var note: String
  public var color: Int?
  public var orphaned: Bool
  public var createdAt: String
  public var updatedAt: String
  public var name: String?
  public var tags: [String]?
  public var textHash: String?
  public var deletedAt: String?

  public init(_ annotation: Annotation) {
    id = annotation.uuid
    articleId = annotation.articleUUID
    kind = annotation.kind
    start = annotation.anchor.start
    end = annotation.anchor.end
    quote = annotation.anchor.quote
    prefix = annotation.anchor.prefix
    suffix = annotation.anchor.suffix
    note = annotation.note
    color = annotation.color?.rawValue
    orphaned = annotation.isOrphaned
    createdAt = ExportFormatting.timestamp(annotation.createdAt)
    updatedAt = ExportFormatting.timestamp(annotation.updatedAt)
    name = annotation.name
    tags = annotation.tags
    textHash = annotation.anchor.textHash
    deletedAt = annotation.deletedAt.map(ExportFormatting.timestamp)
  }

  /// Back to the model; `source` names the file in errors.
  public func annotation(source: String) throws -> Annotation {
    func date(_ text: String, _ field: String) throws -> Date {
      guard let date = ExportFormatting.date(text) else {
        throw AnnotationError.unreadableImport(
          source: source, reason: "annotation \(id) has a \(field) that is not an ISO 8601 date")
      }
      return date
    }
    guard UUID(uuidString: id) != nil else {
      throw AnnotationError.unreadableImport(
        source: source, reason: "the annotation id \(id) is not a UUID")
    }
    guard start >= 0, end > start else {
      throw AnnotationError.unreadableImport(
        source: source, reason: "annotation \(id) has the empty or reversed range \(start)–\(end)")
    }
    let color = try self.color.map(AnnotationColor.checked)
    return Annotation(
      uuid: id.lowercased(), articleUUID: articleId, kind: kind,
      anchor: TextAnchor(
        start: start, end: end, quote: quote, prefix: prefix, suffix: suffix,
        textHash: textHash ?? ""),
      note: note, color: color, name: name, tags: tags ?? [], isOrphaned: orphaned,
      createdAt: try date(createdAt, "createdAt"), updatedAt: try date(updatedAt, "updatedAt"),
      deletedAt: try deletedAt.map { try date($0, "deletedAt") })
  }

  /// Writes every field of the `--json` shape, `color` as null for a bookmark; the
  /// model's other fields only when they have a value.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(articleId, forKey: .articleId)
    try container.encode(kind, forKey: .kind)
    try container.encode(start, forKey: .start)
    try container.encode(end, forKey: .end)
    try container.encode(quote, forKey: .quote)
    try container.encode(prefix, forKey: .prefix)
    try container.encode(suffix, forKey: .suffix)
    try container.encode(note, forKey: .note)
    try container.encode(color, forKey: .color)
    try container.encode(orphaned, forKey: .orphaned)
    try container.encode(createdAt, forKey: .createdAt)
    try container.encode(updatedAt, forKey: .updatedAt)
    try container.encodeIfPresent(name, forKey: .name)
    try container.encodeIfPresent(tags, forKey: .tags)
    try container.encodeIfPresent(textHash, forKey: .textHash)
    try container.encodeIfPresent(deletedAt, forKey: .deletedAt)
  }

  /// The encoder every Leggio JSON output uses: stable key order, readable.
  public static func makeEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  /// `leggio annotations --json`: an array of annotation objects.
  public static func encode(_ annotations: [Annotation]) throws -> Data {
    try makeEncoder().encode(annotations.map(AnnotationJSON.init))
  }
}

/// A whole Leggio JSON export: the articles with their annotations.
public struct AnnotationJSONDocument: Codable, Hashable, Sendable {
  public static let formatName = "leggio-annotations"

  public struct Article: Codable, Hashable, Sendable {
    public var id: String
    public var title: String
    public var source: String?
    public var published: String?
    /// The identity another library computes alike (absent in files of older Leggios).
    public var identity: String?
    public var annotations: [AnnotationJSON]
  }

  public var format: String
  public var version: Int
  public var exportedAt: String
  public var articles: [Article]

  public init(_ articles: [AnnotatedArticle], exportedAt: Date) {
    format = Self.formatName
    version = 1
    self.exportedAt = ExportFormatting.timestamp(exportedAt)
    self.articles = articles.map { article in
      Article(
        id: article.uuid, title: article.title, source: article.source,
        published: article.published.map(ExportFormatting.timestamp),
        identity: article.identity, annotations: article.annotations.map(AnnotationJSON.init))
    }
  }
}
