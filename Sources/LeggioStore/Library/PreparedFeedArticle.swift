import Foundation
import LeggioModel

/// A feed item's article with everything the library stores computed ahead of the
/// write transaction: canonical text, hash, word count, the document as stored
/// (compressed JSON), identity and clean tags.
struct PreparedFeedArticle: Sendable {
  let identity: String
  /// What sync knows the article by (`ArticleSQL.globalIdentity`).
  let globalIdentity: String
  let columns: ArticleColumns
  let title: String
  let byline: String
  let text: String
  let hash: String
  let words: Int
  /// The document as the library stores it (`StoredDocument`).
  let storedDocument: Data
  let tags: [String]
  /// Identifiers for the article, its version and its tag links, made here so that the
  /// writing thread does not (each costs a random-number system call).
  let uuid: String
  let versionUUID: String
  let tagUUIDs: [String]

  init(_ imported: ImportedArticle, deflater: DocumentDeflater? = nil) {
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
    self.storedDocument = StoredDocument.compress(
      DocumentJSON.encode(document), text: text, deflater: deflater)
    self.identity = SourceIdentity.key(for: metadata.source) ?? "sha256:" + hash
    self.globalIdentity = ArticleSQL.globalIdentity(identity: identity, hash: hash)
    self.columns = ArticleColumns(metadata)
    self.title = metadata.title
    self.byline = metadata.byline ?? ""
    // A category that is not a tag (nothing visible) is dropped, not an error.
    var seen = Set<String>()
    self.tags = metadata.tags.compactMap { try? Library.cleanTag($0) }.filter {
      seen.insert($0.lowercased()).inserted
    }
    let now = Date()
    self.uuid = UUIDv7.string(at: now)
    self.versionUUID = UUIDv7.string(at: now)
    self.tagUUIDs = tags.map { _ in UUIDv7.string(at: now) }
  }

  /// Prepares `articles` a chunk at a time on another thread while `body` handles the
  /// chunk before, in order: the database writes one chunk while the next is hashed and
  /// encoded, instead of the cores waiting on each other.
  static func forEach(
    _ articles: [ImportedArticle], chunk: Int = 100,
    _ body: (PreparedFeedArticle) throws -> Void
  ) throws {
    var start = 0
    // One zlib stream for every chunk: each is prepared only once the one before is done.
    let deflater = UncheckedDeflater(DocumentDeflater())
    var current = articles[0..<min(chunk, articles.count)].map {
      PreparedFeedArticle($0, deflater: deflater.deflater)
    }
    while !current.isEmpty {
      start += current.count
      let next = articles[start..<min(start + chunk, articles.count)]
      let box = ChunkBox()
      let done = DispatchSemaphore(value: 0)
      if !next.isEmpty {
        DispatchQueue.global(qos: .userInitiated).async {
          box.prepared = next.map { PreparedFeedArticle($0, deflater: deflater.deflater) }
          done.signal()
        }
      }
      do {
        for article in current { try body(article) }
      } catch {
        if !next.isEmpty { done.wait() }
        throw error
      }
      if next.isEmpty { break }
      done.wait()
      current = box.prepared
    }
  }

  /// The deflater, handed from chunk to chunk; the semaphore keeps two threads from ever
  /// using it at once.
  private struct UncheckedDeflater: @unchecked Sendable {
    let deflater: DocumentDeflater
    init(_ deflater: DocumentDeflater) { self.deflater = deflater }
  }

  /// Carries a prepared chunk from its thread; the semaphore orders write and read.
  private final class ChunkBox: @unchecked Sendable {
    var prepared: [PreparedFeedArticle] = []
  }
}
