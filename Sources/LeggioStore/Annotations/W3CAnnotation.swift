import Foundation
import LeggioModel

/// Annotations as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/),
/// which other annotation tools read: `TextQuoteSelector` and `TextPositionSelector`
/// on the article, the note as a commenting `TextualBody`, tags as tagging bodies.
///
/// What the model has no term for travels in `leggio:` properties (absolute IRIs, kept
/// by JSON-LD processors): the article's UUID, the text version's hash, the orphaned
/// flag and the colour (also given as a `styleClass` with a stylesheet).
enum W3CAnnotation {
  static let context = "http://www.w3.org/ns/anno.jsonld"

  static func motivation(_ kind: Annotation.Kind) -> String {
    switch kind {
    case .bookmark: "bookmarking"
    case .highlight: "highlighting"
    case .note: "commenting"
    }
  }

  static func styleClass(_ color: AnnotationColor) -> String { "leggio-color-\(color.rawValue)" }

  /// The CSS for the five colour classes, as the default theme draws them.
  static var stylesheet: [String: Any] {
    [
      "type": "CssStylesheet",
      "value": zip(AnnotationColor.all, ["#fce94f", "#8ae234", "#729fcf", "#f4a6c8", "#ad7fa8"])
        .map { ".\(styleClass($0)) { background-color: \($1); }" }.joined(separator: " "),
    ]
  }

  /// The annotation as a JSON-LD object.
  static func object(
    _ annotation: Annotation, articleSource: String?, articleIdentity: String? = nil
  ) -> [String: Any] {
    var bodies: [[String: Any]] = []
    if annotation.hasNote {
      bodies.append([
        "type": "TextualBody", "value": annotation.note, "format": "text/plain",
        "purpose": "commenting",
      ])
    }
    if let name = annotation.name {
      bodies.append(["type": "TextualBody", "value": name, "purpose": "describing"])
    }
    for tag in annotation.tags {
      bodies.append(["type": "TextualBody", "value": tag, "purpose": "tagging"])
    }
    let anchor = annotation.anchor
    var target: [String: Any] = [
      "type": "SpecificResource",
      "source": source(articleUUID: annotation.articleUUID, articleSource: articleSource),
      "selector": [
        [
          "type": "TextQuoteSelector", "exact": anchor.quote, "prefix": anchor.prefix,
          "suffix": anchor.suffix,
        ],
        ["type": "TextPositionSelector", "start": anchor.start, "end": anchor.end],
      ],
    ]
    var object: [String: Any] = [
      "@context": context,
      "id": "urn:uuid:\(annotation.uuid)",
      "type": "Annotation",
      "motivation": motivation(annotation.kind),
      "created": ExportFormatting.timestamp(annotation.createdAt),
      "modified": ExportFormatting.timestamp(annotation.updatedAt),
      "leggio:article": annotation.articleUUID,
      "leggio:textHash": anchor.textHash,
      "leggio:orphaned": annotation.isOrphaned,
    ]
    if let articleIdentity { object["leggio:identity"] = articleIdentity }
    if let color = annotation.color {
      target["styleClass"] = styleClass(color)
      object["stylesheet"] = stylesheet
      object["leggio:color"] = color.rawValue
    }
    object["target"] = target
    if !bodies.isEmpty { object["body"] = bodies }
    return object
  }

  /// The article's web address when it has one (so other tools find the page), else
  /// its UUID as a URN.
  static func source(articleUUID: String, articleSource: String?) -> String {
    if let source = articleSource, let scheme = URL(string: source)?.scheme?.lowercased(),
      scheme == "http" || scheme == "https"
    {
      return source
    }
    return "urn:uuid:\(articleUUID)"
  }

  /// A collection of every annotation of `articles`, in one page.
  static func collection(_ articles: [AnnotatedArticle], exportedAt: Date) -> [String: Any] {
    let items = articles.flatMap { article in
      article.annotations.map {
        object($0, articleSource: article.source, articleIdentity: article.identity)
      }
    }
    return [
      "@context": context,
      "id": "urn:uuid:\(UUIDv7.string(at: exportedAt))",
      "type": "AnnotationCollection",
      "label": "Leggio annotations",
      "total": items.count,
      "first": ["type": "AnnotationPage", "startIndex": 0, "items": items] as [String: Any],
    ]
  }
}
