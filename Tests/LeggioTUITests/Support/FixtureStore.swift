import Foundation
import LeggioModel
import LeggioStore
import LeggioTUI

/// A stand-in library for the library-list tests only: they need articles with set
/// added dates, unread flags and progress, and to count the rows fetched, which the real
/// `Library` decides itself. Every other screen test runs on the real library
/// (`makeLibrary` in `RealLibrary.swift`).
func makeStore(_ articles: [StoredArticle] = []) -> FixtureStore {
  FixtureStore(articles)
}

/// A small in-memory library with the store's semantics: filters, sorts, counts,
/// reading positions and a bin.
final class FixtureStore: ArticleStore, @unchecked Sendable {
  private let lock = NSLock()
  private var articles: [StoredArticle]
  private var removed: Set<Int64> = []
  /// Every `summaries` call, to check that rows are fetched a window at a time.
  private(set) var fetches: [(offset: Int, limit: Int)] = []

  init(_ articles: [StoredArticle]) {
    self.articles = articles
  }

  private func matching(_ query: ArticleQuery) -> [StoredArticle] {
    var rows = articles.filter { !removed.contains($0.summary.id) }
    if let tag = query.tag { rows = rows.filter { $0.summary.tags.contains(tag) } }
    if query.unreadOnly { rows = rows.filter(\.summary.isUnread) }
    if let search = query.search, !search.isEmpty {
      let needle = ArticleSearch.fold(search)
      rows = rows.filter {
        let haystack = [$0.summary.title, $0.summary.byline ?? "", CanonicalText($0.document).text]
          .joined(separator: " ")
        return ArticleSearch.fold(haystack).contains(needle)
      }
    }
    switch query.sort {
    case .added: rows.sort { $0.summary.addedAt > $1.summary.addedAt }
    case .published:
      rows.sort { ($0.summary.published ?? .distantPast) > ($1.summary.published ?? .distantPast) }
    case .title:
      rows.sort { ArticleSearch.fold($0.summary.title) < ArticleSearch.fold($1.summary.title) }
    case .progress: rows.sort { $0.summary.progress < $1.summary.progress }
    }
    return rows
  }

  func count(_ query: ArticleQuery) throws -> Int {
    lock.withLock { matching(query).count }
  }

  func summaries(_ query: ArticleQuery, offset: Int, limit: Int) throws -> [ArticleSummary] {
    lock.withLock {
      fetches.append((offset, limit))
      return Array(matching(query).dropFirst(offset).prefix(limit)).map(\.summary)
    }
  }

  func counts() throws -> LibraryCounts {
    lock.withLock {
      let live = articles.filter { !removed.contains($0.summary.id) }
      return LibraryCounts(total: live.count, unread: live.filter(\.summary.isUnread).count)
    }
  }

  func allTags() throws -> [String] {
    lock.withLock { Set(articles.flatMap(\.summary.tags)).sorted() }
  }

  func article(id: Int64) throws -> StoredArticle? {
    lock.withLock { articles.first { $0.summary.id == id && !removed.contains(id) } }
  }

  func saveReadingPosition(articleID: Int64, offset: Int, progress: Double) throws {
    lock.withLock {
      guard let index = articles.firstIndex(where: { $0.summary.id == articleID }) else { return }
      articles[index].readingOffset = offset
      articles[index].summary.progress = progress
      articles[index].summary.isUnread = false
    }
  }

  func remove(ids: [Int64]) throws {
    lock.withLock { removed.formUnion(ids) }
  }

  func readingOffset(of id: Int64) -> Int? {
    lock.withLock { articles.first { $0.summary.id == id }?.readingOffset }
  }
}
