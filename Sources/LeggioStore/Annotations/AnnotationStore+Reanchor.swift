import Foundation
import GRDB

/// What re-anchoring an article's annotations did, for the import to report.
public struct ReanchorReport: Hashable, Sendable {
  public var exact = 0
  public var moved = 0
  public var fuzzy = 0
  public var orphaned = 0
  /// Annotations already anchored on this text version, left as they were.
  public var unchanged = 0

  public init() {}

  public var total: Int { exact + moved + fuzzy + orphaned + unchanged }

  mutating func count(_ placement: Placement) {
    switch placement {
    case .exact: exact += 1
    case .moved: moved += 1
    case .fuzzy: fuzzy += 1
    case .orphaned: orphaned += 1
    }
  }
}

extension AnnotationStore {
  /// Re-places every annotation of an article (tombstones too, so an undone delete lands
  /// in the right place) on its new text version, in one transaction. An annotation that
  /// cannot be placed keeps its old anchor and is marked orphaned; it is tried again on
  /// the next version.
  @discardableResult
  public func reanchorAll(articleUUID: String, newText: String, newHash: String) throws
    -> ReanchorReport
  {
    try transaction { db in
      try Self.reanchorAll(db, articleUUID: articleUUID, newText: newText, newHash: newHash)
    }
  }

  /// The same inside a transaction the caller already holds (the library's import).
  @discardableResult
  public static func reanchorAll(
    _ db: Database, articleUUID: String, newText: String, newHash: String, now: Date = Date()
  ) throws -> ReanchorReport {
    var report = ReanchorReport()
    let annotations = try Annotation.filter(Annotation.Columns.articleUUID == articleUUID)
      .fetchAll(db)
    let pending = annotations.filter { $0.anchor.textHash != newHash }
    report.unchanged = annotations.count - pending.count
    guard !pending.isEmpty else { return report }
    let reanchorer = Reanchorer(text: newText, textHash: newHash)
    let placements = reanchorer.placeAll(pending.map(\.anchor))
    for (var annotation, placement) in zip(pending, placements) {
      report.count(placement)
      if let anchor = reanchorer.anchor(annotation.anchor, at: placement) {
        annotation.anchor = anchor
        annotation.isOrphaned = false
      } else if annotation.isOrphaned {
        continue
      } else {
        annotation.isOrphaned = true
      }
      annotation.updatedAt = now.roundedToMilliseconds
      try annotation.update(db)
    }
    return report
  }
}
