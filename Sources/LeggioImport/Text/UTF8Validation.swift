/// Whether bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
/// nothing past U+10FFFF), checked eight ASCII bytes at a time: a feed of several MB
/// is checked in a few milliseconds rather than decoded scalar by scalar.
package enum UTF8Validation {
  package static func isValid(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer(isValid)
  }

  static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    check(bytes) != nil
  }

  /// Nil when `bytes` are not well-formed UTF-8, else whether they are all ASCII (what a
  /// `String` made of them without a second check must be told).
  package static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard let base = bytes.baseAddress else { return true }
    let count = bytes.count
    var index = 0
    var isASCII = true
    while index < count {
      // Runs of ASCII, a word at a time.
      while index + 8 <= count,
        UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080
          == 0
      {
        index += 8
      }
      guard index < count else { return isASCII }
      let lead = base[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      isASCII = false
      guard let length = sequenceLength(base, count: count, at: index) else { return nil }
      index += length
    }
    return isASCII
  }

  /// A `String` of `bytes`, which `check` found well-formed (`isASCII` as it said): copied
  /// without the standard library's own check, which goes a byte at a time.
  static func string(checked bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String {
    String(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: isASCII))
  }

  /// The length of the well-formed scalar whose lead byte (0x80 or over) is at `index`, or
  /// nil when the bytes there are not one (the rules of `check`).
  @inline(__always)
  static func sequenceLength(_ base: UnsafePointer<UInt8>, count: Int, at index: Int)
    -> Int?
  {
    let length: Int
    var lower: UInt8 = 0x80
    var upper: UInt8 = 0xBF
    switch base[index] {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      lower = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      upper = 0x9F
    case 0xF0:
      length = 4
      lower = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      upper = 0x8F
    default: return nil
    }
    guard index + length <= count else { return nil }
    let second = base[index + 1]
    guard second >= lower && second <= upper else { return nil }
    for offset in 2..<max(2, length) where base[index + offset] & 0xC0 != 0x80 {
      return nil
    }
    return length
  }
}
