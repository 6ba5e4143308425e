import Foundation

import LeggioModel

/// An imported article made of paragraphs, for library tests.
public func imported(
  _ title: String, _ paragraphs: [String], source: String? = nil, byline: String? = nil,
  published: Date? = nil
) -> ImportedArticle {
  ImportedArticle(
    metadata: ArticleMetadata(title: title, byline: byline, published: published, source: source),
    document: Document(blocks: paragraphs.map { Block(.paragraph, text: $0) }))
}

/// A directory under the system's temporary directory, removed by the caller.
public func temporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "leggio-tests-" + UUID().uuidString)
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}
