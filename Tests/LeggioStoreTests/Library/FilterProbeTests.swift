import Foundation
import GRDB
import LeggioModel
import Testing

@testable import LeggioStore
import LeggioTestSupport

/// A list filtered by words in a large library is read by testing its articles in order
/// against the filter (`FilterProbe`) instead of through the search index; it must find
/// exactly the rows, in exactly the order, that the index finds.
@Suite struct FilterProbeTests {
  /// 60 articles: words in titles, bylines and texts, accents, ties in every order, some
  /// read and some removed, one added again, and imports dated before the feed items.
  func library() throws -> Library {
    let library = try Library.inMemory()
    let day = Date(timeIntervalSince1970: 1_700_000_000)
    let words = ["lago", "lavoro", "città", "più", "monte", "Lugano"]
    var batch: [ImportedArticle] = []
    for n in 0..<40 {
      var article = imported(
        n % 6 == 0 ? "Stesso titolo" : "Notizia \(words[n % 6]) \(n % 7)",
        [
          "Il \(words[(n / 6) % 6]) di oggi, numero \(n).", n % 3 == 0 ? "Lampi e tuoni." : "Sole.",
        ],
        source: "https://e.org/\(n)",
        published: n % 5 == 0 ? nil : day.addingTimeInterval(Double(n % 4) * 3600))
      article.metadata.byline = n % 4 == 0 ? "Lía Rossi" : nil
      batch.append(article)
    }
    _ = try library.addFeedArticles(batch, addedAt: day)
    for n in 0..<20 {
      try library.add(
        imported(
          "Àltro \(words[n % 6])", ["Altro \(n), più lavoro."], source: "https://f.org/\(n)"),
        addedAt: day.addingTimeInterval(Double(n % 3 == 0 ? -86_400 : 60 * n)))
    }
    for id in [2, 5, 9, 30, 44] as [Int64] {
      try library.saveReadingPosition(articleID: id, offset: 0, progress: id == 9 ? 0.5 : 0.25)
    }
    try library.remove(ids: [3, 4, 45])
    try library.add(imported("Titolo lago", ["Di nuovo."], source: "https://e.org/3"))
    return library
  }

  static let searches = [
    "l", "la", "lag", "lago", "piu", "più", "citta", "lia", "\"di oggi", "lavoro l", "zzz", "t",
  ]

  @Test func everyWindowProbedHoldsWhatTheIndexFinds() throws {
    let library = try library()
    for search in Self.searches {
      for sort in ArticleSort.allCases {
        for unread in [false, true] {
          let query = ArticleQuery(search: search, unreadOnly: unread, sort: sort)
          let all = try library.summaries(
            query, offset: 0, limit: 1000, total: nil, probingAbove: .max)
          #expect(try library.count(query) == all.count)
          for offset in stride(from: 0, through: all.count + 2, by: 4) {
            let expected = Array(all.map(\.id)[min(offset, all.count)..<min(offset + 7, all.count)])
            for total in [nil, all.count] {
              let probed = try library.summaries(
                query, offset: offset, limit: 7, total: total, probingAbove: 0)
              #expect(probed.map(\.id) == expected, "\(search) \(sort) \(offset)")
            }
          }
          #expect(
            try library.summaries(query, offset: 0, limit: 5, total: nil, probingAbove: 0)
              == Array(all.prefix(5)), "rows are whole, tags and all")
        }
      }
    }
  }

  @Test func aCappedCountIsExactBelowTheCapAndSaysSoAbove() throws {
    let library = try library()
    for search in Self.searches {
      let query = ArticleQuery(search: search)
      let exact = try library.count(query)
      for cap in [1, 5, 20, 1000] {
        let (count, isExact) = try library.count(query, atMost: cap, probingAbove: 0)
        if exact <= cap {
          #expect(count == exact && isExact, "\(search) \(cap)")
        } else {
          #expect(count == cap && !isExact, "\(search) \(cap)")
        }
      }
      // A small library is counted exactly, whatever the cap.
      #expect(try library.count(query, atMost: 1) == (exact, true))
    }
  }

  /// A filter that matches too few of the articles it tests hands over to the index, and
  /// still lists every match.
  @Test func aRareWordIsLeftToTheIndex() throws {
    let library = try Library.inMemory()
    _ = try library.addFeedArticles(
      (0..<2_100).map { n in
        imported(
          "Notizia \(n)", [n == 7 ? "Una parola rara." : "Testo."], source: "https://e.org/\(n)")
      })
    let query = ArticleQuery(search: "rara")
    try library.writer.read { db in
      let candidates = try Row.fetchCursor(db, sql: "SELECT id FROM article ORDER BY id DESC")
      #expect(
        try library.filterProbe.firstMatches(
          db, candidates: candidates, match: "\"rara\"*", need: 1, budget: 2_000) == nil)
    }
    let rows = try library.summaries(query, offset: 0, limit: 50, total: nil, probingAbove: 0)
    #expect(rows.map(\.title) == ["Notizia 7"])
    #expect(try library.count(query, atMost: 100, probingAbove: 0) == (1, true))
  }
}
