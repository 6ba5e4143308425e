import Foundation
import LeggioModel

extension AnnotationStore {
  /// Highlights the `occurrence`th (from 1) `quote` in `article`, as a note when `note` is
  /// not empty: what `leggio annotate ID --quote TEXT` does.
  @discardableResult
  public func annotate(
    _ article: AnnotationArticle, quote: String, occurrence: Int = 1, note: String = "",
    color: AnnotationColor = .first, tags: [String] = [], now: Date = Date()
  ) throws -> Annotation {
    let text = ScalarText(article.text)
    let found = text.occurrences(of: quote.scalarValues)
    guard !quote.isEmpty, occurrence >= 1, occurrence <= found.count else {
      throw AnnotationError.quoteNotFound(quote, occurrence: occurrence)
    }
    let start = found[occurrence - 1]
    let range = start..<start + quote.unicodeScalars.count
    return try add(
      Annotation(
        uuid: UUIDv7.string(at: now), articleUUID: article.uuid,
        kind: note.isEmpty ? .highlight : .note,
        anchor: try TextAnchor.make(in: text, range: range, textHash: article.textHash),
        note: note, color: color, tags: tags, createdAt: now))
  }

  /// Bookmarks `article` at `offset` (the first character on the page), with an optional
  /// name: what `m` in the reader and `leggio bookmark ID --offset N` do.
  @discardableResult
  public func bookmark(
    _ article: AnnotationArticle, offset: Int, name: String? = nil, now: Date = Date()
  ) throws -> Annotation {
    let anchor = try TextAnchor.bookmark(in: article.text, at: offset, textHash: article.textHash)
    return try add(
      Annotation(
        uuid: UUIDv7.string(at: now), articleUUID: article.uuid, kind: .bookmark,
        anchor: anchor, name: name?.isEmpty == true ? nil : name, createdAt: now))
  }

  /// The articles with annotations that `filter` selects, ready to export: in the
  /// notebook's order (newest first), each article's annotations in reading order.
  /// Articles the library no longer has are exported under their UUID.
  public func annotatedArticles(
    _ filter: AnnotationFilter = AnnotationFilter(), from articles: any AnnotationArticleSource
  ) throws -> [AnnotatedArticle] {
    try notebook(filter).map { group in
      let article = try articles.annotationArticle(uuid: group.articleUUID)
      return AnnotatedArticle(
        uuid: group.articleUUID, title: article?.title ?? group.articleUUID,
        source: article?.source, published: article?.published,
        annotations: group.annotations.sorted {
          ($0.anchor.start, $0.anchor.end, $0.uuid) < ($1.anchor.start, $1.anchor.end, $1.uuid)
        }, identity: article?.identity)
    }
  }
}
