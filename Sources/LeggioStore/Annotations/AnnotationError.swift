import Foundation

/// What can go wrong making, storing, exporting or importing annotations.
public enum AnnotationError: LocalizedError, Equatable {
  /// A passage or offset that is not inside the article's text.
  case rangeOutsideText(range: Range<Int>, length: Int)
  /// A colour outside the theme's five highlight colours.
  case invalidColor(Int)
  /// No annotation has this id.
  case notFound(String)
  /// An id prefix that more than one annotation shares.
  case ambiguous(String, matches: Int)
  /// The annotation's article is not in the library.
  case unknownArticle(String)
  /// An import file that is neither Leggio's JSON nor W3C Web Annotation JSON-LD.
  case unreadableImport(source: String, reason: String)
  /// The quote was not found in the article's text.
  case quoteNotFound(String, occurrence: Int)
  /// An annotation with this UUID is already in the library.
  case alreadyExists(String)
  /// A stored annotation of a kind this version does not know (written by a newer one).
  case unknownKind(String, uuid: String)

  public var errorDescription: String? {
    switch self {
    case .rangeOutsideText(let range, let length):
      "the passage \(range.lowerBound)..<\(range.upperBound) is not inside the article's text "
        + "(\(length) characters); choose a non-empty range from 0 to \(length)"
    case .invalidColor(let color):
      "\(color) is not a highlight colour; use 1, 2, 3, 4 or 5"
    case .notFound(let id):
      "no annotation has the id \(id); `leggio annotations` lists them"
    case .ambiguous(let id, let matches):
      "\(matches) annotations have ids starting with \(id); type more of the id"
    case .unknownArticle(let uuid):
      "the article \(uuid) is not in the library; import the article first"
    case .unreadableImport(let source, let reason):
      "\(source) is not a Leggio JSON or W3C Web Annotation file: \(reason)"
    case .quoteNotFound(let quote, let occurrence):
      occurrence > 1
        ? "the article does not contain «\(quote)» \(occurrence) times; check --occurrence"
        : "the article does not contain «\(quote)»; copy the passage exactly as it is written"
    case .alreadyExists(let uuid):
      "an annotation with the id \(uuid) is already in the library; edit it instead"
    case .unknownKind(let kind, let uuid):
      "annotation \(uuid) is a \(kind), which this version of Leggio does not know; update Leggio"
    }
  }
}
