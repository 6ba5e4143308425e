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
  var widths: [UInt8] = []
  var classes: [BreakClass] = []
  /// Byte offset in `bytes` where each cluster starts, plus one final entry.
  var byteStarts: [Int32] = [0]
  /// Scalar offset from the block's start where each cluster starts, plus a final entry.
  var offsets: [Int32] = [0]
  var bytes: [UInt8] = []
  /// True while every `.normal` cluster is one cell wide (all text came through the fast
  /// path); then `specials` lists the clusters that are not `.normal`, so that the breaker
  /// and the renderer can skip whole words at once.
  private(set) var uniform = true
  private(set) var specials: [Int32] = []
  var segments: [Segment] = []

  var count: Int { widths.count }

  /// Whether any cluster is a line break. In uniform text only the `specials` can be,
  /// about one cluster in six, so the whole class array need not be read again.
  var containsNewline: Bool {
    uniform
      ? specials.contains { classes[Int($0)] == .newline } : classes.contains(.newline)
  }

  init(capacity: Int = 0) {
    widths.reserveCapacity(capacity)
    classes.reserveCapacity(capacity)
    byteStarts.reserveCapacity(capacity + 1)
    offsets.reserveCapacity(capacity + 1)
    bytes.reserveCapacity(capacity + capacity / 8)
  }

  /// Makes the next text appended start at scalar offset `offset` of the block: for
  /// text laid out out of source order (a table's cells, line by line). This is also where
  /// the last cluster so far ends, so call it only after decoration (whose offsets are
  /// never read as a range).
  mutating func moveOffset(to offset: Int) {
    offsets[offsets.count - 1] = Int32(offset)
  }

  /// Appends `text` as a segment.
  mutating func append(_ text: String, _ segment: Segment) {
    var segment = segment
    segment.clusterStart = count
    if !appendSimple(text, isSource: segment.isSource) {
      uniform = false
      appendCharacters(text, isSource: segment.isSource)
    }
    segment.clusterEnd = count
    segments.append(segment)
    if uniform { findSpecials(segment.clusterStart..<segment.clusterEnd) }
  }

  /// The fast path; returns false (and appends nothing) if `text` is not all simple.
  /// Grows the arrays by the byte count, fills them through pointers, then trims them.
  private mutating func appendSimple(_ text: String, isSource: Bool) -> Bool {
    var text = text
    let oldCount = count
    let oldBytes = bytes.count
    return text.withUTF8 { utf8 -> Bool in
      let n = utf8.count
      guard n > 0 else { return true }
      widths.append(contentsOf: repeatElement(1, count: n))
      classes.append(contentsOf: repeatElement(.normal, count: n))
      byteStarts.append(contentsOf: repeatElement(0, count: n))
      offsets.append(contentsOf: repeatElement(0, count: n))
      bytes.append(contentsOf: utf8)
      let step: Int32 = isSource ? 1 : 0
      var clusters = 0
      let ok = Self.asciiClasses.withUnsafeBufferPointer { ascii in
        widths.withUnsafeMutableBufferPointer { widths in
          classes.withUnsafeMutableBufferPointer { classes in
            byteStarts.withUnsafeMutableBufferPointer { byteStarts in
              offsets.withUnsafeMutableBufferPointer { offsets -> Bool in
                var k = oldCount
                var offset = offsets[k]
                var byteStart = byteStarts[k]
                var index = 0
                while index < n {
                  let lead = utf8[index]
                  let length: Int
                  if lead < 0x80 {
                    guard (lead >= 0x20 && lead < 0x7F) || lead == 0x0A else { return false }
                    length = 1
                    if lead == 0x0A { widths[k] = 0 }
                    classes[k] = ascii[Int(lead)]
                  } else {
                    length = lead < 0xE0 ? 2 : (lead < 0xF0 ? 3 : 4)
                    var value = UInt32(lead) & (length == 2 ? 0x1F : 0x0F)
                    for j in 1..<length { value = value << 6 | UInt32(utf8[index + j] & 0x3F) }
                    guard let scalar = Unicode.Scalar(value), Self.isSimple(scalar) else {
                      return false
                    }
                    classes[k] = BreakClass.of(scalar, width: 1)
                  }
                  index += length
                  byteStart += Int32(length)
                  offset += step
                  k += 1
                  byteStarts[k] = byteStart
                  offsets[k] = offset
                }
                clusters = k - oldCount
                return true
              }
            }
          }
        }
      }
      let keep = ok ? clusters : 0
      widths.removeLast(n - keep)
      classes.removeLast(n - keep)
      byteStarts.removeLast(n - keep)
      offsets.removeLast(n - keep)
      if !ok { bytes.removeLast(bytes.count - oldBytes) }
      return ok
    }
  }

  static let asciiClasses = BreakClass.ascii

  /// Appends to `specials` the clusters of `range` that are not `.normal`.
  private mutating func findSpecials(_ range: Range<Int>) {
    let found = classes.withUnsafeBufferPointer { classes in
      [Int32](unsafeUninitializedCapacity: range.count) { buffer, initialized in
        // `.normal` is 0: eight clusters are skipped at once when all are normal (about
        // one word in two), the others written branch-free (always write, advance only
        // past a special cluster).
        let raw = UnsafeRawPointer(classes.baseAddress!)
        let output = buffer.baseAddress!
        var found = 0
        var k = range.lowerBound
        let end = range.upperBound
        while k < end {
          if k + 8 <= end && raw.loadUnaligned(fromByteOffset: k, as: UInt64.self) == 0 {
            k &+= 8
            continue
          }
          output[found] = Int32(truncatingIfNeeded: k)
          found &+= Int(raw.load(fromByteOffset: k, as: UInt8.self) != 0 ? 1 : 0)
          k &+= 1
        }
        initialized = found
      }
    }
    specials.append(contentsOf: found)
  }

  private mutating func appendCharacters(_ text: String, isSource: Bool) {
    var offset = offsets[offsets.count - 1]
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
      widths.append(UInt8(width))
      classes.append(breakClass)
      let utf8Count = character.utf8.count
      bytes.append(contentsOf: character.utf8)
      byteStart += Int32(utf8Count)
      if isSource { offset += Int32(scalars.count) }
      byteStarts.append(byteStart)
      offsets.append(offset)
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
    let lower = Int(byteStarts[range.lowerBound])
    let upper = Int(byteStarts[range.upperBound])
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
