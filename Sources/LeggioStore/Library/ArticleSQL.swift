/// The statements that store an article, in one place for `Library.add` (one article) and
/// `Library.addFeedArticles` (a batch bound straight to SQLite), so the two paths cannot
/// drift apart.
enum ArticleSQL {
  /// An article row: uuid, identity, the metadata columns, content hash, words, created,
  /// updated.
  static let insertArticle = """
    INSERT INTO article (uuid, identity, \(ArticleColumns.names.joined(separator: ", ")),
      contentHash, words, createdAt, updatedAt)
    VALUES (?, ?, \(ArticleColumns.names.map { _ in "?" }.joined(separator: ", ")), ?, ?, ?, ?)
    """

  /// A text version: uuid, article uuid, document JSON, text, content hash, words, created,
  /// updated.
  static let insertVersion = """
    INSERT INTO article_version
      (uuid, articleUUID, document, text, contentHash, words, createdAt, updatedAt)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    """

  /// A tag on an article: uuid, article uuid, tag, created, updated.
  static let insertTag = """
    INSERT INTO article_tag (uuid, articleUUID, tag, createdAt, updatedAt)
    VALUES (?, ?, ?, ?, ?)
    """
}
