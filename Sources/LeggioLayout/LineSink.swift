import LeggioModel

/// Receives laid-out lines piece by piece: `RunSink` builds `LaidOutLine`s for the reader,
/// `TextSink` writes plain text for `leggio show`. One layout code path feeds both, so
/// what the CLI prints is what the reader shows.
protocol LineSink {
  /// False when the sink draws text only (the renderer then skips offsets and styles).
  static var wantsRuns: Bool { get }
  /// Decoration: a bullet, a quote bar, the title block's text.
  mutating func decoration(_ text: String, column: Int, cells: Int, role: StyleRole)
  /// Clusters `range` of `buffer`, drawn as they are.
  mutating func text(
    _ buffer: ClusterBuffer, _ range: Range<Int>, column: Int, cells: Int, segment: Int,
    source: Range<Int>?)
  /// A stand-in drawn instead of the text (a control symbol, an expanded tab).
  mutating func symbol(
    _ text: String, column: Int, cells: Int, role: StyleRole, inline: InlineStyle,
    source: Range<Int>?)
  /// Ends a line that starts at canonical offset `position` and shows `source`.
  mutating func endLine(source: Range<Int>?, position: Int)
  /// A blank line at canonical offset `position`.
  mutating func blankLine(position: Int)
  /// A line a picture is drawn over (blank as text) at canonical offset `position`.
  mutating func pictureLine(_ picture: PictureRow, position: Int)
  /// Whether the sink draws a line of uniform text in one go (`uniformLine`).
  static var drawsUniformLines: Bool { get }
  /// Draws clusters `range` of uniform text in one go (see the extension).
  mutating func uniformLine(
    _ buffer: ClusterBuffer, _ range: Range<Int>, column: Int, extra: Int, gaps: Int)
}

extension LineSink {
  /// As text, a picture's line is blank.
  mutating func pictureLine(_ picture: PictureRow, position: Int) { blankLine(position: position) }

  /// Whether the sink draws a line of uniform text in one go (`uniformLine`).
  static var drawsUniformLines: Bool { false }

  /// Draws clusters `range` of uniform text (every cluster one cell and drawn as it is:
  /// no control, tab or soft hyphen) from `column`, `extra` cells spread over its `gaps`
  /// gaps as `UnitRenderer` spreads them. Only for sinks whose `drawsUniformLines` is true.
  mutating func uniformLine(
    _ buffer: ClusterBuffer, _ range: Range<Int>, column: Int, extra: Int, gaps: Int
  ) {
    preconditionFailure("\(Self.self) does not draw uniform lines in one go")
  }
}

/// Builds the reader's lines, with each line's canonical position.
struct RunSink: LineSink {
  static var wantsRuns: Bool { true }
  var lines: [LaidOutLine] = []
  var positions: [Int] = []
  private var runs: [Run] = []

  mutating func decoration(_ text: String, column: Int, cells: Int, role: StyleRole) {
    runs.append(Run(text: text, column: column, cells: cells, role: role))
  }

  mutating func text(
    _ buffer: ClusterBuffer, _ range: Range<Int>, column: Int, cells: Int, segment index: Int,
    source: Range<Int>?
  ) {
    let segment = buffer.segments[index]
    runs.append(
      Run(
        text: buffer.string(range), column: column, cells: cells, role: segment.role,
        inline: segment.inline, link: segment.link, source: source))
  }

  mutating func symbol(
    _ text: String, column: Int, cells: Int, role: StyleRole, inline: InlineStyle,
    source: Range<Int>?
  ) {
    runs.append(
      Run(text: text, column: column, cells: cells, role: role, inline: inline, source: source))
  }

  mutating func endLine(source: Range<Int>?, position: Int) {
    lines.append(LaidOutLine(runs: runs, source: source))
    positions.append(position)
    runs.removeAll(keepingCapacity: true)
  }

  mutating func blankLine(position: Int) {
    lines.append(LaidOutLine())
    positions.append(position)
  }

  mutating func pictureLine(_ picture: PictureRow, position: Int) {
    lines.append(LaidOutLine(picture: picture))
    positions.append(position)
  }
}

/// Writes lines as UTF-8 text, runs placed at their columns, trailing spaces dropped.
struct TextSink: LineSink {
  static var wantsRuns: Bool { false }
  var bytes: [UInt8] = []
  private var lineStart = 0
  private var column = 0

  init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  private mutating func move(to target: Int) {
    if target > column { appendSpaces(target - column) }
    column = max(column, target)
  }

  /// Spaces to copy from: appending a `repeatElement` went a byte at a time, and a slice
  /// of an array retained and released its storage on every line (on both cores at
  /// once). Made once, never freed, never written after.
  private static let spacesCount = 256
  nonisolated(unsafe) private static let spaces: UnsafePointer<UInt8> = {
    let spaces = UnsafeMutablePointer<UInt8>.allocate(capacity: spacesCount)
    spaces.initialize(repeating: 0x20, count: spacesCount)
    return UnsafePointer(spaces)
  }()

  private mutating func appendSpaces(_ count: Int) {
    var left = count
    while left > 0 {
      let now = min(left, Self.spacesCount)
      bytes.append(contentsOf: UnsafeBufferPointer(start: Self.spaces, count: now))
      left -= now
    }
  }

  mutating func decoration(_ text: String, column: Int, cells: Int, role: StyleRole) {
    move(to: column)
    bytes.append(contentsOf: text.utf8)
    self.column += cells
  }

