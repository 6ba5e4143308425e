import Foundation
import LeggioModel

/// An article as annotating it needs: identity, what exports print, and the canonical
/// text of its current version with that version's content hash.
public struct AnnotationArticle: Hashable, Sendable {
  public var uuid: String
  public var title: String
  public var source: String?
  public var published: Date?
  /// The canonical text (`CanonicalText.text`) of the current version.
  public var text: String
  /// The content hash of that version, as the library stores it.
  public var textHash: String
  /// The identity another library computes alike (see `ArticleClue`), when known.
  public var identity: String?

  public init(
    uuid: String, title: String, source: String? = nil, published: Date? = nil, text: String,
    textHash: String, identity: String? = nil
  ) {
    self.uuid = uuid
    self.title = title
    self.source = source
    self.published = published
    self.text = text
    self.textHash = textHash
    self.identity = identity
  }
}

/// Where annotation commands and exports find articles; the library implements it.
public protocol AnnotationArticleSource: Sendable {
  /// The article with this UUID, nil if the library does not have it.
  func annotationArticle(uuid: String) throws -> AnnotationArticle?
  /// The UUID of the article saved from this address, for W3C imports from other tools.
  func articleUUID(forSource source: String) throws -> String?
}
