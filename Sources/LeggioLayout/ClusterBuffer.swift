import Glibc
import LeggioModel

/// A piece of a block's text with one style: an inline of the document (with canonical
/// offsets) or decoration the layout adds ("[Image: ", the title block).
struct Segment {
  var role: StyleRole
  var inline: InlineStyle = []
  var link: String? = nil
  /// True when the text is part of the canonical text.
  var isSource: Bool
  /// Clusters `clusterStart..<clusterEnd` of the buffer.
  var clusterStart = 0
  var clusterEnd = 0
}

/// A block's text cut into grapheme clusters, with each cluster's width, break class,
/// UTF-8 bytes and canonical offset: what the line breaker and the renderers read.
///
/// Text made only of "simple" scalars (printable ASCII, Latin-1 and Latin Extended
/// letters, general punctuation: each its own grapheme, one cell wide) is cut by a fast
/// path over the scalars; anything else goes through Swift's `Character`s and `wcwidth`.
struct ClusterBuffer {
  /// The clusters' arrays, kept at their full length (`byteStartStore` and `offsetStore`
  /// one longer) when a reused buffer is emptied: only the first `count` (and one) hold
  /// this text, so that the fast path writes them without filling them first or trimming
  /// them after, and emptying is setting `count` (the arrays' own emptying and trimming,
  /// through `replaceSubrange`, cost about 30 M instructions on a 3.4 MB book).
  private var widthStore: [UInt8] = []
  private var classStore: [BreakClass] = []
  private var byteStartStore: [Int32] = [0]
  private var offsetStore: [Int32] = [0]
  private(set) var count = 0

  var widths: ArraySlice<UInt8> { widthStore[..<count] }
  var classes: ArraySlice<BreakClass> { classStore[..<count] }
  /// Byte offset in `bytes` where each cluster starts, plus one final entry.
  var byteStarts: ArraySlice<Int32> { byteStartStore[...count] }
  /// Scalar offset from the block's start where each cluster starts, plus a final entry.
  var offsets: ArraySlice<Int32> { offsetStore[...count] }
  var bytes: [UInt8] = []
  /// True while every `.normal` cluster is one cell wide (all text came through the fast
  /// path); then `specials` lists the clusters that are not `.normal`, so that the breaker
  /// and the renderer can skip whole words at once.
  private(set) var uniform = true
  var specials: ArraySlice<Int32> { specialStore[..<specialCount] }
  /// The special clusters' list, as long as the cluster arrays (there is at most one
  /// entry a cluster): written in place, like them, and emptied by its count.
  private var specialStore: [Int32] = []
  private var specialCount = 0
  var segments: [Segment] = []

  /// Whether any cluster is a line break: `memchr` over the classes (one byte each),
  /// which reads them many at a time, where looking at each special cluster cost more.
  var containsNewline: Bool {
    classStore.withUnsafeBytes {
      guard let base = $0.baseAddress, count > 0 else { return false }
      return memchr(base, Int32(BreakClass.newline.rawValue), count) != nil
    }
  }

  init(capacity: Int = 0) {
    reserve(capacity)
  }

  /// Room for a text of about `capacity` bytes (a cluster a byte, a scalar a byte).
  /// Each array is asked only when it is short: a reused buffer mostly has the room, and
  /// five `reserveCapacity` calls a block were most of the 900 instructions of emptying
  /// it.
  private mutating func reserve(_ capacity: Int) {
    makeRoom(forMore: capacity)
    if bytes.capacity < capacity + capacity / 8 { bytes.reserveCapacity(capacity + capacity / 8) }
  }

  /// Lengthens the cluster arrays, when they are short, to hold `more` clusters past
  /// `count` (at least doubling them, so a cluster at a time grows them rarely).
  @inline(__always)
  private mutating func makeRoom(forMore more: Int) {
    let needed = count &+ more
    guard widthStore.count < needed else { return }
    let added = max(needed, 2 * widthStore.count, 16) - widthStore.count
    Self.grow(&widthStore, by: added, from: Self.ones)
    Self.grow(&classStore, by: added, from: Self.normals)
    Self.grow(&byteStartStore, by: added, from: Self.zeros)
    Self.grow(&offsetStore, by: added, from: Self.zeros)
    Self.grow(&specialStore, by: added, from: Self.zeros)
  }

