import Foundation
import GRDB

extension AnnotationStore {
  /// The annotation with this UUID, deleted or not.
  public func annotation(uuid: String) throws -> Annotation? {
    try writer.read { db in
      try Annotation.filter(Annotation.Columns.uuid == uuid).fetchOne(db)
    }
  }

  /// The annotation a person named at the command line: its short number, its UUID, or
  /// the start of its UUID if only one starts so.
  public func annotation(named reference: String) throws -> Annotation {
    try writer.read { db in
      if let number = Int64(reference), let found = try Annotation.fetchOne(db, key: number) {
        return found
      }
      let matches = try Annotation.filter(
        Annotation.Columns.uuid.like("\(reference.lowercased())%")
      )
      .limit(2).fetchAll(db)
      switch matches.count {
      case 0: throw AnnotationError.notFound(reference)
      case 1: return matches[0]
      default:
        let count = try Annotation.filter(
          Annotation.Columns.uuid.like("\(reference.lowercased())%")
        ).fetchCount(db)
        throw AnnotationError.ambiguous(reference, matches: count)
      }
    }
  }

  /// An article's annotations in reading order (by start offset), for the reader to draw
  /// and for the `'` list. Orphans come last.
  public func annotations(articleUUID: String, includeDeleted: Bool = false) throws -> [Annotation]
  {
    try writer.read { db in
      var request = Annotation.filter(Annotation.Columns.articleUUID == articleUUID)
      if !includeDeleted { request = request.filter(Annotation.Columns.deletedAt == nil) }
      return try request.order(
        Annotation.Columns.orphaned, Annotation.Columns.startOffset, Annotation.Columns.endOffset,
        Annotation.Columns.id
      ).fetchAll(db)
    }
  }

  /// The annotations `filter` selects, newest first.
  public func annotations(_ filter: AnnotationFilter = AnnotationFilter()) throws -> [Annotation] {
    try writer.read { db in try Self.request(filter).fetchAll(db) }
  }

  /// The notebook: what `filter` selects, grouped by article, newest first (an article's
  /// group sits where its newest annotation would).
  public func notebook(_ filter: AnnotationFilter = AnnotationFilter()) throws
    -> [AnnotationGroup]
  {
    var groups: [AnnotationGroup] = []
    var index: [String: Int] = [:]
    for annotation in try annotations(filter) {
      if let position = index[annotation.articleUUID] {
        groups[position].annotations.append(annotation)
      } else {
        index[annotation.articleUUID] = groups.count
        groups.append(
          AnnotationGroup(articleUUID: annotation.articleUUID, annotations: [annotation]))
      }
    }
    return groups
  }

  /// Every tag in use on live annotations, sorted.
  public func allTags() throws -> [String] {
    try writer.read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT DISTINCT json_each.value FROM annotation, json_each(annotation.tags)
          WHERE annotation.deletedAt IS NULL ORDER BY json_each.value
          """)
    }
  }

  /// The request behind `annotations(_:)`, for a GRDB `ValueObservation` of the notebook.
  public static func request(_ filter: AnnotationFilter) -> QueryInterfaceRequest<Annotation> {
    var request = Annotation.all()
    if !filter.includeDeleted { request = request.filter(Annotation.Columns.deletedAt == nil) }
    if let article = filter.articleUUID {
      request = request.filter(Annotation.Columns.articleUUID == article)
    }
    if !filter.colors.isEmpty {
      request = request.filter(filter.colors.map(\.rawValue).contains(Annotation.Columns.color))
    }
    if !filter.kinds.isEmpty {
      request = request.filter(filter.kinds.map(\.rawValue).contains(Annotation.Columns.kind))
    }
    if filter.orphanedOnly { request = request.filter(Annotation.Columns.orphaned == true) }
    if let tag = filter.tag, !tag.isEmpty {
      request = request.filter(
        sql: "EXISTS (SELECT 1 FROM json_each(annotation.tags) WHERE json_each.value = ?)",
        arguments: [tag])
    }
    if let query = filter.ftsQuery {
      request = request.filter(
        sql: "annotation.id IN (SELECT rowid FROM annotationSearch WHERE annotationSearch MATCH ?)",
        arguments: [query])
    }
    return request.order(Annotation.Columns.createdAt.desc, Annotation.Columns.id.desc)
  }
}
