import LeggioModel

extension ParagraphBuilder {
  /// A text's chunks (runs of non-blank lines, trailing white space removed) with, for
  /// each chunk of more than one line, its lines' `columns` and `firstWordColumns` (empty
  /// for a chunk of one line, which no wrap test reads). The measures are slices of one
  /// array a stretch, with the same indices in both: an array of their own for each
  /// chunk was two allocations and two frees a paragraph.
  struct MeasuredChunks {
    /// Each chunk's lines, a slice of its stretch's trimmed lines.
    var lines: [ArraySlice<TextLine>] = []
    var lengths: [ArraySlice<Int>] = []
    var firstWords: [ArraySlice<Int>] = []
    /// For each chunk, whether its bytes showed that no line needs collapsing (no
    /// indentation, tab or run of spaces), so that joining it need not look again.
    var plain: [Bool] = []
    /// The multi-line chunks' measures, counted for `measure`.
    var tally = WrapTally()
  }

  /// Groups non-blank lines separated by blank ones, trailing spaces removed.
  static func chunk(_ lines: ArraySlice<Substring>) -> [[Substring]] {
    TextLine.withLines(lines) { chunkAndMeasure($0[...]).lines.map { $0.map(\.text) } }
  }

  /// `chunk`, each line measured while its bytes are at hand: `chunkAndMeasureInParts`
  /// joined.
  static func chunkAndMeasure(_ lines: ArraySlice<TextLine>) -> MeasuredChunks {
    var parts = chunkAndMeasureInParts(lines)
    guard parts.count > 1 else { return parts[0] }
    var lineParts: [[ArraySlice<TextLine>]] = []
    var lengthParts: [[ArraySlice<Int>]] = []
    var firstWordParts: [[ArraySlice<Int>]] = []
    var plainParts: [[Bool]] = []
    var tally = WrapTally()
    for index in parts.indices {
      tally.merge(parts[index].tally)
      // Moved out, so that each part is held once and `joinedMoving` can take it apart.
      lineParts.append([])
      swap(&lineParts[index], &parts[index].lines)
      lengthParts.append([])
      swap(&lengthParts[index], &parts[index].lengths)
      firstWordParts.append([])
      swap(&firstWordParts[index], &parts[index].firstWords)
      plainParts.append([])
      swap(&plainParts[index], &parts[index].plain)
    }
    return MeasuredChunks(
      lines: ConcurrentSlices.joinedMoving(lineParts),
      lengths: ConcurrentSlices.joinedMoving(lengthParts),
      firstWords: ConcurrentSlices.joinedMoving(firstWordParts),
      plain: ConcurrentSlices.joinedMoving(plainParts), tally: tally)
  }

  /// `chunk`, each line measured while its bytes are at hand, in consecutive parts: a
  /// long text is cut at blank lines into stretches grouped on every core (one thread
  /// took a book's 60,000 lines while the other waited), and the parts are left apart
  /// for the blocks to be built from in the same slices (joining them was 2.7 M
  /// instructions on one thread). One part for a short text.
  static func chunkAndMeasureInParts(_ lines: ArraySlice<TextLine>) -> [MeasuredChunks] {
    guard lines.count >= 16_384, ConcurrentSlices.coreCount > 1 else {
      return [chunkSerially(lines)]
    }
    let pieces = 8
    var cuts = [lines.startIndex]
    for piece in 1..<pieces {
      var cut = max(cuts[cuts.count - 1], lines.startIndex + lines.count * piece / pieces)
      while cut < lines.endIndex && !trimmed(lines[cut]).isEmpty { cut += 1 }
      if cut < lines.endIndex && cut > cuts[cuts.count - 1] { cuts.append(cut) }
    }
    cuts.append(lines.endIndex)
    let stretches = zip(cuts, cuts.dropFirst()).map { $0..<$1 }
    return ConcurrentSlices.map(stretches, minimumSliceLength: 1) { slice in
      var measured = MeasuredChunks()
      for range in slice {
        let part = chunkSerially(lines[range])
        if measured.lines.isEmpty {
          measured = part
        } else {
          measured.lines += part.lines
          measured.lengths += part.lengths
          measured.firstWords += part.firstWords
          measured.plain += part.plain
          measured.tally.merge(part.tally)
        }
      }
      return measured
    }
  }

