import Foundation
import LeggioModel

/// Turns many feed items into articles on every core: converting each item's HTML is
/// the costliest step of a large update, and items are independent.
public enum FeedArticleBuilder {
  public static func articles(for items: [FeedItem], feed: ParsedFeed, feedURL: URL?)
    -> [ImportedArticle]
  {
    articles(count: items.count) { items[$0].article(feed: feed, feedURL: feedURL) }
  }

  /// `article(position)` for every position below `count`, in order, made on every core.
  /// (The caller reads its items in place: an array of them made for the call copied
  /// each item's dozen strings and arrays.)
  static func articles(count: Int, _ article: @Sendable (Int) -> ImportedArticle)
    -> [ImportedArticle]
  {
    guard count > 16 else { return (0..<count).map(article) }
    let results = ResultSlots(count: count)
    let chunk = 64
    let chunks = (count + chunk - 1) / chunk
    DispatchQueue.concurrentPerform(iterations: chunks) { index in
      for position in (index * chunk)..<min((index + 1) * chunk, count) {
        results.set(position, article(position))
      }
    }
    return results.values()
  }

  /// One slot per item; each slot is written by exactly one iteration, then read after
  /// `concurrentPerform` returns, which orders the writes before the reads.
  private final class ResultSlots: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<ImportedArticle?>

    init(count: Int) {
      slots = .allocate(capacity: count)
      slots.initialize(repeating: nil)
    }

    deinit {
      slots.deinitialize()
      slots.deallocate()
    }

    func set(_ index: Int, _ article: ImportedArticle) { slots[index] = article }

    func values() -> [ImportedArticle] { slots.map { $0! } }
  }
}
