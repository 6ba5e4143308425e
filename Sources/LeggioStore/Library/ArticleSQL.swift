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

  /// The global identity the trigger of `SyncMigrations` gives an article: its identity
  /// when that is a web address (`LIKE 'https://%'`, case folded), else its text's hash.
  /// A feed batch gives it itself: the trigger, finding it missing, rewrote the row just
  /// written (an `UPDATE` per article and a second write of its index entry).
  static func globalIdentity(identity: String, hash: String) -> String {
    isWebAddress(identity) ? identity : "sha256:" + hash
  }

  /// Whether `identity` is a web address as the trigger sees it (`LIKE 'https://%'`).
  static func isWebAddress(_ identity: String) -> Bool {
    identity.utf8.count >= 8 && identity.prefix(8).lowercased() == "https://"
  }

  /// A text version: uuid, article uuid, document JSON, text, content hash, words,
  /// created (`VersionArticleIDs`: naming the article by its id, `updatedAt` NULL while
  /// it is the creation date).
  static let insertVersion = """
    INSERT INTO article_version
      (uuid, articleId, document, text, contentHash, words, createdAt)
    VALUES (?, \(VersionArticleIDs.articleID), ?, ?, ?, ?, ?)
    """

  /// A tag on an article: article uuid, tag, created, updated (`TagLinkKeys`: keyed by
  /// an integer; `TagLinkArticleIDs`: naming the article by its id).
  static let insertTag = """
    INSERT INTO article_tag (articleId, tag, createdAt, updatedAt)
    VALUES (\(TagLinkArticleIDs.articleID), ?, ?, ?)
    """
}
