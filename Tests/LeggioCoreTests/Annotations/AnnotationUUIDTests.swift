import Foundation
import Testing

@testable import LeggioCore

@Suite struct AnnotationUUIDTests {
  @Test func uuidIsVersionSevenWithTheRFCVariantAndItsMillisecond() throws {
    let now = Date(timeIntervalSince1970: 1_500_000_000.123)
    let uuid = AnnotationUUID.make(now: now)
    #expect(UUID(uuidString: uuid) != nil)
    #expect(uuid == uuid.lowercased())
    let characters = Array(uuid)
    #expect(characters[14] == "7")
    #expect("89ab".contains(characters[19]))
    #expect(AnnotationUUID.date(of: uuid) == now.roundedToMilliseconds)
  }

  @Test func uuidsMadeInTheSameMillisecondSortInTheOrderTheyWereMade() {
    let now = Date(timeIntervalSince1970: 4_102_444_800)  // 2100, nobody else's millisecond
    let made = (0..<500).map { _ in AnnotationUUID.make(now: now) }
    #expect(made == made.sorted())
    #expect(Set(made).count == made.count)
  }
}
