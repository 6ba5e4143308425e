import LeggioModel

extension UTF8Validation {
  /// `check` and `TextSanitizer.isClean` in one pass over the bytes: nil when they are not
  /// well-formed UTF-8, else whether they are all ASCII and whether the sanitiser would
  /// leave them as they are. Each was a pass of its own over a book's 3.4 MB (4 and 7 M
  /// instructions) before any line could be cut. Eight bytes go at once while all are
  /// printable ASCII or line feeds; from any other byte on, that byte (or scalar) is read
  /// as both checks read it. Once a byte the sanitiser changes is found, the rest is only
  /// checked (`check`, whose eight-byte steps pass every ASCII byte: a book with CRLF
  /// line ends stops the other test at every line).
  static func checkClean(_ bytes: UnsafeBufferPointer<UInt8>) -> (isASCII: Bool, isClean: Bool)? {
    guard let base = bytes.baseAddress else { return (true, true) }
    let count = bytes.count
    var index = 0
    var isASCII = true
    var isClean = true
    while index < count && isClean {
      if index &+ 8 <= count {
        let others = TextSanitizer.otherThanPrintableOrLineFeeds(
          UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        if others == 0 {
          index &+= 8
          continue
        }
        index &+= others.trailingZeroBitCount &>> 3
      }
      let lead = base[index]
      if lead < 0x80 {
        if (lead < 0x20 && lead != 0x0A && lead != 0x09) || lead == 0x7F { isClean = false }
        index &+= 1
        continue
      }
      isASCII = false
      guard let length = sequenceLength(base, count: count, at: index) else { return nil }
      if TextSanitizer.isForbiddenSequence(base, count: count, at: index) { isClean = false }
      index &+= length
    }
    guard index < count else { return (isASCII, isClean) }
    guard let restIsASCII = check(UnsafeBufferPointer(rebasing: bytes[index...])) else {
      return nil
    }
    return (isASCII && restIsASCII, false)
  }
}
