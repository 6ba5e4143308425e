import Foundation
import LeggioModel

/// What the extractor found on a page: its metadata and the cleaned article subtree.
public struct ExtractedArticle {
  public var metadata: ArticleMetadata
  /// The article's content: a detached element whose children are the kept blocks,
  /// links and images already resolved to absolute URLs.
  public var content: HTMLNode
  /// Problems that did not stop the extraction ("little text found").
  public var warnings: [String]
  /// What relative links resolved against: the `<base href>` or the page URL.
  public var baseURL: URL?
  /// The direction the page gives its text (`<html dir="rtl">`, or `<body dir>`): the
  /// content is detached from them, so its blocks start from this one.
  public var direction: TextDirection?

  public init(
    metadata: ArticleMetadata, content: HTMLNode, warnings: [String] = [], baseURL: URL? = nil
  ) {
    self.metadata = metadata
    self.content = content
    self.warnings = warnings
    self.baseURL = baseURL
  }

  /// The content's visible text, whitespace collapsed.
  public var text: String { content.innerText }
}
