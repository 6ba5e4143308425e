import Foundation
import GRDB

/// What saving imported annotations did.
public struct MergeReport: Hashable, Sendable {
  /// New to this library.
  public var inserted = 0
  /// Already here, replaced by a newer version from the file.
  public var updated = 0
  /// Already here and as new as the file's, or newer.
  public var unchanged = 0
  /// One sentence per annotation whose article is not in the library.
  public var skipped: [String] = []
  /// The articles that gained or changed annotations: re-anchor them on their current
  /// text (`reanchorAll`), since a file's offsets may refer to another version.
  public var articleUUIDs: [String] = []

  public init() {}
}

extension AnnotationStore {
  /// Saves imported annotations in one transaction. An annotation already here (same
  /// UUID) is replaced only if the file's is newer (`updatedAt`), so importing a file
  /// twice, or an older backup, changes nothing.
  @discardableResult
  public func merge(_ annotations: [Annotation]) throws -> MergeReport {
    try transaction { db in
      var report = MergeReport()
      var touched: [String] = []
      for var annotation in annotations {
        do {
          try requireArticle(annotation.articleUUID, db)
        } catch {
          report.skipped.append(
            "annotation \(annotation.uuid) skipped: \(error.localizedDescription)")
          continue
        }
        if let existing = try Annotation.filter(Annotation.Columns.uuid == annotation.uuid)
          .fetchOne(db)
        {
          guard annotation.updatedAt > existing.updatedAt else {
            report.unchanged += 1
            continue
          }
          annotation.id = existing.id
          try annotation.update(db)
          report.updated += 1
        } else {
          annotation.id = nil
          try annotation.insert(db)
          report.inserted += 1
        }
        if !touched.contains(annotation.articleUUID) { touched.append(annotation.articleUUID) }
      }
      report.articleUUIDs = touched
      return report
    }
  }
}
