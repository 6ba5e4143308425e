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

/// A real in-memory `Library` holding `articles` (their documents and metadata).
func makeLibrary(_ articles: [StoredArticle]) throws -> Library {
  let library = try Library.inMemory()
  for article in articles {
    try library.add(ImportedArticle(metadata: article.metadata, document: article.document))
  }
  return library
}

extension Library {
  /// This device's saved reading position in article `id`.
  func readingOffset(of id: Int64) -> Int? {
    (try? article(id: id))?.flatMap(\.readingOffset)
  }
}
