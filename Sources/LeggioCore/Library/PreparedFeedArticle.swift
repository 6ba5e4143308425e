import Foundation

/// A feed item's article with everything the library stores computed ahead of the
/// write transaction: canonical text, hash, word count, the document as JSON, identity
/// and clean tags.
struct PreparedFeedArticle: Sendable {
  let identity: String
  let columns: ArticleColumns
  let title: String
  let byline: String
  let text: String
  let hash: String
  let words: Int
  let documentJSON: String
  let tags: [String]

  init(_ imported: ImportedArticle) {
    let metadata = imported.metadata
    var document = imported.document
    var text = CanonicalText(document).text
    // An item with neither body nor link (a title-only entry) still becomes an article.
    if !text.contains(where: { !$0.isWhitespace }) {
      document = Document(blocks: [Block(.paragraph, [Inline(metadata.title)])])
      text = metadata.title
    }
    self.text = text
    self.hash = SHA256.hex(text)
    self.words = TextStatistics.wordCount(text)
    self.documentJSON = DocumentJSON.encode(document)
    self.identity = SourceIdentity.key(for: metadata.source) ?? "sha256:" + hash
    self.columns = ArticleColumns(metadata)
    self.title = metadata.title
    self.byline = metadata.byline ?? ""
    // A category that is not a tag (nothing visible) is dropped, not an error.
    var seen = Set<String>()
    self.tags = metadata.tags.compactMap { try? Library.cleanTag($0) }.filter {
      seen.insert($0.lowercased()).inserted
    }
  }

  /// Prepares `articles` on every core, keeping their order.
  static func prepareAll(_ articles: [ImportedArticle]) -> [PreparedFeedArticle] {
    guard articles.count > 8 else { return articles.map(PreparedFeedArticle.init) }
    let chunk = 32
    let chunks = (articles.count + chunk - 1) / chunk
    let slots = UnsafeMutableBufferPointer<PreparedFeedArticle?>.allocate(
      capacity: articles.count)
    slots.initialize(repeating: nil)
    defer {
      slots.deinitialize()
      slots.deallocate()
    }
    let output = SlotsPointer(slots: slots)
    DispatchQueue.concurrentPerform(iterations: chunks) { index in
      for position in (index * chunk)..<min((index + 1) * chunk, articles.count) {
        output.slots[position] = PreparedFeedArticle(articles[position])
      }
    }
    return slots.map { $0! }
  }

  /// Each slot is written by exactly one iteration and read after `concurrentPerform`
  /// returns, which orders the writes before the reads.
  private struct SlotsPointer: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<PreparedFeedArticle?>
  }
}
