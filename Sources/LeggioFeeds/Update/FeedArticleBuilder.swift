import Foundation
import LeggioModel

/// Turns many feed items into articles on every core: converting each item's HTML is
/// the costliest step of a large update, and items are independent.
public enum FeedArticleBuilder {
  public static func articles(for items: [FeedItem], feed: ParsedFeed, feedURL: URL?)
    -> [ImportedArticle]
  {
    guard items.count > 16 else { return items.map { $0.article(feed: feed, feedURL: feedURL) } }
    let results = ResultSlots(count: items.count)
    let chunk = 64
    let chunks = (items.count + chunk - 1) / chunk
    DispatchQueue.concurrentPerform(iterations: chunks) { index in
      for position in (index * chunk)..<min((index + 1) * chunk, items.count) {
        results.set(position, items[position].article(feed: feed, feedURL: feedURL))
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
