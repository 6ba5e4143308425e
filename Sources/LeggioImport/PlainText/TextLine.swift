/// A line of the text being imported: its UTF-8 bytes, in place in the decoded text.
/// Cutting a book's 70,000 lines as `Substring`s cost 15 M instructions (index checks,
/// `scalarAlignSlow`), and every later look at a line borrowed its storage again, with a
/// retain and a release: a line read as bytes costs none of that. The text must outlive
/// its lines: the importer cuts them inside the text's `withUTF8`.
struct TextLine: @unchecked Sendable {
  let start: UnsafePointer<UInt8>?
  let count: Int

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    start = bytes.baseAddress
    count = bytes.count
  }

  init(start: UnsafePointer<UInt8>?, count: Int) {
    self.start = start
    self.count = count
  }

  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

  var isEmpty: Bool { count == 0 }

  /// The first byte, if any.
  var first: UInt8? { count > 0 ? start![0] : nil }

  /// The last byte, if any.
  var last: UInt8? { count > 0 ? start![count - 1] : nil }

  /// The line's first `length` bytes (at a scalar boundary).
  func prefix(_ length: Int) -> TextLine { TextLine(start: start, count: min(length, count)) }

  /// The line as a `Substring` of a string of its own: for the rare lines only the
  /// `Character` functions can read (the bytes are well-formed UTF-8, so the string
  /// holds the same characters the line's text did).
  var text: Substring { Substring(string) }

  /// The line as a string of its own.
  var string: String { String(decoding: bytes, as: UTF8.self) }
}

extension TextLine: Equatable {
  /// Lines are equal when their bytes are.
  static func == (lhs: TextLine, rhs: TextLine) -> Bool {
    lhs.count == rhs.count && lhs.bytes.elementsEqual(rhs.bytes)
  }
}

extension TextLine {
  /// Calls `body` with `lines` as `TextLine`s of a copy of their bytes, which lives until
  /// `body` returns: for callers (the tests among them) that hold `Substring`s.
  static func withLines<Result>(
    _ lines: some Collection<Substring>, _ body: ([TextLine]) throws -> Result
  ) rethrows -> Result {
    let total = lines.reduce(0) { $0 + $1.utf8.count }
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, total))
    defer { buffer.deallocate() }
    var written = 0
    var made: [TextLine] = []
    made.reserveCapacity(lines.count)
    for line in lines {
      let count = line.utf8.count
      let target = UnsafeMutableBufferPointer(start: buffer + written, count: count)
      // Copied in one go where the bytes are contiguous (a native string's always are).
      let copied = line.utf8.withContiguousStorageIfAvailable { bytes in
        if let source = bytes.baseAddress, count > 0 {
          target.baseAddress!.initialize(from: source, count: count)
        }
      }
      if copied == nil { _ = target.initialize(from: line.utf8) }
      made.append(TextLine(start: UnsafePointer(buffer + written), count: count))
      written += count
    }
    return try body(made)
  }
}
