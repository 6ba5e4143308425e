import Foundation
import GRDB
import LeggioModel
import Testing

@testable import LeggioStore
import LeggioTestSupport

/// A window of the list near its end is read from the end, in the reverse order (so the
/// last screen of a million articles costs what the first does); it must hold the same
/// rows, in the same order, as reading from the start.
@Suite struct ListWindowTests {
  /// 37 articles with ties in every order: equal dates added, equal published dates,
  /// undated ones, equal titles, equal progress.
  func library() throws -> Library {
    let library = try Library.inMemory()
    let day = Date(timeIntervalSince1970: 1_700_000_000)
    var batch: [ImportedArticle] = []
    for n in 0..<25 {
      let title = n % 4 == 0 ? "Stesso titolo" : "Titolo \(n % 7)"
      let published: Date? = n % 5 == 0 ? nil : day.addingTimeInterval(Double(n % 3) * 3600)
      batch.append(
        imported(title, ["Testo \(n)."], source: "https://e.org/\(n)", published: published))
    }
    _ = try library.addFeedArticles(batch, addedAt: day)
    for n in 0..<12 {
      try library.add(imported("Àltro \(n % 5)", ["Altro \(n)."], source: "https://f.org/\(n)"))
    }
    for id in [2, 5, 9, 30] as [Int64] {
      try library.saveReadingPosition(articleID: id, offset: 0, progress: id == 9 ? 0.5 : 0.25)
    }
    return library
  }

  @Test func everyWindowReadFromTheEndHoldsTheRowsReadFromTheStart() throws {
    let library = try library()
    for sort in ArticleSort.allCases {
      for query in [ArticleQuery(sort: sort), ArticleQuery(unreadOnly: true, sort: sort)] {
        let total = try library.count(query)
        let all = try library.summaries(query, offset: 0, limit: 1000).map(\.id)
        #expect(all.count == total)
        for limit in [1, 5, 7] {
          for offset in stride(from: 0, to: total + 3, by: 1) {
            let fromEnd = try library.summaries(
              query, offset: offset, limit: limit, total: total
            ).map(\.id)
            let expected = Array(all[min(offset, all.count)..<min(offset + limit, all.count)])
            #expect(fromEnd == expected, "\(sort) offset \(offset) limit \(limit)")
          }
        }
      }
    }
  }

  /// Counting a search from the index alone gives what listing it gives, whatever was
  /// removed, restored or added again.
  @Test func aSearchCountsWhatItLists() throws {
    let library = try library()
    try library.remove(ids: [3, 4, 30])
    try library.add(imported("Titolo 3", ["Testo 3 di nuovo."], source: "https://e.org/3"))
    try library.add(imported("Àltro 4", ["Altro testo, nuovo."], source: "https://f.org/4"))
    for search in ["testo", "te", "titolo", "altro", "nuovo", "\"testo 3", "assente", "t"] {
      let query = ArticleQuery(search: search)
      let listed = try library.summaries(query, offset: 0, limit: 1000).count
      #expect(try library.count(query) == listed, "\(search)")
      let unread = ArticleQuery(search: search, unreadOnly: true)
      #expect(
        try library.count(unread) == library.summaries(unread, offset: 0, limit: 1000).count)
    }
  }
}
