import Foundation
import Testing

@testable import LeggioFeeds

@Suite struct FeedDateTests {
  @Test(arguments: [
    ("Fri, 12 Dec 2008 02:36:10 +0100", FeedFixtures.utc(2008, 12, 12, 1, 36, 10)),
    ("Tue, 15 Nov 2022 20:15:04 Z", FeedFixtures.utc(2022, 11, 15, 20, 15, 4)),
    ("Wed, 02 Oct 2002 13:00:00 GMT", FeedFixtures.utc(2002, 10, 2, 13)),
    ("Wed, 02 Oct 2002 08:00 EST", FeedFixtures.utc(2002, 10, 2, 13)),
    ("2 Oct 02 15:00 CEST", FeedFixtures.utc(2002, 10, 2, 13)),
    ("Mer, 02 Ott 2002 15:00:00 +0200", FeedFixtures.utc(2002, 10, 2, 13)),
    ("mar, 15 nov 2022 21:15:04 CET", FeedFixtures.utc(2022, 11, 15, 20, 15, 4)),
    ("Di, 15 Dez 2022 20:15 +00:00", FeedFixtures.utc(2022, 12, 15, 20, 15)),
    ("Mon Jan 2 15:04:05 2006", FeedFixtures.utc(2006, 1, 2, 15, 4, 5)),
    ("1 Sep 2025 10:05 +0200", FeedFixtures.utc(2025, 9, 1, 8, 5)),
    ("Sat, 07 SEP 2025 10:05:09 -0130", FeedFixtures.utc(2025, 9, 7, 11, 35, 9)),
    ("2008-12-30T08:20:00+01:00", FeedFixtures.utc(2008, 12, 30, 7, 20)),
    ("2008-12-30T18:26:15Z", FeedFixtures.utc(2008, 12, 30, 18, 26, 15)),
    ("2008-12-30 18:26:15", FeedFixtures.utc(2008, 12, 30, 18, 26, 15)),
    ("2008-12-30T18:26", FeedFixtures.utc(2008, 12, 30, 18, 26)),
    ("2008-12-30", FeedFixtures.utc(2008, 12, 30)),
    ("2022-11-28T14:01:25-0500", FeedFixtures.utc(2022, 11, 28, 19, 1, 25)),
  ])
  func readsTheDatesFeedsWrite(text: String, expected: Date) {
    #expect(FeedDate.parse(text) == expected, "\(text)")
  }

  @Test func keepsFractionsOfASecond() throws {
    let date = try #require(FeedDate.parse("2019-10-12T07:20:50.52Z"))
    #expect(abs(date.timeIntervalSince(FeedFixtures.utc(2019, 10, 12, 7, 20, 50)) - 0.52) < 0.001)
  }

  @Test(arguments: ["", "yesterday", "32 Jan 2020", "2020-13-01T00:00:00Z", "Fri, 12 2008"])
  func refusesWhatIsNoDate(text: String) {
    #expect(FeedDate.parse(text) == nil)
  }
}