  /// Gives cluster `index` the class `breakClass` (for rules applied after clustering).
  mutating func setClass(_ breakClass: BreakClass, at index: Int) {
    precondition(index < count)
    classStore[index] = breakClass
  }

  /// Empties the buffer for another text of about `capacity` bytes, keeping its storage.
  mutating func removeAll(reservingCapacity capacity: Int) {
    count = 0
    byteStartStore[0] = 0
    offsetStore[0] = 0
    bytes.removeAll(keepingCapacity: true)
    uniform = true
    specialCount = 0
    segments.removeAll(keepingCapacity: true)
    reserve(capacity)
  }

  /// Makes the next text appended start at scalar offset `offset` of the block: for
  /// text laid out out of source order (a table's cells, line by line). This is also where
  /// the last cluster so far ends, so call it only after decoration (whose offsets are
  /// never read as a range).
  mutating func moveOffset(to offset: Int) {
    offsetStore[count] = Int32(offset)
  }

  /// Appends `text` as a segment. Stretches of simple scalars take the fast path; the
  /// rest (and the simple scalars that touch it, which a combining mark or joiner could
  /// join to it) goes through `Character`s. Between two simple scalars there is always a
  /// cluster boundary, so cutting there gives the clusters of the whole text: one odd
  /// character (a three-em dash, a hair space) no longer sends a page-long paragraph
  /// through the slow walk.
  mutating func append(_ text: String, _ segment: Segment) {
    var segment = segment
    segment.clusterStart = count
    var text = text
    text.withUTF8 { utf8 in
      var from = 0
      while from < utf8.count {
        let stop = appendSimple(utf8, from: from, isSource: segment.isSource)
        guard stop < utf8.count else { break }
        let end = Self.endOfComplexStretch(utf8, from: stop)
        uniform = false
        appendCharacters(
          String(decoding: UnsafeBufferPointer(rebasing: utf8[stop..<end]), as: UTF8.self),
          isSource: segment.isSource)
        from = end
      }
    }
    segment.clusterEnd = count
    segments.append(segment)
    if uniform { findSpecials(segment.clusterStart..<segment.clusterEnd) }
  }

