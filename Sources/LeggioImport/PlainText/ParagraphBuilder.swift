import Foundation
import LeggioModel

/// Turns the lines of a plain text into blocks.
///
/// Blank lines separate chunks. Whether a chunk is hard-wrapped prose (joined back into
/// one paragraph) or verse and other line-shaped text (lines kept as `"\n"` inside one
/// block) is decided per chunk from its line lengths relative to the text's wrap width:
/// in prose folded at a width, every line but the last is full — the next word would not
/// have fitted. A text whose lines mostly are not full is not hard-wrapped at all
/// (the Divina Commedia), and keeps all its lines.
enum ParagraphBuilder {
  /// How a text's lines were folded, measured once per text.
  struct Wrapping: Equatable, Sendable {
    /// The width prose lines were folded at, in characters.
    var width: Int
    /// Whether the text is hard-wrapped prose at all.
    var isHardWrapped: Bool
  }

  /// The blocks of `lines`, for callers that hold `Substring`s (the tests).
  static func blocks(from lines: ArraySlice<Substring>) -> [Block] {
    TextLine.withLines(lines) { blocks(from: $0[...]) }
  }

  /// The blocks of `lines`; `memory` says whether the chunks of lines are freed once the
  /// blocks are built.
  static func blocks(from lines: ArraySlice<TextLine>, memory: WorkingMemory = .freed)
    -> [Block]
  {
    // Each line's length and the length of its first word are counted as the lines are
    // grouped, while its bytes are at hand (a pass of their own cost a fourteenth of
    // `show` on a book: a contiguous-storage call, a retain and a release a line).
    var parts = chunkAndMeasureInParts(lines)
    PhaseTrace.mark("paragraphs: chunked and measured")
    var tally = WrapTally()
    for index in parts.indices { tally.merge(parts[index].tally) }
    let wrapping =
      tally.wrapping()
      ?? measure(
        parts.flatMap(\.lines), lengths: parts.flatMap(\.lengths),
        firstWords: parts.flatMap(\.firstWords))
    PhaseTrace.mark("paragraphs: wrap width measured")
    let blocks = blocks(parts, wrapping: wrapping)
    PhaseTrace.mark("paragraphs: blocks built")
    // Freed on every core, not one by one on this thread, or left for the process's end.
    for index in parts.indices { memory.release(&parts[index].lines) }
    PhaseTrace.mark("paragraphs: chunks released")
    return blocks
  }

  /// The blocks of the chunks of `parts`, in order: a long text's parts each built on a
  /// thread, a short text's one part in slices on every core.
  static func blocks(_ parts: [MeasuredChunks], wrapping: Wrapping?) -> [Block] {
    guard parts.count > 1 else {
      return blocks(
        parts[0].lines, lengths: parts[0].lengths, firstWords: parts[0].firstWords,
        plain: parts[0].plain, wrapping: wrapping)
    }
    return ConcurrentSlices.joinedMoving(
      ConcurrentSlices.map(Array(parts.indices), minimumSliceLength: 1) { indices in
        var blocks: [Block] = []
        blocks.reserveCapacity(indices.reduce(0) { $0 + parts[$1].lines.count })
        for part in indices {
          let chunks = parts[part]
          for index in chunks.lines.indices {
            append(
              chunks.lines[index], lengths: chunks.lengths[index],
              firstWords: chunks.firstWords[index], plain: chunks.plain[index],
              wrapping: wrapping, to: &blocks)
          }
        }
        return blocks
      })
  }

  /// The blocks of `chunks`, made in slices on every core.
  private static func blocks(
    _ chunks: [ArraySlice<TextLine>], lengths: [ArraySlice<Int>], firstWords: [ArraySlice<Int>],
    plain: [Bool], wrapping: Wrapping?
  ) -> [Block] {
    ConcurrentSlices.joinedMoving(
      ConcurrentSlices.map(Array(chunks.indices)) { indices in
        var blocks: [Block] = []
        blocks.reserveCapacity(indices.count)
        for index in indices {
          append(
            chunks[index], lengths: lengths[index], firstWords: firstWords[index],
            plain: plain[index], wrapping: wrapping, to: &blocks)
        }
        return blocks
      })
  }

