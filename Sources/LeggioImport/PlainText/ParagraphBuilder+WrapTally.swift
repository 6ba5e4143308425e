extension ParagraphBuilder {
  /// What `measure` reads of a text's multi-line chunks, counted in histograms while the
  /// chunks are cut, on every core: the lines' lengths (for the wrap width) and, for each
  /// line but a chunk's last, how far the line would reach with the next line's first
  /// word after it (for whether it is full at that width). Measuring after the chunking
  /// went through every chunk again, on one core for its percentile, with the layout
  /// waiting for both.
  struct WrapTally {
    /// Histograms count values below this; the rare larger lengths are kept apart.
    static let bound = 1024
    /// How many lines have each length below `bound`.
    var lengths = [Int](repeating: 0, count: bound)
    /// The lengths of `bound` and over.
    var long: [Int] = []
    /// How many lines reach each column with the next line's first word after them
    /// (`length + 1 + firstWord + 1`); `bound` counts every reach from `bound` on.
    var reaches = [Int](repeating: 0, count: bound + 1)
    /// The lines counted in `lengths` and `long`.
    var lineCount = 0
    /// The lines counted in `reaches`.
    var pairCount = 0

    /// Counts one multi-line chunk's measures (`columns` and `firstWordColumns` of its lines).
    mutating func add(lengths chunkLengths: ArraySlice<Int>, firstWords: ArraySlice<Int>) {
      var index = chunkLengths.startIndex
      while index < chunkLengths.endIndex {
        let length = chunkLengths[index]
        if length < Self.bound { lengths[length] += 1 } else { long.append(length) }
        let next = index + 1
        if next < chunkLengths.endIndex {
          reaches[min(length + firstWords[next] + 2, Self.bound)] += 1
        }
        index = next
      }
      lineCount += chunkLengths.count
      pairCount += max(0, chunkLengths.count - 1)
    }

    /// Adds `other`'s counts to these.
    mutating func merge(_ other: WrapTally) {
      guard other.lineCount > 0 else { return }
      for index in lengths.indices { lengths[index] += other.lengths[index] }
      for index in reaches.indices { reaches[index] += other.reaches[index] }
      long += other.long
      lineCount += other.lineCount
      pairCount += other.pairCount
    }

    /// What `measure` finds for the chunks counted: `.some(nil)` for too few lines to
    /// tell, nil when the width is `bound` or more (the reaches were not counted that far:
    /// then `measure` counts).
    func wrapping() -> Wrapping?? {
      guard let width = percentile98(histogram: lengths, long: long, total: lineCount) else {
        return .some(nil)
      }
      guard width < Self.bound else { return nil }
      // Full: the next word would overflow, `length + 1 + firstWord > width - 1`.
      let full = reaches[(width + 1)...].reduce(0, +)
      return Wrapping(width: width, isHardWrapped: width >= 30 && full * 2 >= pairCount)
    }
  }
}
