/// Which annotations a list shows: the notebook's search-as-you-type and its filters.
public struct AnnotationFilter: Hashable, Sendable {
  /// Words to find in quotes, notes, bookmark names and tags, diacritics and case folded;
  /// the last word may be unfinished (`tene` finds `tenere`). Nil or blank for all.
  public var search: String?
  /// Only these colours; empty for any.
  public var colors: Set<AnnotationColor>
  /// Only annotations with this tag.
  public var tag: String?
  /// Only these kinds; empty for any.
  public var kinds: Set<Annotation.Kind>
  /// Only this article's annotations.
  public var articleUUID: String?
  /// Only annotations that could not be re-placed.
  public var orphanedOnly: Bool
  /// Tombstones too (for sync and exports of everything).
  public var includeDeleted: Bool

  public init(
    search: String? = nil, colors: Set<AnnotationColor> = [], tag: String? = nil,
    kinds: Set<Annotation.Kind> = [], articleUUID: String? = nil, orphanedOnly: Bool = false,
    includeDeleted: Bool = false
  ) {
    self.search = search
    self.colors = colors
    self.tag = tag
    self.kinds = kinds
    self.articleUUID = articleUUID
    self.orphanedOnly = orphanedOnly
    self.includeDeleted = includeDeleted
  }

  /// The FTS5 query for `search`: every word as a quoted prefix term, all required.
  var ftsQuery: String? {
    let words = (search ?? "").split(whereSeparator: { $0.isWhitespace || $0.isPunctuation })
    guard !words.isEmpty else { return nil }
    return words.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"*" }
      .joined(separator: " AND ")
  }
}

/// One article's annotations in the notebook.
public struct AnnotationGroup: Hashable, Sendable {
  public var articleUUID: String
  /// Newest first.
  public var annotations: [Annotation]

  public init(articleUUID: String, annotations: [Annotation]) {
    self.articleUUID = articleUUID
    self.annotations = annotations
  }
}
