import LeggioModel

/// Words, sentences and paragraphs of an article's canonical text, by scalar offset:
/// what a selection extends and shrinks by. Offsets are those of `CanonicalText`.
public struct TextUnits: Sendable {
  private let scalars: [Unicode.Scalar]
  /// Where each block (paragraph) starts and ends.
  private let blocks: [Range<Int>]

  public init(_ canonical: CanonicalText) {
    scalars = Array(canonical.text.unicodeScalars)
    blocks = canonical.blockStarts.indices.map { canonical.range(ofBlock: $0) }
  }

  public var count: Int { scalars.count }

  private func isWordScalar(_ i: Int) -> Bool {
    let scalar = scalars[i]
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
      || scalar.properties.generalCategory == .nonspacingMark
      || (scalar == "'" || scalar == "’" || scalar == "-") && i > 0 && i + 1 < count
        && scalars[i - 1].properties.isAlphabetic && scalars[i + 1].properties.isAlphabetic
  }

  /// The first word starting at or after `offset`, nil when none follows.
  public func word(atOrAfter offset: Int) -> Range<Int>? {
    var start = max(0, offset)
    while start < count && !isWordScalar(start) { start += 1 }
    guard start < count else { return nil }
    var end = start
    while end < count && isWordScalar(end) { end += 1 }
    return start..<end
  }

  /// The end of the first word ending after `offset`, or `offset` when none follows.
  public func wordEnd(after offset: Int) -> Int {
    guard let word = word(atOrAfter: offset) else { return offset }
    return word.upperBound
  }

  /// One word back from `offset` (the last word and the punctuation after it dropped),
  /// never before `floor`.
  public func wordEnd(before offset: Int, floor: Int) -> Int {
    var i = min(offset, count) - 1
    while i >= floor && !isWordScalar(i) { i -= 1 }
    while i >= floor && isWordScalar(i) { i -= 1 }
    while i >= floor && !isWordScalar(i) { i -= 1 }
    return max(floor, i + 1)
  }

  private func endsSentence(at i: Int) -> Bool {
    let scalar = scalars[i]
    guard scalar == "." || scalar == "!" || scalar == "?" || scalar == "…" else { return false }
    var next = i + 1
    while next < count && "»”\"')".unicodeScalars.contains(scalars[next]) { next += 1 }
    return next >= count || scalars[next].properties.isWhitespace
  }

  /// The offset just past the end of the sentence holding `offset` (closing quotes
  /// included), or of the next one when `offset` already ends one.
  public func sentenceEnd(after offset: Int) -> Int {
    var i = max(0, offset)
    while i < count && scalars[i].properties.isWhitespace { i += 1 }
    while i < count {
      if scalars[i] == "\n" { return trimmedEnd(i) }
      if endsSentence(at: i) {
        var end = i + 1
        while end < count && "»”\"')".unicodeScalars.contains(scalars[end]) { end += 1 }
        return end
      }
      i += 1
    }
    return count
  }

  /// The end of the sentence before the one ending at `offset`, never before `floor`
  /// (the end of the first word of the selection).
  public func sentenceEnd(before offset: Int, floor: Int) -> Int {
    var i = min(offset, count) - 1
    while i >= floor && !isWordScalar(i) { i -= 1 }
    while i > floor {
      if endsSentence(at: i - 1) || scalars[i - 1] == "\n" { break }
      i -= 1
    }
    return max(floor, trimmedEnd(i))
  }

  /// The end of the paragraph holding `offset`, or of the next when `offset` ends one.
  public func paragraphEnd(after offset: Int) -> Int {
    guard let index = blocks.firstIndex(where: { $0.upperBound > offset }) else { return count }
    return blocks[index].upperBound
  }

  /// The end of the paragraph before the one ending at `offset`, never before `floor`.
  public func paragraphEnd(before offset: Int, floor: Int) -> Int {
    guard let index = blocks.lastIndex(where: { $0.upperBound < offset }) else { return floor }
    return max(floor, blocks[index].upperBound)
  }

  /// `end` moved back over spaces and line breaks.
  private func trimmedEnd(_ end: Int) -> Int {
    var end = min(end, count)
    while end > 0 && scalars[end - 1].properties.isWhitespace { end -= 1 }
    return end
  }
}
