/// Unicode scalars counted on UTF-8 bytes: every scalar has exactly one byte that is not
/// a continuation byte (`10xxxxxx`), so the count is the bytes less those, found eight at
/// a time. Far cheaper than walking `unicodeScalars`, and the one place every module that
/// measures text in scalars (canonical offsets, wrap widths, verse lines) counts them.
package enum UTF8Scalars {
  /// The scalars in well-formed UTF-8 `bytes`, and whether they are all ASCII.
  package static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> (count: Int, isASCII: Bool) {
    guard let base = bytes.baseAddress else { return (0, true) }
    let count = bytes.count
    var continuations = 0
    var high: UInt64 = 0
    var index = 0
    while index &+ 8 <= count {
      let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
      continuations &+= (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
      high |= word
      index &+= 8
    }
    while index < count {
      if base[index] & 0xC0 == 0x80 { continuations &+= 1 }
      high |= UInt64(base[index])
      index &+= 1
    }
    return (count &- continuations, high & 0x8080_8080_8080_8080 == 0)
  }

  /// The scalar whose well-formed UTF-8 starts at `index` of `bytes`, and its length.
  @inline(__always)
  package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (
    scalar: UInt32, length: Int
  ) {
    let lead = bytes[index]
    if lead < 0x80 { return (UInt32(lead), 1) }
    let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    var value = UInt32(lead) & (0x7F >> UInt32(length))
    for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
    return (value, length)
  }
}
