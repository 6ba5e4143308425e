import Foundation
import GRDB
import Testing

@testable import LeggioStore
@testable import LeggioFeeds

/// A feed's dates are written and read without GRDB's formatter and calendar (which load
/// ICU's data on first use), to the same text and the same `Date` as GRDB's own.
@Suite struct FeedRecordDateTests {
  /// Dates with every millisecond rounding case: whole seconds, halves, .9995 and up.
  private let dates: [Date] = [
    Date(timeIntervalSince1970: 0),
    Date(timeIntervalSince1970: 1_700_000_000),
    Date(timeIntervalSince1970: 1_700_000_000.5),
    Date(timeIntervalSince1970: 1_700_000_000.123_4),
    Date(timeIntervalSince1970: 1_700_000_000.999_6),
    Date(timeIntervalSinceReferenceDate: 786_543_210.987_654),
    Date(timeIntervalSince1970: 4_102_444_799.999),
  ]

  @Test func aFeedsDatesAreStoredAsGRDBWritesThemAndReadBackTheSame() throws {
    let library = try FeedTestLibrary()
    for (index, date) in dates.enumerated() {
      var feed = FeedRecord(url: "https://example.org/\(index).xml", now: date)
      feed.lastUpdated = date
      try library.database.write { try feed.insert($0) }
      let row = try library.database.read {
        try Row.fetchOne(
          $0, sql: "SELECT createdAt, lastUpdated FROM feeds WHERE id = ?", arguments: [feed.id])
      }!
      for column in ["createdAt", "lastUpdated"] {
        let stored: DatabaseValue = row[column]
        #expect(stored == date.databaseValue, "\(column) of \(date)")
      }
      let read = try library.database.read { try FeedRecord.fetchOne($0, key: feed.id) }!
      let grdb = Date.fromDatabaseValue(date.databaseValue)
      #expect(read.createdAt == grdb)
      #expect(read.lastUpdated == grdb)
    }
  }

  @Test func anUpdateAndAnErrorRecordTheirMomentAsGRDBWritesIt() throws {
    let library = try FeedTestLibrary()
    let feed = try library.store.add(url: "https://example.org/feed.xml")
    let fetched = dates[3]
    try library.store.recordFetched(
      feedID: feed.id!, title: "T", siteURL: nil, etag: nil, lastModified: nil, newItems: [],
      at: fetched)
    let failed = dates[4]
    try library.store.recordError(feedID: feed.id!, message: "gone", at: failed)
    let row = try library.database.read {
      try Row.fetchOne(
        $0, sql: "SELECT lastUpdated, updatedAt FROM feeds WHERE id = ?", arguments: [feed.id])
    }!
    #expect(row["lastUpdated"] as DatabaseValue == fetched.databaseValue)
    #expect(row["updatedAt"] as DatabaseValue == failed.databaseValue)
  }
}
