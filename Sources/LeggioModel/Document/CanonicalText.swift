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
    // The runs' bytes are copied into one buffer, their scalars counted as they are, and
    // the buffer made a string without a second UTF-8 check: it is valid strings joined
    // by ASCII. (Appending each run to a string and counting its scalars apart took 18,000
    // instructions for a feed item of 1.5 KB.)
    var length = 0
    for block in document.blocks {
      length += Self.blockSeparator.utf8.count
      for inline in block.inlines { length += inline.text.utf8.count }
    }
    var starts: [Int] = []
    starts.reserveCapacity(document.blocks.count)
    var offset = 0
    var isASCII = true
    let capacity = max(0, length - Self.blockSeparator.utf8.count)
    let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { output, initialized in
      var written = 0
      for (index, block) in document.blocks.enumerated() {
        if index > 0 {
          output[written] = 0x0A
          output[written + 1] = 0x0A
          written += 2
          offset += 2
        }
        starts.append(offset)
        for inline in block.inlines {
          var text = inline.text
          text.withUTF8 { run in
            guard let source = run.baseAddress, !run.isEmpty else { return }
            (output.baseAddress! + written).initialize(from: source, count: run.count)
            let (scalars, ascii) = UTF8Scalars.count(run)
            offset += scalars
            isASCII = isASCII && ascii
            written += run.count
          }
        }
      }
      initialized = written
    }
    self.text = bytes.withUnsafeBufferPointer {
      String(copying: UTF8Span(unchecked: $0.span, isKnownASCII: isASCII))
    }
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
    utf8.withContiguousStorageIfAvailable { UTF8Scalars.count($0).count }
      ?? utf8.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
  }
}
