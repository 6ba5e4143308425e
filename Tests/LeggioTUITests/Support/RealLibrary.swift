import Foundation
import LeggioModel
import LeggioImport
import LeggioStore

/// A real in-memory `Library` with files from `../shared` added through the real
/// importer, as `leggio add` does.
func makeLibrary(importing paths: [String]) throws -> Library {
  let library = try Library.inMemory()
  for path in paths {
    try library.add(try ArticleImporter.importFile(at: Fixtures.shared(path)))
  }
  return library
}

/// A real in-memory `Library` holding `articles` (their documents and metadata), each
/// added on its summary's date with its tags, and read as far as its summary says.
func makeLibrary(_ articles: [StoredArticle]) throws -> Library {
  let library = try Library.inMemory()
  for article in articles {
    let outcome = try library.add(
      ImportedArticle(metadata: article.metadata, document: article.document),
      tags: article.summary.tags, addedAt: article.summary.addedAt)
    if !article.summary.isUnread || article.summary.progress > 0 {
      try library.saveReadingPosition(
        articleID: outcome.id, offset: 0, progress: article.summary.progress)
    }
  }
  return library
}

/// The library-list fixtures in a real library.
func makeStore(_ articles: [StoredArticle] = []) throws -> Library {
  try makeLibrary(articles)
}

extension Library {
  /// This device's saved reading position in article `id`.
  func readingOffset(of id: Int64) -> Int? {
    (try? article(id: id))?.flatMap(\.readingOffset)
  }
}
