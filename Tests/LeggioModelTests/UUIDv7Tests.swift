import Foundation
import Testing

@testable import LeggioModel

@Suite struct UUIDv7Tests {
  @Test func carriesVersionSevenAndTheRFCVariant() {
    let uuid = UUIDv7.make().uuid
    #expect(uuid.6 >> 4 == 7)
    #expect(uuid.8 >> 6 == 0b10)
  }

  @Test func identifiersMadeInARowSortInTheOrderTheyWereMade() {
    let made = (0..<5000).map { _ in UUIDv7.string() }
    #expect(made == made.sorted())
    #expect(Set(made).count == made.count)
  }

  @Test func anIdentifierForAPastDateDoesNotSetTheClockBack() {
    let before = (0..<100).map { _ in UUIDv7.string() }
    _ = UUIDv7.make(at: Date(timeIntervalSince1970: 1_600_000_000))
    let after = (0..<100).map { _ in UUIDv7.string() }
    let made = before + after
    #expect(made == made.sorted())
  }

  @Test func anIdentifierForAFutureDateDoesNotHoldBackThoseMadeNow() {
    let before = (0..<100).map { _ in UUIDv7.string() }
    _ = UUIDv7.make(at: Date().addingTimeInterval(3600))
    let after = (0..<100).map { _ in UUIDv7.string() }
    let made = before + after
    #expect(made == made.sorted())
  }

  @Test func identifiersMadeInARowForOneFutureDateSortInTheOrderTheyWereMadeWhateverCameBetween() {
    let date = Date(timeIntervalSince1970: 1_900_000_000)
    let later = date.addingTimeInterval(86_400)
    let made = (0..<500).map { index in
      // Another caller asks for a later date in between, as tests on other threads do.
      if index % 7 == 0 { _ = UUIDv7.make(at: later) }
      return UUIDv7.string(at: date)
    }
    #expect(made == made.sorted())
  }

  @Test func theTimestampInsideIsTheMillisecondItWasMadeAt() {
    let date = Date(timeIntervalSince1970: 1_692_210_240.123)
    let uuid = UUIDv7.make(at: date)
    #expect(abs(UUIDv7.date(of: uuid).timeIntervalSince(date)) < 0.002)
  }
}
