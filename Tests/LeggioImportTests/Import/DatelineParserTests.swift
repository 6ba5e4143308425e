import Foundation
import Testing

@testable import LeggioImport

@Suite struct DatelineParserTests {
  func fields(_ line: String) -> [Int]? {
    ImportFixtures.fields(DatelineParser.parse(line, timeZone: ImportFixtures.zurich))
  }

  @Test(arguments: [
    "16.08.2023 20:24",
    "16.08.2023, 20:24",
    "16 agosto 2023, 20:24",
    "16 agosto 2023 ore 20:24",
    "16 agosto 2023 alle 20.24",
    "mercoledì 16 agosto 2023, 20:24",
    "Pubblicato il 16 agosto 2023, 20:24",
    "August 16, 2023 8:24 PM",
    "Wednesday, August 16, 2023 at 8:24 p.m.",
    "Aug. 16, 2023 20:24",
    "16 August 2023 20:24",
    "2023-08-16T20:24",
    "2023-08-16 20:24:00",
    "16/08/2023 20:24",
    "16 août 2023 20:24",
    "16. August 2023, 20:24",
  ])
  func everyCommonFormReadsTheSameDateAndTime(line: String) {
    #expect(fields(line) == [2023, 8, 16, 20, 24])
  }

  @Test func dateWithoutTimeIsMidnight() {
    #expect(fields("16/08/2023") == [2023, 8, 16, 0, 0])
    #expect(fields("16 agosto 2023") == [2023, 8, 16, 0, 0])
  }

  @Test func monthFirstIsReadOnlyWhenDayFirstIsImpossible() {
    #expect(fields("08/16/2023") == [2023, 8, 16, 0, 0])
    #expect(fields("05/06/2023") == [2023, 6, 5, 0, 0])
  }

  @Test func isoOffsetOverridesTheDefaultTimeZone() {
    #expect(fields("2023-08-16T18:24Z") == [2023, 8, 16, 20, 24])
    #expect(fields("2023-08-16T20:24+02:00") == [2023, 8, 16, 20, 24])
  }

  @Test func impossibleDatesAndSentencesAreNotDatelines() {
    #expect(fields("31.02.2023 10:00") == nil)
    #expect(fields("16.08.2023 25:10") == nil)
    #expect(fields("16 brumaio 2023") == nil)
    #expect(fields("Il 16 agosto 2023 Putin ha scritto una lettera a Kim.") == nil)
    #expect(fields("Relazioni strategiche") == nil)
  }

  @Test func leapDaysAndMonthLengthsAreTheGregorianCalendars() {
    #expect(fields("29.02.2024 10:00") == [2024, 2, 29, 10, 0])
    #expect(fields("29.02.2023 10:00") == nil)
    #expect(fields("29.02.2000 10:00") == [2000, 2, 29, 10, 0])
    #expect(fields("29.02.2100 10:00") == nil)
    #expect(fields("31.04.2023 10:00") == nil)
    #expect(fields("31.12.2023 23:59") == [2023, 12, 31, 23, 59])
  }

  @Test func aTimeAChangeOfClocksRepeatsIsItsFirstAndOneItSkipsIsReadBeforeIt() {
    // Zurich put its clocks back from 3:00 to 2:00 on 29 October 2023 (UTC 1:00), and
    // forward from 2:00 to 3:00 on 26 March 2023 (UTC 1:00).
    let repeated = DatelineParser.parse("29.10.2023 02:30", timeZone: ImportFixtures.zurich)
    #expect(repeated == Date(timeIntervalSince1970: 1_698_539_400))  // 00:30 UTC, summer time
    let skipped = DatelineParser.parse("26.03.2023 02:30", timeZone: ImportFixtures.zurich)
    #expect(skipped == Date(timeIntervalSince1970: 1_679_794_200))  // 01:30 UTC, as 3:30
    let after = DatelineParser.parse("26.03.2023 12:00", timeZone: ImportFixtures.zurich)
    #expect(after == Date(timeIntervalSince1970: 1_679_824_800))  // 10:00 UTC
  }

  @Test(arguments: [
    "16-08-23, ore 20.24", "16.08.2023 8:24 pm", "16.08.2023 8:24 P.M.", "16.08.2023 H 20:24",
    "16.08.2023 20:24:05", "16/08/2023 · 20h24", "16.08.2023 um 20.24", "16.08.2023 À 20:24",
  ])
  func numericDatelinesReadTheirTimeInEveryForm(line: String) {
    #expect(fields(line) == [2023, 8, 16, 20, 24])
  }

  @Test func numericDatelinesRefuseWhatIsNotWhollyADate() {
    #expect(fields("16.08.2023 20:24 Roma") == nil)
    #expect(fields("16.08.2023 2024") == nil)
    #expect(fields("16.08.2023 8:24 a") == nil)
    #expect(fields("123.08.2023") == nil)
    #expect(fields("١٦.٠٨.٢٠٢٣") == nil)
  }
}
