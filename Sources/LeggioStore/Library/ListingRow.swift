import Foundation

/// One article of a listing as SQLite gave it, its texts as UTF-8 bytes in a buffer that is
/// reused for the next article: what `leggio list` and `list --json` print, with no
/// `String`, array or record made per article (making them was most of listing 100,000).
/// Valid only inside the call it is handed to. The texts are the bytes GRDB would have
/// read (up to a NUL, not yet checked as UTF-8); `Library.forEachEntry` is the reference
/// it is held to.
package struct ListingRow {
  /// The text columns, in the order of `Library.listingSQL`'s SELECT list.
  package enum Field: Int, CaseIterable {
    case uuid, title, kicker, siteName, byline, standfirst, dateline, imageCredit, language
    case source
  }

  package let id: Int64
  package let words: Int
  /// How far the reader got, 0...1.
  package let progress: Double
  package let isUnread: Bool
  package let isStarred: Bool
  package let isPending: Bool
  package let addedAt: Date
  package let published: Date?

  /// The buffer the texts are in, and where each one is: `spans[2 * field]` is its start,
  /// the next its length, -1 for NULL.
  let bytes: UnsafeBufferPointer<UInt8>
  let spans: UnsafeBufferPointer<Int>
  /// Start and length of each tag, in pairs, sorted as `ORDER BY tag COLLATE NOCASE`.
  let tagSpans: UnsafeBufferPointer<Int>

  /// The bytes of `field`, nil when it is NULL.
  package subscript(_ field: Field) -> UnsafeBufferPointer<UInt8>? {
    let start = spans[2 * field.rawValue]
    let count = spans[2 * field.rawValue + 1]
    guard count >= 0 else { return nil }
    return UnsafeBufferPointer(rebasing: bytes[start..<start + count])
  }

  package var tagCount: Int { tagSpans.count / 2 }

  /// The bytes of tag `index` (in `0..<tagCount`).
  package func tag(_ index: Int) -> UnsafeBufferPointer<UInt8> {
    let start = tagSpans[2 * index]
    return UnsafeBufferPointer(rebasing: bytes[start..<start + tagSpans[2 * index + 1]])
  }
}
