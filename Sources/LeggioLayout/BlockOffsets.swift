import LeggioModel

/// Where each block starts in the canonical text (the same numbers as `CanonicalText`),
/// computed by counting UTF-8 lead bytes instead of building the whole text: a fresh
/// layout of a book can show its first page without joining megabytes of text.
struct BlockOffsets {
  let starts: [Int]
  let scalarCount: Int

  init(_ document: Document) {
    var starts: [Int] = []
    starts.reserveCapacity(document.blocks.count)
    var offset = 0
    for (index, block) in document.blocks.enumerated() {
      if index > 0 { offset += CanonicalText.blockSeparator.unicodeScalars.count }
      starts.append(offset)
      for inline in block.inlines { offset += Self.scalarCount(inline.text) }
    }
    self.starts = starts
    self.scalarCount = offset
  }

  /// Unicode scalars in `text`: its UTF-8 bytes that are not continuation bytes.
  static func scalarCount(_ text: String) -> Int {
    var text = text
    return text.withUTF8 { UTF8Scalars.count($0).count }
  }

  /// The scalar range of block `index`.
  func range(ofBlock index: Int) -> Range<Int> {
    let end = index + 1 < starts.count ? starts[index + 1] - 2 : scalarCount
    return starts[index]..<end
  }

  /// The block holding `offset` (a separator belongs to the block after it).
  func blockIndex(containing offset: Int) -> Int? {
    guard !starts.isEmpty else { return nil }
    return starts.indexOfBlock(containing: offset)
  }
}
