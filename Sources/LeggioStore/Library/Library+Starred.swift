import Foundation
import GRDB

extension Library {
  /// Stars or unstars articles; unknown ids are reported after the others are done.
  public func setStarred(ids: [Int64], _ starred: Bool) throws {
    let unknown = try writer.write { db -> [Int64] in
      var unknown: [Int64] = []
      for id in ids {
        try db.execute(
          sql: "UPDATE article SET starred = ?, updatedAt = ? WHERE id = ? AND deletedAt IS NULL",
          arguments: [starred, Date(), id])
        if db.changesCount == 0 { unknown.append(id) }
      }
      return unknown
    }
    if !unknown.isEmpty { throw LibraryError.noSuchArticles(ids: unknown) }
  }
}
