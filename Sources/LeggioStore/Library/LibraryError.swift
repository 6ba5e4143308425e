import Foundation

/// What can go wrong in the library, with a message a person can act on.
public enum LibraryError: LocalizedError, Equatable, Sendable {
  /// The database file could not be opened or created.
  case cannotOpen(path: String, reason: String)
  /// No live article has this short id.
  case noSuchArticle(id: Int64)
  /// Several ids were unknown (a batch command still did the others).
  case noSuchArticles(ids: [Int64])
  /// The article has no text to store.
  case emptyArticle(source: String)
  /// A tag that cannot be stored (empty after trimming).
  case invalidTag(String)
  /// The file is not an SQLite database.
  case notALibrary(path: String)
  /// The database is damaged; nothing was written to it.
  case damaged(path: String, detail: String)
  /// A stored document that cannot be read: zstd without libzstd, or a dictionary the
  /// library lacks (`StoredDocument`).
  case unreadableDocument(reason: String)

  public var errorDescription: String? {
    switch self {
    case .cannotOpen(let path, let reason):
      "cannot open the library at \(path): \(reason); pass --library PATH or set LEGGIO_LIBRARY"
    case .noSuchArticle(let id):
      "there is no article \(id) in the library (see `leggio list`)"
    case .noSuchArticles(let ids):
      "there is no article "
        + ids.map(String.init).joined(separator: ", ")
        + " in the library (see `leggio list`)"
    case .emptyArticle(let source):
      "\(source) has no text to store"
    case .invalidTag(let tag):
      "\"\(tag)\" is not a tag: a tag needs at least one visible character"
    case .notALibrary(let path):
      "cannot open the library at \(path): it is not an SQLite database; pass --library PATH "
        + "with the right file"
    case .damaged(let path, let detail):
      "the library at \(path) is damaged (\(detail)) and was left as it is; "
        + "`leggio recover` saves what can be read"
    case .unreadableDocument(let reason):
      "cannot read an article's text: \(reason)"
    }
  }
}