  mutating func text(
    _ buffer: ClusterBuffer, _ range: Range<Int>, column: Int, cells: Int, segment: Int,
    source: Range<Int>?
  ) {
    move(to: column)
    let lower = Int(buffer.byteStarts[range.lowerBound])
    let upper = Int(buffer.byteStarts[range.upperBound])
    buffer.bytes.withUnsafeBufferPointer {
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[lower..<upper]))
    }
    self.column += cells
  }

  mutating func symbol(
    _ text: String, column: Int, cells: Int, role: StyleRole, inline: InlineStyle,
    source: Range<Int>?
  ) {
    decoration(text, column: column, cells: cells, role: role)
  }

  mutating func endLine(source: Range<Int>?, position: Int) {
    while bytes.count > lineStart && bytes[bytes.count - 1] == 0x20 { bytes.removeLast() }
    bytes.append(0x0A)
    lineStart = bytes.count
    column = 0
  }

  mutating func blankLine(position: Int) {
    bytes.append(0x0A)
    lineStart = bytes.count
    column = 0
  }

  static var drawsUniformLines: Bool { true }

  /// The line's bytes copied from gap to gap, with the spaces each gap gains: what the
  /// run by run drawing writes (a call, a column move and a copy for each word of a
  /// justified line, a tenth of `leggio show`'s work), in one pass over the line's
  /// bytes. The line is laid down as spaces at once and its words copied over
  /// them: two appends for each gap had cost more than the copying.
  mutating func uniformLine(
    _ buffer: ClusterBuffer, _ range: Range<Int>, column x: Int, extra: Int, gaps: Int
  ) {
    guard !range.isEmpty else { return }
    // The spaces up to column `x` (the margin) laid down with the line's: a `move` of its
    // own cost a hundred instructions a line.
    let margin = max(0, x - column)
    column = max(column, x)
    let extra = gaps > 0 ? max(0, extra) : 0
    var added = 0
    buffer.bytes.withUnsafeBufferPointer { source in
      buffer.byteStarts.withUnsafeBufferPointer { starts in
        let first = Int(starts[range.lowerBound])
        let last = Int(starts[range.upperBound])
        let lineStart = bytes.count + margin
        appendSpaces(margin + last - first + extra)
        let unused = bytes.withUnsafeMutableBufferPointer { output -> Int in
          let base = output.baseAddress!
          var written = lineStart
          var cursor = first
          let from = source.baseAddress!
          func copy(upTo end: Int) {
            // The words up to the next gap that gains cells: a call to `memmove` for each
            // cost more than the copy. Eight bytes at a time, the last eight overlapping
            // the ones before.
            let count = end &- cursor
            let target = UnsafeMutableRawPointer(base + written)
            let origin = UnsafeRawPointer(from + cursor)
            if count > 96 {
              (base + written).update(from: from + cursor, count: count)
            } else if count >= 8 {
              var done = 0
              while done &+ 8 < count {
                target.storeBytes(
                  of: origin.loadUnaligned(fromByteOffset: done, as: UInt64.self),
                  toByteOffset: done, as: UInt64.self)
                done &+= 8
              }
              target.storeBytes(
                of: origin.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self),
                toByteOffset: count &- 8, as: UInt64.self)
            } else {
              for k in 0..<count {
                target.storeBytes(
                  of: origin.load(fromByteOffset: k, as: UInt8.self), toByteOffset: k,
                  as: UInt8.self)
              }
            }
            written &+= count
            cursor = end
          }
          if extra > 0 {
            // The gaps found on the line's bytes: in uniform text a space cluster is
            // the byte 0x20 and nothing else is, so the spaces are found eight bytes at a
            // time (walking the special clusters cost about 30 instructions each).
            let spread = extra.quotientAndRemainder(dividingBy: gaps)
            var remainder = 0
            // Spaces before the first visible byte are no gap.
            var visible = first
            while visible < last && from[visible] == 0x20 { visible &+= 1 }
            /// The space at byte `b`: the end of a gap when a visible byte follows it.
            func space(at b: Int) {
              let next = b &+ 1
              guard b > visible, next < last, from[next] != 0x20 else { return }
              // Bresenham, as `UnitRenderer.drawText`: gap g gets extra·g/G − extra·(g−1)/G.
              remainder &+= spread.remainder
              var add = spread.quotient
              if remainder >= gaps {
                remainder &-= gaps
                add &+= 1
              }
              // Never past the spaces laid down (the breaker counted the gaps).
              add = min(add, extra &- added)
              // A gap that gains nothing is copied with the words around it: most lines
              // spread a few cells over a dozen gaps.
              guard add > 0 else { return }
              copy(upTo: next)
              written &+= add
              added &+= add
            }
            var b = visible
            let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            while b &+ 8 <= last {
              let word =
                UnsafeRawPointer(from + b).loadUnaligned(as: UInt64.self) ^ 0x2020_2020_2020_2020
              // Bit 7 of each byte that was a space (exact, byte by byte).
              var spaces = ~(((word & low) &+ low) | word | low)
              while spaces != 0 {
                space(at: b &+ spaces.trailingZeroBitCount &>> 3)
                spaces &= spaces &- 1
              }
              b &+= 8
            }
            while b < last {
              if from[b] == 0x20 { space(at: b) }
              b &+= 1
            }
          }
          copy(upTo: last)
          return output.count - written
        }
        if unused > 0 { bytes.removeLast(unused) }
      }
    }
    column += range.count + added
  }
}
