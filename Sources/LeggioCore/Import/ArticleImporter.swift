import Foundation

/// The one entry point for turning bytes into an article.
///
/// PLACEHOLDER: the library issue replaces this with charset and format detection
/// and the real importers.
public enum ArticleImporter {
  public static func importData(_ data: Data, name: String, mimeType: String? = nil) throws
    -> ImportedArticle
  {
    let text = String(decoding: data, as: UTF8.self)
    let paragraphs = text.components(separatedBy: "\n\n").filter { !$0.isEmpty }
    return ImportedArticle(
      metadata: ArticleMetadata(title: name),
      document: Document(blocks: paragraphs.map { Block(.paragraph, text: $0) }))
  }

  public static func importFile(at url: URL) throws -> ImportedArticle {
    try importData(Data(contentsOf: url), name: url.lastPathComponent)
  }
}
