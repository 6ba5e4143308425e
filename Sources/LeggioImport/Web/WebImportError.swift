import Foundation

/// Why a web page could not become an article.
public enum WebImportError: LocalizedError, Equatable {
  /// The page parsed but held no readable text at all.
  case noArticleText(source: String)
  /// The bytes are not HTML (a PDF, an image...); `kind` says what they are.
  case notHTML(source: String, kind: String)
  /// A local file could not be read.
  case unreadableFile(path: String, reason: String)

  public var errorDescription: String? {
    switch self {
    case .noArticleText(let source):
      "\(source) has no article text (the page may need JavaScript or a login to show its content)"
    case .notHTML(let source, let kind):
      "\(source) is \(kind), not a web page; Leggio reads HTML pages"
    case .unreadableFile(let path, let reason):
      "cannot read \(path): \(reason)"
    }
  }
}
