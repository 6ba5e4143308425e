import Foundation

/// The formats `leggio export --format` writes.
public enum AnnotationExportFormat: String, CaseIterable, Sendable {
  /// For notes apps: per article a heading, its source and date, each quote as a block
  /// quote with its note and colour, and a `leggio://` link back.
  case markdown
  /// Leggio's own model, every field (`AnnotationJSONDocument`).
  case json
  /// W3C Web Annotation JSON-LD, an `AnnotationCollection`.
  case w3c

  /// The usual file extension.
  public var fileExtension: String {
    switch self {
    case .markdown: "md"
    case .json: "json"
    case .w3c: "jsonld"
    }
  }
}

/// Writes annotations out for notes apps, for Leggio itself and for other tools.
public struct AnnotationExporter: Sendable {
  /// The export's own timestamp.
  public var now: Date

  public init(now: Date = Date()) {
    self.now = now
  }

  /// `articles` in `format`, as UTF-8.
  public func export(_ articles: [AnnotatedArticle], as format: AnnotationExportFormat) throws
    -> Data
  {
    switch format {
    case .markdown: Data(markdown(articles).utf8)
    case .json: try json(articles)
    case .w3c: try w3c(articles)
    }
  }

  /// Leggio's JSON: `{"format": "leggio-annotations", "version": 1, "articles": [...]}`.
  public func json(_ articles: [AnnotatedArticle]) throws -> Data {
    try AnnotationJSON.makeEncoder().encode(AnnotationJSONDocument(articles, exportedAt: now))
  }

  /// W3C Web Annotation JSON-LD: one `AnnotationCollection` holding every annotation.
  public func w3c(_ articles: [AnnotatedArticle]) throws -> Data {
    try JSONSerialization.data(
      withJSONObject: W3CAnnotation.collection(articles, exportedAt: now),
      options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
  }
}