  /// A line without its trailing white space: read from its last bytes when they can
  /// tell (`trimmedEnd`), else by `Character`.
  @inline(__always)
  static func trimmed(_ line: TextLine) -> TextLine {
    if let last = line.last, last > 0x20 && last < 0x7F { return line }
    if let end = trimmedEnd(line.bytes) { return line.prefix(end) }
    return line.prefix(line.text.trimmingSuffix(while: \.isWhitespace).utf8.count)
  }

  /// The byte count of a line without its trailing white space, read from its last bytes,
  /// or nil when they cannot tell: they can for an empty line, one ending in a letter or
  /// sign that stands alone (`standsAlone`: an accented letter, a closing guillemet or
  /// quote, none of them white space) and one whose trailing spaces and tabs follow
  /// printable ASCII. A tenth of a book's lines end in "è" or "»", and the walk by
  /// `Character` cost a thousand instructions each.
  private static func trimmedEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var end = bytes.count
    guard end > 0 else { return 0 }
    if bytes[end - 1] >= 0x80 {
      var lead = end - 1
      while lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
      let value = scalarAt(bytes, lead)
      return value != 0xA0 && standsAlone(value) ? end : nil
    }
    while end > 0 && isSpaceOrTab(bytes[end - 1]) { end -= 1 }
    guard end == 0 || (bytes[end - 1] > 0x20 && bytes[end - 1] < 0x7F) else { return nil }
    return end
  }

  /// A line's trimmed byte count (-1 when nothing is trimmed, 0 for a blank line),
  /// `columns` and `firstWordColumns`, and whether its trimmed bytes were seen to need no
  /// collapsing, from one look at its bytes when they can tell (most lines), else with
  /// the `Character` walks (then `plain` is false: the join looks for itself).
  private static func measureLine(_ line: TextLine) -> (
    end: Int, columns: Int, firstWord: Int, plain: Bool
  ) {
    let bytes = line.bytes
    if let end = trimmedEnd(bytes) {
      guard end > 0 else { return (0, 0, 0, true) }
      let kept = UnsafeBufferPointer(rebasing: bytes[..<end])
      if let firstWord = firstWordColumns(bytes: kept) {
        let measured = columnsAndPlain(bytes: kept)
        return (end == bytes.count ? -1 : end, measured.columns, firstWord, measured.plain)
      }
    }
    let kept = trimmed(line)
    guard !kept.isEmpty else { return (0, 0, 0, true) }
    let end = kept.count
    let firstWord =
      firstWordColumns(bytes: kept.bytes) ?? slowFirstWordColumnsUnlessWhitespace(kept.text)
    return (end == line.count ? -1 : end, columns(bytes: kept.bytes), firstWord, false)
  }

  /// Every line is trimmed and measured first, into arrays of the stretch's length, so
  /// that each chunk and its measures are slices of arrays no longer written to: an
  /// array of its own for each chunk cost an allocation and a free a paragraph (7.6 M
  /// instructions for a book's 11,000 chunks, half of it the storage type's lookup).
  private static func chunkSerially(_ lines: ArraySlice<TextLine>) -> MeasuredChunks {
    let base = lines.startIndex
    var ends = [Int](repeating: 0, count: lines.count)
    var trimmed = [TextLine](repeating: TextLine(start: nil, count: 0), count: lines.count)
    var lengths = [Int](repeating: 0, count: lines.count)
    var firstWords = [Int](repeating: 0, count: lines.count)
    var plain = [Bool](repeating: false, count: lines.count)
    for index in lines.indices {
      let line = lines[index]
      let measured = measureLine(line)
      ends[index - base] = measured.end
      trimmed[index - base] = measured.end < 0 ? line : line.prefix(measured.end)
      lengths[index - base] = measured.columns
      firstWords[index - base] = measured.firstWord
      plain[index - base] = measured.plain
    }
    var chunks = MeasuredChunks()
    var start: Int?
    func close(at end: Int) {
      guard let first = start else { return }
      let range = (first - base)..<(end - base)
      chunks.lines.append(trimmed[range])
      let measured = range.count > 1 ? range : range.lowerBound..<range.lowerBound
      chunks.lengths.append(lengths[measured])
      chunks.firstWords.append(firstWords[measured])
      if !measured.isEmpty {
        chunks.tally.add(lengths: lengths[measured], firstWords: firstWords[measured])
      }
      chunks.plain.append(!plain[range].contains(false))
      start = nil
    }
    for index in lines.indices {
      if ends[index - base] == 0 {
        close(at: index)
      } else if start == nil {
        start = index
      }
    }
    close(at: lines.endIndex)
    return chunks
  }
}
