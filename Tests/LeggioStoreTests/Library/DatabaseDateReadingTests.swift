import Foundation
import GRDB
import Testing

@testable import LeggioStore

/// Stored dates are read without GRDB's calendar; they must come back as the same `Date`.
@Suite struct DatabaseDateReadingTests {
  @Test func storedDatesReadBackAsGRDBReadsThem() throws {
    var generator = SystemRandomNumberGenerator()
    var dates = [
      Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 951_782_400.5),  // 29 Feb 2000
      Date(timeIntervalSince1970: 4_107_542_399.999), Date(timeIntervalSince1970: 1_700_000_000),
    ]
    for _ in 0..<20_000 {
      dates.append(Date(timeIntervalSince1970: Double.random(in: 0..<4e9, using: &generator)))
    }
    for date in dates {
      for text in [DatabaseDate.text(date)!, String(DatabaseDate.text(date)!.prefix(19))] {
        let value = text.databaseValue
        #expect(DatabaseDate.date(value) == Date.fromDatabaseValue(value), "\(text)")
      }
    }
  }

  @Test func otherFormsAreLeftToGRDB() {
    for value in [
      "2024-03-01".databaseValue, "2024-03-01T10:20:30Z".databaseValue,
      1_700_000_000.databaseValue, "not a date".databaseValue, DatabaseValue.null,
    ] {
      #expect(DatabaseDate.date(value) == Date.fromDatabaseValue(value))
    }
  }
}
