import Foundation

/// An article with its annotations, as exports need it: the library supplies the title,
/// source and date, the annotation store the annotations.
public struct AnnotatedArticle: Hashable, Sendable {
  public var uuid: String
  public var title: String
  /// Where it came from: a URL or a file path.
  public var source: String?
  public var published: Date?
  /// The identity another library computes alike, so an import there finds the article.
  public var identity: String?
  /// In the order they should be exported (reading order reads best).
  public var annotations: [Annotation]

  public init(
    uuid: String, title: String, source: String? = nil, published: Date? = nil,
    annotations: [Annotation], identity: String? = nil
  ) {
    self.uuid = uuid
    self.title = title
    self.source = source
    self.published = published
    self.annotations = annotations
    self.identity = identity
  }

  /// The link that opens the article in Leggio, at `offset` if given.
  public static func link(_ articleUUID: String, offset: Int? = nil) -> String {
    "leggio://article/\(articleUUID)" + (offset.map { "#\($0)" } ?? "")
  }
}
