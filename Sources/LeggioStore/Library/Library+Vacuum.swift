import Foundation
import GRDB

/// What `leggio vacuum` did.
public struct VacuumReport: Sendable, Equatable {
  /// Articles in the bin whose texts were erased.
  public var emptied = 0
  /// Documents compressed again with the library's dictionary (`DocumentDictionary`).
  public var recompressed = 0
  /// The library's size on disk (file and write-ahead log) before and after.
  public var bytesBefore = 0
  public var bytesAfter = 0
}

extension Library {
  /// Compacts the library: compresses documents with the library's dictionary (training
  /// it first when the library is due one, `recompressDocuments`), merges the search
  /// index's segments, rewrites the file without its free pages and folds the write-ahead
  /// log into it. With `emptyingBin`, the texts of articles in the bin (every version,
  /// with the original pages and tables of contents that came with them) are erased
  /// first; their records stay, as tombstones, so that a feed does not bring them back
  /// and other devices learn they were removed, and adding one again restores it with a
  /// new text. Everything else is kept.
  public func vacuum(emptyingBin: Bool) throws -> VacuumReport {
    var report = VacuumReport()
    report.bytesBefore = sizeOnDisk()
    if emptyingBin {
      report.emptied = try writer.write { db in
        let binned =
          try Int.fetchOne(
            db,
            sql: """
              SELECT COUNT(*) FROM article a WHERE a.deletedAt IS NOT NULL
                AND EXISTS (SELECT 1 FROM article_version v WHERE v.articleId = a.id)
              """) ?? 0
        try db.execute(
          sql: """
            DELETE FROM article_version WHERE articleId IN
              (SELECT id FROM article WHERE deletedAt IS NOT NULL)
            """)
        return binned
      }
    }
    report.recompressed = try recompressDocuments()
    try writer.write { db in
      try db.execute(sql: "INSERT INTO article_fts (article_fts) VALUES ('optimize')")
    }
    try writer.writeWithoutTransaction { db in
      try db.execute(sql: "VACUUM")
      try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
    }
    report.bytesAfter = sizeOnDisk()
    return report
  }

  /// The library file and its write-ahead log, in bytes (0 in memory).
  func sizeOnDisk() -> Int {
    guard let path else { return 0 }
    return [path, path + "-wal"].reduce(0) { sum, file in
      sum + (((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int) ?? 0)
    }
  }
}
