import Foundation

/// The plain text of a document that every position refers to: the blocks' plain
/// text joined by a blank line (`"\n\n"`). Offsets are Unicode scalar offsets, the
/// unit of the W3C Web Annotation `TextPositionSelector`.
public struct CanonicalText: Hashable, Sendable {
  /// The separator between two blocks.
  public static let blockSeparator = "\n\n"

  public let text: String
  /// The scalar offset where each block's text starts, one per block.
  public let blockStarts: [Int]
  /// The number of Unicode scalars in `text`.
  public let scalarCount: Int

  public init(_ document: Document) {
    var text = ""
    // The runs are appended one by one (a block's text is its runs' text) into a string
    // grown once: a book's 4 MB were copied again at every doubling and every block.
    text.reserveCapacity(
      document.blocks.reduce(0) { $0 + 2 + $1.inlines.reduce(0) { $0 + $1.text.utf8.count } })
    var starts: [Int] = []
    starts.reserveCapacity(document.blocks.count)
    var offset = 0
    for (index, block) in document.blocks.enumerated() {
      if index > 0 {
        text += Self.blockSeparator
        offset += 2
      }
      starts.append(offset)
      for inline in block.inlines {
        text += inline.text
        offset += inline.text.utf8ScalarCount
      }
    }
    self.text = text
    self.blockStarts = starts
    self.scalarCount = offset
  }

  /// The scalar range of block `index` in the canonical text.
  public func range(ofBlock index: Int) -> Range<Int> {
    let start = blockStarts[index]
    let end = index + 1 < blockStarts.count ? blockStarts[index + 1] - 2 : scalarCount
    return start..<end
  }

  /// The block holding `offset` (a separator belongs to the block after it).
  public func blockIndex(containing offset: Int) -> Int? {
    guard !blockStarts.isEmpty else { return nil }
    return blockStarts.indexOfBlock(containing: offset)
  }

  /// The text between two scalar offsets, clamped to the text.
  public func substring(_ range: Range<Int>) -> String {
    let scalars = text.unicodeScalars
    let lower = max(0, min(range.lowerBound, scalarCount))
    let upper = max(lower, min(range.upperBound, scalarCount))
    let start = scalars.index(scalars.startIndex, offsetBy: lower)
    let end = scalars.index(start, offsetBy: upper - lower)
    return String(scalars[start..<end])
  }
}

extension Document {
  /// The canonical text of this document.
  public var canonicalText: CanonicalText { CanonicalText(self) }
}

extension StringProtocol {
  /// The number of Unicode scalars, counted on the UTF-8 bytes (every scalar has exactly
  /// one byte that is not a continuation byte): far cheaper than walking `unicodeScalars`.
  package var utf8ScalarCount: Int {
    func count<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int {
      var count = 0
      for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
      return count
    }
    return utf8.withContiguousStorageIfAvailable(count) ?? count(utf8)
  }
}