  /// The fast path over `utf8` from byte `from`: appends its clusters up to the first
  /// scalar that is not simple and returns where the slow path must take over, which is
  /// the start of the simple scalar before that one when this call appended it (a mark
  /// may join the two), or `utf8.count` when everything was appended. Writes the arrays
  /// through pointers, past `count` (they have room for the byte count), then moves `count`.
  private mutating func appendSimple(
    _ utf8: UnsafeBufferPointer<UInt8>, from: Int, isSource: Bool
  ) -> Int {
    let oldCount = count
    let n = utf8.count - from
    guard n > 0 else { return utf8.count }
    makeRoom(forMore: n)
    // Every simple scalar is one cell wide ("\n" is set to 0 below).
    widthStore.withUnsafeMutableBufferPointer {
      UnsafeMutableBufferPointer(rebasing: $0[oldCount..<(oldCount &+ n)]).update(repeating: 1)
    }
    let step: Int32 = isSource ? 1 : 0
    var clusters = 0
    var stop = utf8.count
    Self.asciiClasses.withUnsafeBufferPointer { ascii in
      widthStore.withUnsafeMutableBufferPointer { widths in
        classStore.withUnsafeMutableBufferPointer { classes in
          byteStartStore.withUnsafeMutableBufferPointer { byteStarts in
            offsetStore.withUnsafeMutableBufferPointer { offsets in
              var k = oldCount
              var offset = offsets[k]
              var byteStart = byteStarts[k]
              var index = from
              var previous = from
              let end = utf8.count
              while index < end {
                // A run of printable ASCII, most of a Latin text: one cluster, one byte and
                // one scalar each, in a loop that only looks its class up: eight bytes at a
                // time while all eight are printable (eleven instructions a byte went to
                // about five). `j` counts from `index`: cluster `k + j` is byte `index + j`.
                let input = utf8.baseAddress! + index
                let out = classes.baseAddress! + k
                let available = end &- index
                var j = 0
                while j &+ 8 <= available
                  && Self.allPrintableASCII(
                    UnsafeRawPointer(input + j).loadUnaligned(as: UInt64.self))
                {
                  out[j] = ascii[Int(input[j])]
                  out[j &+ 1] = ascii[Int(input[j &+ 1])]
                  out[j &+ 2] = ascii[Int(input[j &+ 2])]
                  out[j &+ 3] = ascii[Int(input[j &+ 3])]
                  out[j &+ 4] = ascii[Int(input[j &+ 4])]
                  out[j &+ 5] = ascii[Int(input[j &+ 5])]
                  out[j &+ 6] = ascii[Int(input[j &+ 6])]
                  out[j &+ 7] = ascii[Int(input[j &+ 7])]
                  j &+= 8
                }
                while j < available && input[j] &- 0x20 < 0x5F {
                  out[j] = ascii[Int(input[j])]
                  j &+= 1
                }
                let run = index &+ j
                if run > index {
                  let length = run &- index
                  Self.count(
                    from: byteStart, offset: offset, step: step, into: byteStarts, offsets,
                    at: k &+ 1, length)
                  k &+= length
                  byteStart &+= Int32(truncatingIfNeeded: length)
                  offset &+= step &* Int32(truncatingIfNeeded: length)
                  previous = run &- 1
                  index = run
                  guard index < end else { break }
                }
                let lead = utf8[index]
                let length: Int
                if lead < 0x80 {
                  guard (lead >= 0x20 && lead < 0x7F) || lead == 0x0A else {
                    stop = index
                    break
                  }
                  length = 1
                  if lead == 0x0A { widths[k] = 0 }
                  classes[k] = ascii[Int(lead)]
                } else {
                  length = lead < 0xE0 ? 2 : (lead < 0xF0 ? 3 : 4)
                  var value = UInt32(lead) & (length == 2 ? 0x1F : 0x0F)
                  for j in 1..<length { value = value << 6 | UInt32(utf8[index + j] & 0x3F) }
                  guard let scalar = Unicode.Scalar(value), Self.isSimple(scalar) else {
                    stop = index
                    break
                  }
                  classes[k] = BreakClass.of(scalar, width: 1)
                }
                previous = index
                index += length
                byteStart += Int32(length)
                offset += step
                k += 1
                byteStarts[k] = byteStart
                offsets[k] = offset
              }
              clusters = k - oldCount
              if stop < end && clusters > 0 {
                // The scalar before the odd one is left to the slow path with it.
                clusters -= 1
                stop = previous
              }
            }
          }
        }
      }
    }
    count = oldCount &+ clusters
    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[from..<stop]))
    return stop
  }

  /// Writes the starts of a run of `length` one-byte clusters from entry `first`:
  /// `byteStart + j` and `offset + step·j` for j in 1...length. Eight entries at a time
  /// in vectors that only grow (the compiler's loop rebuilt them from `j` each time, 34
  /// instructions for eight entries), the last eight perhaps past the run when the
  /// arrays have room (entries past `count` are never read, and written again before
  /// they are).
  @inline(__always)
  private static func count(
    from byteStart: Int32, offset: Int32, step: Int32,
    into byteStarts: UnsafeMutableBufferPointer<Int32>,
    _ offsets: UnsafeMutableBufferPointer<Int32>, at first: Int, _ length: Int
  ) {
    let rounded = (length &+ 7) & ~7
    guard first &+ rounded <= byteStarts.count, first &+ rounded <= offsets.count else {
      for j in 0..<length {
        let n = Int32(truncatingIfNeeded: j &+ 1)
        byteStarts[first &+ j] = byteStart &+ n
        offsets[first &+ j] = offset &+ step &* n
      }
      return
    }
    let ramp = SIMD8<Int32>(1, 2, 3, 4, 5, 6, 7, 8)
    var starts = SIMD8<Int32>(repeating: byteStart) &+ ramp
    var scalars = SIMD8<Int32>(repeating: offset) &+ ramp &* step
    let startStep = SIMD8<Int32>(repeating: 8)
    let scalarStep = SIMD8<Int32>(repeating: 8 &* step)
    let startsOut = UnsafeMutableRawPointer(byteStarts.baseAddress! + first)
    let offsetsOut = UnsafeMutableRawPointer(offsets.baseAddress! + first)
    var byte = 0
    let end = rounded &* 4
    while byte < end {
      startsOut.storeBytes(of: starts, toByteOffset: byte, as: SIMD8<Int32>.self)
      offsetsOut.storeBytes(of: scalars, toByteOffset: byte, as: SIMD8<Int32>.self)
      starts &+= startStep
      scalars &+= scalarStep
      byte &+= 32
    }
  }

  /// Whether all eight bytes of `word` are printable ASCII (0x20...0x7E): no byte below
  /// 0x20 (the borrow of `word - 0x20…` reaches the top bit of a byte only there, or above
  /// a byte that is) and none above 0x7E (`word + 0x01…` or the byte itself sets its top bit).
  @inline(__always)
  static func allPrintableASCII(_ word: UInt64) -> Bool {
    let high: UInt64 = 0x8080_8080_8080_8080
    let below = (word &- 0x2020_2020_2020_2020) & ~word
    let above = (word &+ 0x0101_0101_0101_0101) | word
    return (below | above) & high == 0
  }

  /// Elements copied from to lengthen the cluster arrays: appending a `repeatElement` went
  /// an element at a time, a copy from a buffer is a `memcpy`. Made once, never freed or
  /// written.
  private static let fillCount = 4096
  nonisolated(unsafe) private static let ones = filled(UInt8(1))
  nonisolated(unsafe) private static let normals = filled(BreakClass.normal)
  nonisolated(unsafe) private static let zeros = filled(Int32(0))

  private static func filled<T>(_ value: T) -> UnsafeBufferPointer<T> {
    let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: fillCount)
    buffer.initialize(repeating: value)
    return UnsafeBufferPointer(buffer)
  }

  /// Appends `count` elements of `fill` to `array`, a block of them at a time.
  @inline(__always)
  private static func grow<T>(_ array: inout [T], by count: Int, from fill: UnsafeBufferPointer<T>)
  {
    var left = count
    while left > 0 {
      let now = min(left, fill.count)
      array.append(contentsOf: UnsafeBufferPointer(rebasing: fill[..<now]))
      left -= now
    }
  }

  /// Where a stretch for the slow path that starts at byte `start` of `utf8` ends: after
  /// the first simple scalar that is followed by another simple scalar (the boundary
  /// between them is certain), or at the end of the text.
  static func endOfComplexStretch(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    var previousSimple = false
    while index < utf8.count {
      let (scalar, length) = scalar(utf8, at: index)
      let simple = scalar.map(isSimple) ?? false
      if simple && previousSimple { return index }
      // The first scalar is never cut from the odd one after it.
      previousSimple = simple && index > start
      index += length
    }
    return utf8.count
  }

  /// The scalar whose lead byte is at `index` of well-formed UTF-8, and its length.
  private static func scalar(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int)
    -> (Unicode.Scalar?, Int)
  {
    let lead = utf8[index]
    if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
    let length = lead < 0xE0 ? 2 : (lead < 0xF0 ? 3 : 4)
    var value = UInt32(lead) & (length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07))
    for j in 1..<length where index + j < utf8.count {
      value = value << 6 | UInt32(utf8[index + j] & 0x3F)
    }
    return (Unicode.Scalar(value), length)
  }

  static let asciiClasses = BreakClass.ascii

  /// Appends to `specials` the clusters of `range` that are not `.normal`, written in
  /// place past its count: the list is as long as the cluster arrays. (Found into scratch
  /// room and appended, they cost a heap allocation for each long block and a copy.)
  private mutating func findSpecials(_ range: Range<Int>) {
    guard !range.isEmpty else { return }
    var found = specialCount
    classStore.withUnsafeBufferPointer { classes in
      specialStore.withUnsafeMutableBufferPointer { buffer in
        // `.normal` is 0: eight clusters are read at once, and only the bits of the
        // bytes that are not 0 are visited (about one cluster in six).
        let raw = UnsafeRawPointer(classes.baseAddress!)
        let output = buffer.baseAddress!
        var k = range.lowerBound
        let end = range.upperBound
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        #if _endian(little)
          let wordAtATime = true
        #else
          let wordAtATime = false
        #endif
        while wordAtATime && k + 8 <= end {
          let word = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
          // Bit 7 of each byte that is not 0.
          var nonzero = (((word & low) &+ low) | word) & 0x8080_8080_8080_8080
          while nonzero != 0 {
            output[found] = Int32(truncatingIfNeeded: k &+ nonzero.trailingZeroBitCount >> 3)
            found &+= 1
            nonzero &= nonzero &- 1
          }
          k &+= 8
        }
        while k < end {
          if raw.load(fromByteOffset: k, as: UInt8.self) != 0 {
            output[found] = Int32(truncatingIfNeeded: k)
            found &+= 1
          }
          k &+= 1
        }
      }
    }
    specialCount = found
  }

  /// The slow path: `text` cluster by cluster, through `Character`s (the definition the
  /// fast path must agree with).
  mutating func appendCharacters(_ text: String, isSource: Bool) {
    var offset = offsetStore[count]
    var byteStart = Int32(bytes.count)
    for character in text {
      let scalars = character.unicodeScalars
      let first = scalars.first!
      let width: Int
      let breakClass: BreakClass
      if character == "\r\n" {
        (width, breakClass) = (0, .newline)
      } else if first == "\u{00AD}" && scalars.count == 1 {
        (width, breakClass) = (0, .softHyphen)
      } else if scalars.count == 1 {
        let w = first == "\t" || first == "\n" ? 0 : CellWidth.clusterWidth(scalars)
        (width, breakClass) = (w, BreakClass.of(first, width: w))
      } else {
        let w = CellWidth.clusterWidth(scalars)
        let base = BreakClass.of(first, width: w)
        (width, breakClass) = (
          w, base == .control || base == .ideographic ? base : (w == 2 ? .ideographic : base)
        )
      }
      makeRoom(forMore: 1)
      widthStore[count] = UInt8(width)
      classStore[count] = breakClass
      let utf8Count = character.utf8.count
      bytes.append(contentsOf: character.utf8)
      byteStart += Int32(utf8Count)
      if isSource { offset += Int32(scalars.count) }
      count += 1
      byteStartStore[count] = byteStart
      offsetStore[count] = offset
    }
  }

  /// A scalar that is a grapheme cluster of its own whatever surrounds it and takes one
  /// cell (or is "\n").
  @inline(__always)
  static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return (value >= 0x20 && value < 0x7F) || value == 0x0A }
    return (0xA0...0x2FF).contains(value) && value != 0xAD
      || (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value)
      || (0x20A0...0x20BF).contains(value)
  }

  /// The text of clusters `range`, as stored (control characters included).
  func string(_ range: Range<Int>) -> String {
    let lower = Int(byteStartStore[range.lowerBound])
    let upper = Int(byteStartStore[range.upperBound])
    return bytes.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[lower..<upper]), as: UTF8.self)
    }
  }

  /// The first scalar of cluster `index`.
  /// How the control character or tab at cluster `index` is drawn on a line that has
  /// `cells` cells so far: a visible symbol one cell wide, or spaces to the next tab stop
  /// in the text's own role.
  func drawnControl(_ index: Int, isTab: Bool, segment: Segment, cells: Int)
    -> (symbol: String, cells: Int, role: StyleRole)
  {
    guard isTab else {
      return (String(TerminalSafety.visibleSymbol(for: firstScalar(index))), 1, .controlSymbol)
    }
    let width = CellWidth.tabStop - cells % CellWidth.tabStop
    return (String(repeating: " ", count: width), width, segment.role)
  }

  func firstScalar(_ index: Int) -> Unicode.Scalar {
    let text = string(index..<index + 1)
    return text.unicodeScalars.first ?? " "
  }

  /// The segment holding cluster `index` (segments are few; a linear scan from a hint).
  func segmentIndex(containing index: Int, from hint: Int = 0) -> Int {
    var s = hint
    while s + 1 < segments.count && segments[s].clusterEnd <= index { s += 1 }
    return s
  }
}