  /// The blocks one chunk makes: list items, a heading, a paragraph of joined prose, or
  /// lines kept as they are.
  private static func append(
    _ chunk: ArraySlice<TextLine>, lengths: ArraySlice<Int>, firstWords: ArraySlice<Int>,
    plain: Bool,
    wrapping: Wrapping?, to blocks: inout [Block]
  ) {
    if let items = TextListItem.items(chunk) {
      blocks += items.map {
        Block(.listItem(depth: $0.depth, ordinal: $0.ordinal), text: collapse($0.text))
      }
    } else if chunk.count == 1 {
      let text = collapse(chunk[chunk.startIndex])
      if let level = TextHeading.level(of: text) {
        blocks.append(Block(.heading(level: level), text: text))
      } else {
        blocks.append(Block(.paragraph, text: text))
      }
    } else if let wrapping, wrapping.isHardWrapped,
      isProse(lengths: lengths, firstWords: firstWords, width: wrapping.width)
    {
      blocks.append(Block(.paragraph, text: joinCollapsed(chunk, separator: " ", plain: plain)))
    } else if wrapping?.isHardWrapped != true && averageLength(chunk) > 100 {
      // Unwrapped text with one paragraph per line and no blank lines between them.
      blocks += chunk.map { Block(.paragraph, text: collapse($0)) }
    } else {
      blocks.append(
        Block(.paragraph, text: joinCollapsed(chunk, separator: "\n", plain: plain)))
    }
  }

  /// The wrap width (98th percentile of the lengths of lines in multi-line chunks) and
  /// whether at least half of those lines are full at that width. Nil for texts with
  /// too few such lines to tell. `lengths` holds the `columns` of each multi-line
  /// chunk's lines, `firstWords` their `firstWordColumns`.
  static func measure(
    _ chunks: [ArraySlice<TextLine>], lengths: [ArraySlice<Int>], firstWords: [ArraySlice<Int>]
  ) -> Wrapping? {
    guard let width = percentile98(lengths) else { return nil }
    let counts = ConcurrentSlices.map(Array(chunks.indices), minimumSliceLength: 1024) { indices in
      var tested = 0
      var full = 0
      for chunkIndex in indices where chunks[chunkIndex].count > 1 {
        let lengths = lengths[chunkIndex]
        let firstWords = firstWords[chunkIndex]
        for index in lengths.indices.dropLast() {
          tested += 1
          if nextWordWouldOverflow(lengths, firstWords, index, width: width) { full += 1 }
        }
      }
      return (tested: tested, full: full)
    }
    let tested = counts.reduce(0) { $0 + $1.tested }
    let full = counts.reduce(0) { $0 + $1.full }
    return Wrapping(width: width, isHardWrapped: width >= 30 && full * 2 >= tested)
  }

  /// The 98th percentile of the lengths (the element at 98% of them in sorted order), or
  /// nil for fewer than 8. Counted in a histogram, as line lengths are small numbers;
  /// the rare lines over a thousand characters are sorted apart.
  static func percentile98<Row: Collection<Int>>(_ lengths: [Row]) -> Int? {
    let bound = WrapTally.bound
    var histogram = [Int](repeating: 0, count: bound)
    var long: [Int] = []
    var total = 0
    for row in lengths {
      for length in row {
        if length < bound { histogram[length] += 1 } else { long.append(length) }
      }
      total += row.count
    }
    return percentile98(histogram: histogram, long: long, total: total)
  }

  /// `percentile98` of `total` lengths, counted in `histogram` (how many of each length
  /// below its count) and `long` (the others, in any order).
  static func percentile98(histogram: [Int], long: [Int], total: Int) -> Int? {
    var long = long
    guard total >= 8 else { return nil }
    let rank = total * 98 / 100
    var seen = 0
    for (length, count) in histogram.enumerated() {
      seen += count
      if seen > rank { return length }
    }
    long.sort()
    return long[rank - seen]
  }

