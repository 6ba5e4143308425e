import Foundation
import Testing

@testable import LeggioImport

/// `WrittenDate.contains` answers as `first` does, stopping at the first date it reads.
struct WrittenDateContainsTests {
  @Test(arguments: [
    "5. März 2019", "March 5th, 2019", "le 5 mars 2019", "5 de marzo de 2019",
    "5 marca 2019", "05.03.2019", "2019-03-05", "Posted 2019 by Jane", "Tel. 030-12-2004",
    "31.02.2019 and then 5 March 2019", "no date here", "Created 03-10-2004 2:20pm",
    "1234 Main Street", "99.99.2019", "",
    String(repeating: "Kommentar 12 von 2019 Lesern, ", count: 200) + "am 5. Mai 2020",
  ])
  func containsIsWhetherFirstFindsADate(_ text: String) {
    #expect(WrittenDate.contains(in: text) == (WrittenDate.first(in: text) != nil), "\(text)")
  }
}
