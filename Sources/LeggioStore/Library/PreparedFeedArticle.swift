import Foundation
import LeggioModel

/// A feed item's article with everything the library stores computed ahead of the
/// write transaction: hash, word count, the document as stored (compressed, with its
/// canonical text inside), identity and clean tags. Nothing else is kept: a commit holds
/// a few thousand of them (`FeedUpdater.batchesPerCommit`).
struct PreparedFeedArticle: Sendable {
  let identity: String
  /// What sync knows the article by (`ArticleSQL.globalIdentity`), nil when that is its
  /// identity (`DerivedGlobalIdentity`).
  let globalIdentity: String?
  let columns: ArticleColumns
  let hash: String
  let words: Int
  /// The document as the library stores it (`StoredDocument`).
  let storedDocument: Data
  let tags: [String]

  init(_ imported: __shared ImportedArticle, deflater: DocumentDeflater? = nil) {
    var tags = TagCleaner()
    self.init(imported, deflater: deflater, dictionary: nil, tags: &tags)
  }

  /// `imported` is read in place (an initialiser's argument is otherwise a copy: a dozen
  /// retains and releases an article).
  init(
    _ imported: __shared ImportedArticle, deflater: DocumentDeflater?,
    dictionary: DocumentDictionary?, tags cleaner: inout TagCleaner
  ) {
    let metadata = imported.metadata
    var document = imported.document
    var text = CanonicalText(document).text
    // An item with neither body nor link (a title-only entry) still becomes an article.
    if !text.contains(where: { !$0.isWhitespace }) {
      document = Document(blocks: [Block(.paragraph, [Inline(metadata.title)])])
      text = metadata.title
    }
    self.hash = ContentHash.batchHex(text)
    self.words = TextStatistics.wordCount(text)
    self.storedDocument = StoredDocument.compress(
      DocumentJSON.encode(document), text: text, deflater: deflater, dictionary: dictionary)
    self.identity = SourceIdentity.key(for: metadata.source) ?? "sha256:" + hash
    self.globalIdentity = DerivedGlobalIdentity.stored(
      ArticleSQL.globalIdentity(identity: identity, hash: hash), identity: identity)
    self.columns = ArticleColumns(metadata)
    // A category that is not a tag (nothing visible) is dropped, not an error.
    var seen = Set<String>()
    self.tags = metadata.tags.compactMap { cleaner.clean($0) }.filter {
      seen.insert($0.lowercased()).inserted
    }
  }

  /// Prepares `articles` on every core, in order. Called before the library's writer is
  /// taken: the writer holds the database for SQL alone, while the next batch (this
  /// feed's or another's) is hashed, encoded and compressed beside it. With the library's
  /// `dictionary` (zstd's), else zlib. Each article is made in its place in the result
  /// (slices of results joined copied every article: a dozen retains and releases each).
  static func prepare(_ articles: [ImportedArticle], dictionary: DocumentDictionary? = nil)
    -> [PreparedFeedArticle]
  {
    let count = articles.count
    let chunk = 64
    return [PreparedFeedArticle](unsafeUninitializedCapacity: count) { buffer, initialized in
      let slots = Slots(buffer.baseAddress)
      DispatchQueue.concurrentPerform(iterations: (count + chunk - 1) / chunk) { index in
        // zlib's stream, for when libdeflate is missing; one per chunk and thread.
        let deflater = dictionary == nil ? DocumentDeflater() : nil
        var tags = TagCleaner()
        for position in (index * chunk)..<min((index + 1) * chunk, count) {
          (slots.base! + position).initialize(
            to: PreparedFeedArticle(
              articles[position], deflater: deflater, dictionary: dictionary, tags: &tags))
        }
      }
      initialized = count
    }
  }

  /// The result's memory, each slot initialised by exactly one iteration of
  /// `concurrentPerform`, which returns only once all are.
  private struct Slots: @unchecked Sendable {
    let base: UnsafeMutablePointer<PreparedFeedArticle>?
    init(_ base: UnsafeMutablePointer<PreparedFeedArticle>?) { self.base = base }
  }
}

/// Feed articles with what the library stores of them computed (`PreparedFeedArticle`),
/// made while the feed is still being read, so that the library's writer does SQL alone
/// (`Library.addFeedArticles(_:addedAt:)`).
public struct PreparedFeedArticles: Sendable {
  let articles: [PreparedFeedArticle]

  /// Prepares `articles` on every core, in order, compressed with zlib.
  public init(_ articles: [ImportedArticle]) {
    self.articles = PreparedFeedArticle.prepare(articles)
  }

  /// Prepares `articles` on every core, in order, compressed as `library` stores them now
  /// (with its dictionary, once it has one).
  public init(_ articles: [ImportedArticle], for library: Library) {
    self.articles = PreparedFeedArticle.prepare(
      articles, dictionary: library.compressionDictionary())
  }

  private init(articles: [PreparedFeedArticle]) { self.articles = articles }

  public var count: Int { articles.count }

  /// The articles of `batches`, in order.
  public static func joined(_ batches: [PreparedFeedArticles]) -> PreparedFeedArticles {
    batches.count == 1 ? batches[0] : PreparedFeedArticles(articles: batches.flatMap(\.articles))
  }
}

/// `Library.cleanTag` for a batch, each distinct category cleaned once: a feed gives most
/// of its items the same few, and cleaning one (Unicode normalisation) cost 5 µs.
struct TagCleaner {
  private var cleaned: [String: String?] = [:]

  /// The tag `category` makes, nil for one that makes none.
  mutating func clean(_ category: String) -> String? {
    if let known = cleaned[category] { return known }
    let tag = try? Library.cleanTag(category)
    cleaned.updateValue(tag, forKey: category)
    return tag
  }
}