  /// Whether the chunk is folded prose: three quarters of its lines but the last are full
  /// (the next word would overflow, or the line reaches 80% of the width).
  static func isProse(lengths: ArraySlice<Int>, firstWords: ArraySlice<Int>, width: Int) -> Bool {
    var full = 0
    for index in lengths.indices.dropLast()
    where nextWordWouldOverflow(lengths, firstWords, index, width: width)
      || lengths[index] * 5 >= width * 4
    {
      full += 1
    }
    return full * 4 >= (lengths.count - 1) * 3
  }

  private static func nextWordWouldOverflow(
    _ lengths: ArraySlice<Int>, _ firstWords: ArraySlice<Int>, _ index: Int, width: Int
  ) -> Bool {
    lengths[index] + 1 + firstWords[index + 1] > width - 1
  }

  /// The columns of a line's first word, leading white space skipped. Reads UTF-8 bytes;
  /// a line whose word touches non-ASCII white space or starts with a non-ASCII character
  /// (where grapheme rules could join it to the space) is measured by characters.
  static func firstWordColumns(_ line: Substring) -> Int {
    // Through a pointer: walking `Substring.UTF8View` indices cost a bounds check and an
    // index computation per byte, on every line of a book (twice).
    let counted = line.utf8.withContiguousStorageIfAvailable(firstWordColumns(bytes:))
    if let counted, let counted { return counted }
    return slowFirstWordColumnsUnlessWhitespace(line)
  }

  /// `firstWordColumns` on a line's contiguous UTF-8 bytes, or nil when the word touches
  /// non-ASCII white space or starts with a non-ASCII character that might join the space
  /// before it (then only the `Character` walk can tell).
  static func firstWordColumns(bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let n = bytes.count
    var index = 0
    while index < n, isASCIISpace(bytes[index]) { index += 1 }
    // A word may open with a letter or sign that stands alone ("«", "È", "“"): no
    // grapheme rule joins it to the space before it.
    guard
      index == n || bytes[index] < 0x80
        || (bytes[index] >= 0xC0 && startsStandingAlone(bytes, index))
    else { return nil }
    var count = 0
    while index < n {
      let byte = bytes[index]
      if byte < 0x80 {
        if isASCIISpace(byte) { break }
        count += 1
      } else if byte >= 0xC0 {
        // A scalar's lead byte: decode it only to rule out non-ASCII white space.
        let length = byte < 0xE0 ? 2 : (byte < 0xF0 ? 3 : 4)
        guard index + length <= n else { return nil }
        var value = UInt32(byte) & (length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07))
        for k in 1..<length { value = value << 6 | UInt32(bytes[index + k] & 0x3F) }
        guard Unicode.Scalar(value) != nil, !isNonASCIIWhiteSpace(value) else { return nil }
        count += 1
      }
      index += 1
    }
    return count
  }

  /// Whether a scalar from U+0080 on has Unicode's White_Space property: the list in
  /// PropList.txt, compared as numbers (the property lookup cost 370 instructions a
  /// scalar, 3.5 M on a book whose lines' first words are full of accented letters).
  static func isNonASCIIWhiteSpace(_ value: UInt32) -> Bool {
    switch value {
    case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }

  /// Whether the scalar whose lead byte is at `index` stands alone and is not white space.
  private static func startsStandingAlone(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int)
    -> Bool
  {
    let value = scalarAt(bytes, index)
    return value != 0xA0 && standsAlone(value)
  }

  /// `firstWordColumns` by indices, for a line that is not contiguous UTF-8 or whose
  /// word touches non-ASCII white space (then by characters).
  static func slowFirstWordColumnsUnlessWhitespace(_ line: Substring) -> Int {
    let bytes = line.utf8
    var index = bytes.startIndex
    while index != bytes.endIndex, isASCIISpace(bytes[index]) { index = bytes.index(after: index) }
    guard index == bytes.endIndex || bytes[index] < 0x80 else { return slowFirstWordColumns(line) }
    var count = 0
    while index != bytes.endIndex {
      let byte = bytes[index]
      if byte < 0x80 {
        if isASCIISpace(byte) { break }
        count += 1
      } else if byte >= 0xC0 {
        let scalar = line.unicodeScalars[index]
        if scalar.properties.isWhitespace { return slowFirstWordColumns(line) }
        count += 1
      }
      index = bytes.index(after: index)
    }
    return count
  }

  private static func slowFirstWordColumns(_ line: Substring) -> Int {
    columns(line.drop(while: \.isWhitespace).prefix { !$0.isWhitespace })
  }

  /// Space, tab and the other ASCII white space (line feed to carriage return).
  private static func isASCIISpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
  }

  private static func averageLength(_ chunk: ArraySlice<TextLine>) -> Int {
    chunk.reduce(0) { $0 + columns(bytes: $1.bytes) } / max(chunk.count, 1)
  }

  /// A line's length for wrap decisions: Unicode scalars, which match characters in
  /// precomposed text and cost far less to count than grapheme clusters.
  static func columns(_ line: Substring) -> Int {
    // On the bytes here: `utf8ScalarCount`, generic and in another module, runs
    // unspecialized (a witness-table call per byte), a twentieth of `leggio show`'s time.
    line.utf8.withContiguousStorageIfAvailable(columns(bytes:)) ?? line.unicodeScalars.count
  }

  /// `columns` on contiguous UTF-8 bytes: the bytes that are not continuation bytes.
  static func columns(bytes: UnsafeBufferPointer<UInt8>) -> Int {
    UTF8Scalars.count(bytes).count
  }

  /// The lines collapsed and joined into one string: their bytes copied into one buffer
  /// and made a `String` without a second UTF-8 check (they come from strings).
  /// Appending each line as a `Substring` went through the generic append, and building
  /// the string in place had the standard library check every byte again: either was a
  /// twelfth of `leggio show`'s instructions on a book. Collapsing only drops bytes, so
  /// the lines' bytes and separators bound the length. With `plain`, the caller knows no
  /// line needs collapsing (the chunking pass judged each line's bytes as it measured
  /// them), and the lines are copied without being looked through again.
  static func joinCollapsed(_ lines: [Substring], separator: String, plain: Bool = false)
    -> String
  {
    TextLine.withLines(lines) { joinCollapsed($0[...], separator: separator, plain: plain) }
  }

  /// `joinCollapsed` of lines read as bytes.
  static func joinCollapsed(
    _ lines: ArraySlice<TextLine>, separator: String, plain: Bool = false
  )
    -> String
  {
    var separator = separator
    let separatorCount = separator.utf8.count
    let capacity = lines.reduce(separatorCount * max(0, lines.count - 1)) { $0 + $1.count }
    guard capacity > 0 else { return "" }
    return separator.withUTF8 { separatorBytes in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { output in
        let base = output.baseAddress!
        var written = 0
        func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
          guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
          (base + written).update(from: source, count: bytes.count)
          written += bytes.count
        }
        for (index, line) in lines.enumerated() {
          if index > 0 { copy(separatorBytes) }
          let bytes = line.bytes
          if plain || !hasIndentTabOrSpaceRun(bytes) {
            copy(bytes)
          } else if canCollapseBytes(bytes) {
            written += writeCollapsed(bytes, to: base + written)
          } else {
            var collapsed = collapseCharacters(line.text)
            collapsed.withUTF8 { copy($0) }
          }
        }
        let joined = UnsafeBufferPointer(start: base, count: written)
        return UTF8Validation.string(checked: joined, isASCII: isASCII(joined))
      }
    }
  }

  /// Whether every byte is ASCII, eight at a time.
  private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    var index = 0
    var high: UInt64 = 0
    while index + 8 <= bytes.count {
      high |= UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
      index += 8
    }
    while index < bytes.count {
      high |= UInt64(base[index])
      index += 1
    }
    return high & 0x8080_8080_8080_8080 == 0
  }

  /// `collapse` of a line read as bytes.
  static func collapse(_ line: TextLine) -> String {
    let bytes = line.bytes
    if !hasIndentTabOrSpaceRun(bytes) {
      return UTF8Validation.string(checked: bytes, isASCII: isASCII(bytes))
    }
    return collapsedBytes(bytes) ?? collapseCharacters(line.text)
  }

  /// A line without indentation, with runs of spaces and tabs made one space.
  static func collapse(_ line: Substring) -> String {
    if !needsCollapsing(line) { return String(line) }
    if let collapsed = line.utf8.withContiguousStorageIfAvailable(collapsedBytes), let collapsed {
      return collapsed
    }
    return collapseCharacters(line)
  }

  /// `collapse` on the UTF-8 bytes, or nil when a space touches a scalar that might join it
  /// into a larger grapheme cluster (a combining mark after it, a prepended sign before
  /// it): only the `Character` walk reads those right. Old texts set two spaces after
  /// every full stop; walking them by `Character` was a quarter of `show`'s time on a book.
  private static func collapsedBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard canCollapseBytes(bytes) else { return nil }
    return String(unsafeUninitializedCapacity: max(1, bytes.count)) { output in
      writeCollapsed(bytes, to: output.baseAddress!)
    }
  }

  /// Whether no space or tab of `bytes` touches a scalar that might join it into a larger
  /// grapheme cluster, so that collapsing the bytes collapses the characters.
  private static func canCollapseBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    var index = 0
    while index < count {
      guard isSpaceOrTab(bytes[index]) else {
        index += 1
        continue
      }
      let runStart = index
      while index < count && isSpaceOrTab(bytes[index]) { index += 1 }
      if runStart > 0 && bytes[runStart - 1] >= 0x80 {
        var lead = runStart - 1
        while lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        guard standsAlone(scalarAt(bytes, lead)) else { return false }
      }
      if index < count && bytes[index] >= 0x80 {
        guard standsAlone(scalarAt(bytes, index)) else { return false }
      }
    }
    return true
  }

  /// `bytes` without leading and trailing spaces and tabs, each run of them inside made
  /// one space, written to `output` (room for `bytes.count`); returns the bytes written.
  private static func writeCollapsed(
    _ bytes: UnsafeBufferPointer<UInt8>, to output: UnsafeMutablePointer<UInt8>
  ) -> Int {
    var written = 0
    var pendingSpace = false
    for byte in bytes {
      if isSpaceOrTab(byte) {
        pendingSpace = written > 0
      } else {
        if pendingSpace {
          output[written] = 0x20
          written += 1
        }
        pendingSpace = false
        output[written] = byte
        written += 1
      }
    }
    return written
  }

  static func isSpaceOrTab(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

  /// The scalar whose lead byte is at `index` of well-formed UTF-8.
  static func scalarAt(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt32 {
    let lead = UInt32(bytes[index])
    let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    var value = length == 1 ? lead : lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
    for offset in 1..<max(1, length) where index + offset < bytes.count {
      value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
    }
    return value
  }

  /// Whether the scalar is a grapheme cluster of its own whatever is next to it: Latin
  /// letters and signs, and general punctuation (dashes, quotes, ellipsis).
  static func standsAlone(_ value: UInt32) -> Bool {
    (0xA0...0x2FF).contains(value) && value != 0xAD || (0x2010...0x2027).contains(value)
      || (0x2030...0x205E).contains(value)
  }

  /// `collapse` by `Character`: the definition, and the way for lines the bytes cannot
  /// judge.
  static func collapseCharacters(_ line: Substring) -> String {
    var result = ""
    result.reserveCapacity(line.utf8.count)
    var pendingSpace = false
    for character in line {
      if character == " " || character == "\t" {
        pendingSpace = !result.isEmpty
      } else {
        if pendingSpace { result.append(" ") }
        pendingSpace = false
        result.append(character)
      }
    }
    return result
  }
}

extension ParagraphBuilder {
  /// Whether a line has indentation, a tab or a run of spaces; most prose lines have none.
  static func needsCollapsing(_ line: Substring) -> Bool {
    line.utf8.withContiguousStorageIfAvailable(hasIndentTabOrSpaceRun)
      ?? scan(line.utf8, previousWasSpace: true)
  }

  /// `needsCollapsing` on contiguous bytes, eight at a time: every line of a book is
  /// looked through, and a byte at a time this was a fiftieth of `leggio show`'s time.
  static func hasIndentTabOrSpaceRun(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    let count = bytes.count
    var index = 0
    #if _endian(little)
      // Bit 7 of byte 0 set: the byte before the first was a space, so a leading
      // space counts.
      var previousSpace: UInt64 = 0x80
      while index + 8 <= count {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        if zeroBytes(word ^ 0x0909_0909_0909_0909) != 0 { return true }
        let spaces = zeroBytes(word ^ 0x2020_2020_2020_2020)
        // A space whose byte before (one byte lower, on little-endian) is a space too.
        if spaces & (spaces << 8 | previousSpace) != 0 { return true }
        previousSpace = spaces >> 56
        index += 8
      }
      return scan(
        UnsafeBufferPointer(rebasing: bytes[index...]), previousWasSpace: previousSpace != 0)
    #else
      return scan(bytes, previousWasSpace: true)
    #endif
  }

  /// `columns(bytes:)`, and whether the bytes need no collapsing (`hasIndentTabOrSpaceRun`
  /// false), from one pass eight bytes at a time: the chunking pass measures every line,
  /// and the join looked through each line of a paragraph again (16 M instructions on a
  /// 3.4 MB book).
  static func columnsAndPlain(bytes: UnsafeBufferPointer<UInt8>) -> (columns: Int, plain: Bool) {
    #if _endian(little)
      guard let base = bytes.baseAddress else { return (0, true) }
      let count = bytes.count
      let high: UInt64 = 0x8080_8080_8080_8080
      var continuations = 0
      var index = 0
      // Bit 7 of byte 0 set: a leading space counts as a space after a space.
      var previousSpace: UInt64 = 0x80
      // Not zero once a tab or a space after a space has been seen.
      var found: UInt64 = 0
      while index &+ 8 <= count {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        // A continuation byte has bit 7 set and bit 6 clear.
        continuations &+= (word & ~(word << 1) & high).nonzeroBitCount
        let spaces = zeroBytes(word ^ 0x2020_2020_2020_2020)
        found |= zeroBytes(word ^ 0x0909_0909_0909_0909) | spaces & (spaces << 8 | previousSpace)
        previousSpace = spaces >> 56
        index &+= 8
      }
      if index < count && count >= 8 {
        // The last bytes read as the line's last eight, those already read shifted out
        // (zero bytes are neither continuations, spaces nor tabs): the byte-by-byte loop
        // below cost 3.7 M instructions on a book.
        let last = UnsafeRawPointer(base + (count &- 8)).loadUnaligned(as: UInt64.self)
        let word = last >> (UInt64(truncatingIfNeeded: 8 &- (count &- index)) &* 8)
        continuations &+= (word & ~(word << 1) & high).nonzeroBitCount
        let spaces = zeroBytes(word ^ 0x2020_2020_2020_2020)
        found |= zeroBytes(word ^ 0x0909_0909_0909_0909) | spaces & (spaces << 8 | previousSpace)
        index = count
      }
      var previousWasSpace = previousSpace != 0
      while index < count {
        let byte = base[index]
        continuations &+= byte & 0xC0 == 0x80 ? 1 : 0
        if byte == 0x09 || (byte == 0x20 && previousWasSpace) { found = 1 }
        previousWasSpace = byte == 0x20
        index &+= 1
      }
      return (count &- continuations, found == 0)
    #else
      return (columns(bytes: bytes), !hasIndentTabOrSpaceRun(bytes))
    #endif
  }

  /// Bit 7 of each byte of `word` that is zero, and no other bit.
  @inline(__always)
  private static func zeroBytes(_ word: UInt64) -> UInt64 {
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((word & low) &+ low) | word) & 0x8080_8080_8080_8080
  }

  /// The definition, a byte at a time: a tab, or a space after a space (or, with
  /// `previousWasSpace`, a space first).
  private static func scan<Bytes: Sequence<UInt8>>(_ bytes: Bytes, previousWasSpace: Bool)
    -> Bool
  {
    var previousWasSpace = previousWasSpace
    for byte in bytes {
      if byte == 0x09 { return true }
      let isSpace = byte == 0x20
      if isSpace && previousWasSpace { return true }
      previousWasSpace = isSpace
    }
    return false
  }
}
